using System.Diagnostics;
using System.Globalization;
using Goldilocks.Data;

namespace Goldilocks.Cli.Commands;

/// <summary>
/// <c>goldilocks report</c>: the README's main job. Runs the experiments of the profile --quick / --full / default
/// (<see cref="ReportProfile"/>: each section's arguments and its settings against the paper's) on real FashionMNIST
/// when installed (else the built-in synthetic data, said on the report's first line) and writes one self-contained
/// HTML page with, per claim ID, the settings line, the figures, the numbers, the settings and the time taken.
/// A section is <c>Section(key, claims, heading, text)</c>; its arguments come from <c>profile.Section(key)</c>, so a new
/// section adds its key to <see cref="ReportProfile.Keys"/> and a case to each profile's switch in ReportProfile.
/// </summary>
public static class ReportCommand
{
    public const string Name = "report";

    private static readonly Option<int> Samples = new Option<int>("--samples")
    {
        Description = "Training samples of the curvature sections (class-balanced; a multiple of 10 for FashionMNIST); default: the profile's (quick 300, default 1,000).",
    }.AtLeast(10);

    private static readonly Option<int> GridPoints = new Option<int>("--grid-points")
    {
        Description = "Number of α values, log-spaced over [1e-2, 1e2] (paper 000 Fig. 1-2); default: the profile's (quick 9, default 25).",
    }.AtLeast(2);

    private static readonly Option<int> Dimension = new Option<int>("--dimension", "-d")
    {
        Description = "Subspace dimension d of the projected curvature; default: the profile's (quick 20, default 50).",
    }.AtLeast(1);

    private static readonly Option<bool> Quick = new("--quick")
    {
        Description = "Laptop scale in under a minute (MLP 784-32-16-10, 300 images, d = 20, 9 α points): what the baseline tests and CI run.",
    };

    private static readonly Option<bool> Full = new("--full")
    {
        Description = "The papers' own counts (Fig. 5b: 2,000 priors, Fig. 6: 2,000 initializations, all 60,000 images): hours; prints its " +
                      "estimated time first; split it with --shard i/n, join with 'goldilocks merge', finish with --resume.",
    };

    private static readonly Option<string?> Shard = new Option<string?>("--shard")
    {
        Description = "Run only the cells ≡ i (mod n) of the sweep sections (zone, zone-lenet5, temperature, trainability, dimension, hutchinson, pre-collapse), written i/n; " +
                      "join each section's shards with 'goldilocks merge', then finish with --resume (any profile; meant for --full).",
    }.Shard();

    private static readonly Option<string?> DataDirectory = new("--data-dir") { Description = "FashionMNIST folder (default: the Debian package's)." };

    private static readonly Option<bool> Synthetic = new("--synthetic") { Description = "Use the built-in synthetic data even where FashionMNIST is installed." };

    public static Command Build()
    {
        var command = new Command(Name, "Run the default experiments and write one self-contained HTML report (report.html) into --out.");
        foreach (var o in new Option[] { Quick, Full, Shard, Samples, GridPoints, Dimension, DataDirectory, Synthetic, SweepOptions.Resume }) command.Options.Add(o);
        command.SetAction(Execute);
        return command;
    }

    /// <summary>The profile --quick / --full (or neither: the default) asks for, with --samples, --grid-points and -d
    /// replacing the profile's values when given. Both flags together are a usage error.</summary>
    public static ReportProfile ProfileOf(ParseResult parse)
    {
        bool quick = parse.GetValue(Quick), full = parse.GetValue(Full);
        if (quick && full) throw new CliUsageException("--quick and --full ask for two different profiles: give at most one of them");
        var profile = quick ? ReportProfile.Quick : full ? ReportProfile.Full : ReportProfile.Default;
        if (parse.GetResult(Samples) is not null) profile = profile with { Samples = parse.GetValue(Samples) };
        if (parse.GetResult(GridPoints) is not null) profile = profile with { Points = parse.GetValue(GridPoints) };
        if (parse.GetResult(Dimension) is not null) profile = profile with { Dimension = parse.GetValue(Dimension) };
        return profile;
    }

    private static int Execute(ParseResult parse)
    {
        var profile = ProfileOf(parse);
        var shard = parse.GetValue(Shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.All;
        var ctx = CommandContext.Create(Name, parse, out var device);
        string? dir = parse.GetValue(DataDirectory);
        bool real = !parse.GetValue(Synthetic) && FashionMnist.IsAvailable(dir);
        int samples = profile.Samples;
        string dataLine = real
            ? $"Data: real FashionMNIST ({dir ?? FashionMnist.DefaultDirectory}), class-balanced subsets of {samples} training images " +
              $"(profile {profile.Name}; each section states its own size)."
            : $"Data: synthetic fallback (built-in Gaussian class clusters, {samples} samples, 20 features, 10 classes): " +
              (parse.GetValue(Synthetic) ? "--synthetic was given." : "FashionMNIST is not installed (sudo apt-get install dataset-fashion-mnist).");
        ctx.Info(Spectre.Console.Markup.Escape(dataLine));
        if (profile.Name == "full") ctx.Info(Spectre.Console.Markup.Escape(FullEstimate(profile, shard)));

        int n = profile.Points;
        var alphas = Enumerable.Range(0, n).Select(i => Math.Pow(10, -2 + 4.0 * i / (n - 1))).ToArray();

        var html = new HtmlReport(profile.Name == "quick"
            ? "Goldilocks zone, edge of stability and Hessian spectra at laptop scale"
            : "Goldilocks zone, edge of stability and Hessian spectra at the papers' settings", dataLine);
        var sections = new JsonArray();
        var verdicts = new List<ClaimVerdict>();
        var unfinished = new List<string>();
        void Section(string key, string[] claims, string heading, string text)
        {
            var section = profile.Section(key);
            string command = section.Command;
            bool sweep = CliApp.Experiments.First(e => e.Name == command).Sweep;
            if (shard != ShardSpec.All && !sweep)
            {
                unfinished.Add($"{key} (not a sweep: runs in the final --resume run)");
                return;
            }
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var args = new List<string> { command, "--seed", Inv(ctx.Seed), "--out", Path.Combine(ctx.OutDirectory, key) };
            if (section.UsesData)
            {
                args.AddRange(new[] { "--dataset", real ? "fashion-mnist" : "synthetic", "--samples", Inv(section.Samples) });
                if (dir is not null) args.AddRange(new[] { "--data-dir", dir });
            }
            args.AddRange(section.Arguments);
            if (parse.GetValue(SweepOptions.Resume) && sweep) args.Add("--resume");
            if (shard != ShardSpec.All) args.AddRange(new[] { "--shard", shard.ToString() });
            if (ctx.DeviceName is not null) args.AddRange(new[] { "--device", ctx.DeviceName });
            var sub = CliApp.BuildRoot().Parse(args);
            if (sub.Errors.Count > 0) throw new InvalidOperationException($"report built invalid arguments for {key}: {sub.Errors[0].Message}");
            var subContext = CommandContext.Create(command, sub, out var subDevice);
            var outputs = CliApp.Experiments.First(e => e.Name == command).Run(sub, subContext, subDevice);
            if (outputs is null && shard != ShardSpec.All)
            {
                unfinished.Add($"{key} (cells of shard {shard} saved in {Path.Combine(ctx.OutDirectory, key)}/cells)");
                return;
            }
            if (outputs is null) throw new InvalidOperationException($"report section {key} did not finish its grid");
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var settings = (JsonObject)outputs.Document["settings"]!.DeepClone();
            settings["arguments"] = string.Join(" ", args);
            var figures = outputs.Figures.Select(f =>
            {
                var (figure, shows) = PaperFigureLabels.For(key == command ? f.File : $"{key}/{f.File}");
                return new ReportFigure(figure, shows, f.Caption, f.Png);
            }).ToList();
            html.AddSection(key, claims, heading, text + " Headline numbers: " + Headline(outputs.Document), settings, figures, outputs.Table, seconds, section.Line);
            // Verdict rows: each claim the section names, judged from its results by the criterion its test uses.
            foreach (var row in claims.Select(c => ClaimCriteria.Verdict(c, outputs.Document)))
            {
                verdicts.Add(row);
                html.AddVerdict(row, key);
            }
            sections.Add(new JsonObject
            {
                ["command"] = key,
                ["claims"] = new JsonArray(claims.Select(c => (JsonNode?)c).ToArray()),
                ["heading"] = heading,
                ["arguments"] = string.Join(" ", args),
                ["settings"] = new JsonObject { ["ours"] = section.Ours, ["paper"] = section.Paper, ["line"] = section.Line },
                ["seconds"] = seconds,
                ["cpuSeconds"] = cpuSeconds,
            });
            ctx.Info(Spectre.Console.Markup.Escape($"{key}: {seconds:F1} s wall, {cpuSeconds:F1} s CPU"));
        }

        Section("zone", new[] { "G18", "G19", "G20" }, "The Goldilocks zone over the initialization scale α at T = 1",
            "Positive curvature Tr/‖·‖_F, local convexity and spectral norms of H, the G-term and the H-term on a random subspace at " +
            "θ = α·θ₀ (Kaiming θ₀, min-max bands over the seeds). Paper 000 Fig. 2: PC(H) high near α = 1 and " +
            "small at both ends; the H-term dominates at small α, the G-term vanishes at large α (softmax collapse).");
        if (profile.Keys.Contains("zone-lenet5"))
            Section("zone-lenet5", new[] { "G18", "G19", "G20" }, "The Goldilocks zone of a convolutional network (LeNet-5, float32)",
                "The zone of Fig. 2 for the convolutional network, in float32 (libtorch's float64 CPU convolutions take a slow path). " +
                Float32Note);
        Section("temperature", new[] { "G21", "G4" }, "Temperature recreates the zone",
            "Left: T = α^L over α (Eq. 5, Fig. 1 middle): PC and convexity flat in α, spectral norms ∝ α⁻². Right: T over [1e-3, 1e3] " +
            "at α = 1 (Fig. 1 right): small T acts like large α (collapse), large T like small α.");
        Section("gamma", new[] { "G12", "G22" }, "Γ_p⁻² against entropy and the random logit model (Eq. 8)",
            "Γ_p⁻² of diag(p) − ppᵀ rises as the softmax entropy falls along logit paths (Fig. 4 right). Eq. 8 with σ_c², σ_e² fitted " +
            "from the network's projected logit gradients against the true G-term PC over α^L-scaled logits (Fig. 3).");
        Section("prior-gradient", new[] { "G15", "G16" }, "The gradient follows the prior mismatch ‖Q̂ − Q‖",
            "Fig. 5b: the full-batch gradient norm over subsets with class priors drawn from the simplex grows linearly in ‖Q̂ − Q‖; fitted " +
            "and Eq. 9 slope. Fig. 5a: gradients on the data and on Gaussian-noise images share a direction at α ≈ 1 (cosine high) that " +
            "is lost at small α.");
        Section("confidence", new[] { "G23" }, "Confidence and curvature over initializations",
            "Fig. 6: over Kaiming initializations, PC(H) against mean softmax entropy, gradient norm and initial loss (Spearman ρ).");
        Section("trainability", new[] { "G27", "G25" }, "Trainability over α and η₀",
            "Fig. 8: full-batch GD from αθ₀ with η = η₀α^(2−L): best accuracy, largest ‖θ‖, zero-logit share and η‖H‖₂ at the start; " +
            "the USO model of App. E.");
        Section("instability", new[] { "W4", "W9", "W11" }, "Edge of stability and eigenvector rotation (Wang & Roberts)",
            "η·λ_max/2 and top-eigenvector rotation along full-batch GD: the two-parameter DLN (Fig. 1) at η = c·2/λ_max(θ₀), and the " +
            "squared-error tanh MLP of specs/W9 at η = 0.15, 0.3, 0.45 (Sec. 2.1, after Cohen et al. 2021): the sharpness rises " +
            "(progressive sharpening) until ηλ_max/2 ≈ 1 and then hovers at the edge of stability while the loss falls non-monotonically.");
        Section("spectrum", new[] { "S4", "S5" }, "Hessian spectrum: bulk and outliers (Sagun et al.)",
            "All eigenvalues of H at a Kaiming initialization of a small bias-free MLP on the synthetic clusters; outlier counts by largest " +
            "gap, largest ratio and threshold, to compare with the number of classes K.");
        Section("dimension", new[] { "G13", "F4" }, "Positive curvature against the subspace dimension d",
            "Fig. 4 (left): the excess of positive eigenvalues of the projected G-term grows with the dimension d of the random " +
            "subspace, as Eq. 8 predicts (PC(E G) increasing in d, claim G13) and as Fort & Scherlis saw for the Hessian (Sec. 2.4, " +
            "claim F4). Here PC of the projected G-term over α for several d, and PC of H, G-term and H-term against d at the " +
            "α of the largest PC(H).");
        Section("hutchinson", new[] { "G24" }, "Hutchinson's full-space estimate against the projected Hessian",
            "Fig. 13 (App. F): positive curvature Tr(H)/‖H‖_F estimated by Hutchinson's method (Tr(H) ≈ mean vᵀHv, ‖H‖_F² ≈ " +
            "mean ‖Hv‖², Rademacher v) in all P dimensions agrees with the projected method on the zone's boundaries and shape. " +
            "The two measure different matrices (H vs VᵀHV), so only shape and edges are comparable, not levels.");
        Section("pre-collapse", new[] { "G26" }, "Pre-collapse: the least confident sample takes over the G-term",
            "Fig. 10 (App. D): as α grows at T = 1 the per-sample G-terms vanish at different rates; in a narrow window only the least " +
            "confident sample μ₀ is left, so G ≈ G^μ₀/N, PC(G) → 1 and the top eigenvector of the first layer's Hessian block " +
            "(averaged over hidden units) is the input x_μ₀ (for a bias-free ReLU network the first-layer Hessian block is the " +
            "G-term block, App. A).");

        if (unfinished.Count > 0)
        {
            ctx.Info(Spectre.Console.Markup.Escape($"shard {shard} of the {profile.Name} report done; left for other shards or the final run: {string.Join("; ", unfinished)}. " +
                $"When every shard has run: for each sweep section S, goldilocks merge <shard folders>/S --out <final>/S; then " +
                $"goldilocks report {ProfileFlag(profile)}--resume --out <final> writes the report (the non-sweep sections run there)."));
            var shardSettings = ctx.BaseSettings(device);
            shardSettings["profile"] = profile.Name;
            shardSettings["shard"] = shard.ToString();
            var shardDoc = ReportJson.Document(Name, shardSettings, new JsonObject
            {
                ["unfinished"] = new JsonArray(unfinished.Select(u => (JsonNode?)u).ToArray()),
            });
            shardDoc["files"] = new JsonArray("shard.json");
            ctx.Emit(shardDoc, "shard.json");
            return CliApp.ExitOk;
        }
        double total = ctx.Clock.Elapsed.TotalSeconds;
        html.Write(ctx.OutPath("report.html"), total);
        var settings = ctx.BaseSettings(device);
        settings["data"] = real ? "fashion-mnist" : "synthetic";
        settings["samples"] = samples;
        settings["alpha"] = new JsonArray(alphas.Select(a => (JsonNode?)a).ToArray());
        settings["dimension"] = profile.Dimension;
        settings["profile"] = profile.Name;
        settings["cpuSeconds"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var doc = ReportJson.Document(Name, settings, new JsonObject
        {
            ["dataLine"] = dataLine,
            ["verdicts"] = ResultJson.ToNode<IReadOnlyList<ClaimVerdict>>(verdicts, ResultJson.Default.IReadOnlyListClaimVerdict),
            ["sections"] = sections,
        });
        doc["files"] = new JsonArray("report.html", "report.json");
        ctx.Emit(doc, "report.json");
        ctx.Info(Spectre.Console.Markup.Escape($"report written to {ctx.OutPath("report.html")} in {total:F1} s"));
        return CliApp.ExitOk;
    }

    /// <summary>float32 against float64 on the LeNet-5 zone panel, measured with <c>goldilocks zone --model lenet5</c> at the
    /// default report's settings in both dtypes (BENCHMARKS.md, "The report's own timing").</summary>
    private const string Float32Note =
        "float32 against float64 at 500 images, d = 20, seed 0, α = 0.01, 1, 100 (goldilocks zone --dataset fashion-mnist --samples 500 " +
        "--model lenet5 -d 20 --seeds 1 --points 3, with and without --dtype float32): largest |ΔPC| 5.1e-7 (H-term at α = 1), local " +
        "convexity identical, spectral norms within 1.7e-7 relative, against the O(1) PC differences the zone claims rest on; " +
        "float32 took 13.7 s against 41.5 s in float64 (0.33×, load average 8-9).";

    /// <summary>The line printed before a --full run starts: the estimated wall time of the whole sweep and of this shard.</summary>
    public static string FullEstimate(ReportProfile profile, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var parts = profile.Keys.Select(k => (Key: k, S: profile.Section(k))).ToList();
        double sweep = parts.Where(p => CliApp.Experiments.First(e => e.Name == p.S.Command).Sweep).Sum(p => p.S.EstimatedSeconds);
        double rest = profile.EstimatedSeconds - sweep;
        string perSection = string.Join(", ", parts.Select(p => $"{p.Key} {Hours(p.S.EstimatedSeconds)}"));
        return $"Estimated time of the full report on 2 cores: {Hours(profile.EstimatedSeconds)} of CPU ({perSection}); wall on 2 idle cores " +
               "is between half of it and all of it. Estimate = units of work (cells, initializations, priors, GD runs) × the CPU seconds per " +
               "unit measured in the default report, scaled by the number of images. " +
               (shard == ShardSpec.All
                   ? "Split the sweep sections with --shard i/n."
                   : $"This shard {shard}: about {Hours(sweep / shard.Count)} of sweep cells; the final --resume run adds {Hours(rest)} of non-sweep sections.");
    }

    /// <summary>The flag that selects <paramref name="profile"/> on the command line, with a trailing space ("" for the default).</summary>
    private static string ProfileFlag(ReportProfile profile) => profile.Name == "default" ? "" : $"--{profile.Name} ";

    private static string Hours(double seconds) => seconds >= 3600 ? $"{seconds / 3600:F1} h" : seconds >= 60 ? $"{seconds / 60:F1} min" : $"{seconds:F0} s";

    /// <summary>The scalar results of a command's document (numbers and counts in results and its nested objects, not
    /// inside arrays), for the section text.</summary>
    private static string Headline(JsonObject doc)
    {
        if (doc["results"] is not JsonObject r) return $"{doc["results"]!.AsArray().Count} grid cells (table below).";
        var parts = new List<string>();
        void Scalars(JsonObject o, string prefix)
        {
            foreach (var (key, value) in o)
            {
                if (value is JsonValue) parts.Add($"{prefix}{key} = {Format(value)}");
                else if (value is JsonObject inner) Scalars(inner, $"{prefix}{key}.");
            }
        }
        Scalars(r, "");
        foreach (var (name, runs) in r.Where(kv => kv.Value is JsonArray a && a.FirstOrDefault() is JsonObject o && o.ContainsKey("factor")))
            foreach (var run in runs!.AsArray().OfType<JsonObject>())
                parts.Add($"{name} c = {run["factor"]}: " + string.Join(", ", run.Where(kv => kv.Value is JsonValue && kv.Key != "factor").Select(kv => $"{kv.Key} = {Format(kv.Value!)}")));
        return parts.Count == 0 ? "see the table." : string.Join("; ", parts) + ".";
    }

    private static string Format(JsonNode v) => v.GetValueKind() == System.Text.Json.JsonValueKind.Number
        ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture).ToString("G4", CultureInfo.InvariantCulture) : v.ToJsonString();

    private static string Inv(IFormattable x) => x.ToString(null, CultureInfo.InvariantCulture);
}
