using System.Diagnostics;
using System.Globalization;
using Goldilocks.Data;

namespace Goldilocks.Cli.Commands;

/// <summary>
/// <c>goldilocks report</c>: the README's main job. Runs the default experiments at laptop scale on real FashionMNIST
/// when installed (else the built-in synthetic data, said on the report's first line) and writes one self-contained
/// HTML page with, per claim ID, the figures, the numbers, the settings and the time taken.
/// </summary>
public static class ReportCommand
{
    public const string Name = "report";

    private static readonly Option<int> Samples = new Option<int>("--samples")
    {
        Description = "Training samples per experiment (class-balanced; a multiple of 10 for FashionMNIST).",
        DefaultValueFactory = _ => 300,
    }.AtLeast(10);

    private static readonly Option<int> GridPoints = new Option<int>("--grid-points")
    {
        Description = "Number of α values, log-spaced over [1e-2, 1e2] (paper 000 Fig. 1-2).",
        DefaultValueFactory = _ => 9,
    }.AtLeast(2);

    private static readonly Option<int> Dimension = new Option<int>("--dimension", "-d")
    {
        Description = "Subspace dimension d of the projected curvature.",
        DefaultValueFactory = _ => 20,
    }.AtLeast(1);

    private static readonly Option<string?> DataDirectory = new("--data-dir") { Description = "FashionMNIST folder (default: the Debian package's)." };

    private static readonly Option<bool> Synthetic = new("--synthetic") { Description = "Use the built-in synthetic data even where FashionMNIST is installed." };

    public static Command Build()
    {
        var command = new Command(Name, "Run the default experiments and write one self-contained HTML report (report.html) into --out.");
        foreach (var o in new Option[] { Samples, GridPoints, Dimension, DataDirectory, Synthetic, SweepOptions.Resume }) command.Options.Add(o);
        command.SetAction(Execute);
        return command;
    }

    private static int Execute(ParseResult parse)
    {
        var ctx = CommandContext.Create(Name, parse, out var device);
        string? dir = parse.GetValue(DataDirectory);
        bool real = !parse.GetValue(Synthetic) && FashionMnist.IsAvailable(dir);
        int samples = parse.GetValue(Samples);
        string dataLine = real
            ? $"Data: real FashionMNIST ({dir ?? FashionMnist.DefaultDirectory}), class-balanced subsets of {samples} training images."
            : $"Data: synthetic fallback (built-in Gaussian class clusters, {samples} samples, 20 features, 10 classes): " +
              (parse.GetValue(Synthetic) ? "--synthetic was given." : "FashionMNIST is not installed (sudo apt-get install dataset-fashion-mnist).");
        ctx.Info(Spectre.Console.Markup.Escape(dataLine));

        int n = parse.GetValue(GridPoints);
        var alphas = Enumerable.Range(0, n).Select(i => Math.Pow(10, -2 + 4.0 * i / (n - 1))).ToArray();
        string[] data = { "--dataset", real ? "fashion-mnist" : "synthetic", "--samples", Inv(samples) };
        if (dir is not null) data = data.Concat(new[] { "--data-dir", dir }).ToArray();
        string[] model = { "--model", "mlp", "--hidden", "32", "16" };
        string[] grid = { "--points", Inv(n), "-d", Inv(parse.GetValue(Dimension)) };

        var html = new HtmlReport("Goldilocks zone, edge of stability and Hessian spectra at laptop scale", dataLine);
        var sections = new JsonArray();
        void Section(string command, string[] claims, string heading, string text, params string[][] parts)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var args = new List<string> { command, "--seed", Inv(ctx.Seed), "--out", Path.Combine(ctx.OutDirectory, command) };
            foreach (var p in parts) args.AddRange(p);
            if (parse.GetValue(SweepOptions.Resume) && CliApp.Experiments.First(e => e.Name == command).Sweep) args.Add("--resume");
            if (ctx.DeviceName is not null) args.AddRange(new[] { "--device", ctx.DeviceName });
            var sub = CliApp.BuildRoot().Parse(args);
            if (sub.Errors.Count > 0) throw new InvalidOperationException($"report built invalid arguments for {command}: {sub.Errors[0].Message}");
            var subContext = CommandContext.Create(command, sub, out var subDevice);
            var outputs = CliApp.Experiments.First(e => e.Name == command).Run(sub, subContext, subDevice)
                          ?? throw new InvalidOperationException($"report section {command} did not finish its grid");
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var settings = (JsonObject)outputs.Document["settings"]!.DeepClone();
            settings["arguments"] = string.Join(" ", args);
            var figures = outputs.Figures.Select(f =>
            {
                var (figure, shows) = PaperFigureLabels.For(f.File);
                return new ReportFigure(figure, shows, f.Caption, f.Png);
            }).ToList();
            html.AddSection(command, claims, heading, text + " Headline numbers: " + Headline(outputs.Document), settings, figures, outputs.Table, seconds);
            sections.Add(new JsonObject
            {
                ["command"] = command,
                ["claims"] = new JsonArray(claims.Select(c => (JsonNode?)c).ToArray()),
                ["heading"] = heading,
                ["arguments"] = string.Join(" ", args),
                ["seconds"] = seconds,
                ["cpuSeconds"] = cpuSeconds,
            });
            ctx.Info(Spectre.Console.Markup.Escape($"{command}: {seconds:F1} s wall, {cpuSeconds:F1} s CPU"));
        }

        Section("zone", new[] { "G18", "G19", "G20" }, "The Goldilocks zone over the initialization scale α at T = 1",
            "Positive curvature Tr/‖·‖_F, local convexity and spectral norms of H, the G-term and the H-term on a random subspace at " +
            "θ = α·θ₀ (bias-free ReLU MLP 32-16, Kaiming θ₀, min-max bands over 2 seeds). Paper 000 Fig. 2: PC(H) high near α = 1 and " +
            "small at both ends; the H-term dominates at small α, the G-term vanishes at large α (softmax collapse).", data, model, grid);
        Section("temperature", new[] { "G21", "G4" }, "Temperature recreates the zone",
            "Left: T = α^L over α (Eq. 5, Fig. 1 middle): PC and convexity flat in α, spectral norms ∝ α⁻². Right: T over [1e-3, 1e3] " +
            "at α = 1 (Fig. 1 right): small T acts like large α (collapse), large T like small α.", data, model, grid, new[] { "--seeds", "1" });
        Section("gamma", new[] { "G12", "G22" }, "Γ_p⁻² against entropy and the random logit model (Eq. 8)",
            "Γ_p⁻² of diag(p) − ppᵀ rises as the softmax entropy falls along logit paths (Fig. 4 right). Eq. 8 with σ_c², σ_e² fitted " +
            "from the network's projected logit gradients against the true G-term PC over α^L-scaled logits (Fig. 3).",
            data, model, new[] { "--points", Inv(n), "-d", "20" });
        Section("prior-gradient", new[] { "G15", "G16" }, "The gradient follows the prior mismatch ‖Q̂ − Q‖",
            "Fig. 5b: the full-batch gradient norm over subsets with class priors drawn from the simplex grows linearly in ‖Q̂ − Q‖; fitted " +
            "and Eq. 9 slope. Fig. 5a: gradients on the data and on Gaussian-noise images share a direction at α ≈ 1 (cosine high) that " +
            "is lost at small α.", data, model, new[] { "--points", Inv(n) });
        Section("confidence", new[] { "G23" }, "Confidence and curvature over initializations",
            "Fig. 6: over Kaiming initializations, PC(H) against mean softmax entropy, gradient norm and initial loss (Spearman ρ).",
            data, model, new[] { "-d", "10" });
        Section("trainability", new[] { "G27", "G25" }, "Trainability over α and η₀",
            "Fig. 8: full-batch GD from αθ₀ with η = η₀α^(2−L): best accuracy, largest ‖θ‖, zero-logit share and η‖H‖₂ at the start; " +
            "the USO model of App. E.", data, model, new[] { "--points", "5", "--steps", "40", "--uso-steps", "40" });
        Section("instability", new[] { "W4", "W9", "W11" }, "Edge of stability and eigenvector rotation (Wang & Roberts)",
            "η·λ_max/2 and top-eigenvector rotation along full-batch GD: the two-parameter DLN (Fig. 1) at η = c·2/λ_max(θ₀), and the " +
            "squared-error tanh MLP of specs/W9 at η = 0.15, 0.3, 0.45 (Sec. 2.1, after Cohen et al. 2021): the sharpness rises " +
            "(progressive sharpening) until ηλ_max/2 ≈ 1 and then hovers at the edge of stability while the loss falls non-monotonically.");
        Section("spectrum", new[] { "S4", "S5" }, "Hessian spectrum: bulk and outliers (Sagun et al.)",
            "All eigenvalues of H at a Kaiming initialization of a small bias-free MLP on the synthetic clusters; outlier counts by largest " +
            "gap, largest ratio and threshold, to compare with the number of classes K.", new[] { "--samples", "100" });
        int d = parse.GetValue(Dimension);
        Section("dimension", new[] { "G13", "F4" }, "Positive curvature against the subspace dimension d",
            "Fig. 4 (left): the excess of positive eigenvalues of the projected G-term grows with the dimension d of the random " +
            "subspace, as Eq. 8 predicts (PC(E G) increasing in d, claim G13) and as Fort & Scherlis saw for the Hessian (Sec. 2.4, " +
            "claim F4). Here PC of the projected G-term over α for four d (1 seed), and PC of H, G-term and H-term against d at the " +
            "α of the largest PC(H).", data, model,
            new[] { "--points", Inv(n), "--seeds", "1", "--dimensions", Inv(Math.Max(1, d / 4)), Inv(Math.Max(1, d / 2)), Inv(d), Inv(2 * d) });
        Section("hutchinson", new[] { "G24" }, "Hutchinson's full-space estimate against the projected Hessian",
            "Fig. 13 (App. F): positive curvature Tr(H)/‖H‖_F estimated by Hutchinson's method (Tr(H) ≈ mean vᵀHv, ‖H‖_F² ≈ " +
            "mean ‖Hv‖², Rademacher v) in all P dimensions agrees with the projected method on the zone's boundaries and shape. " +
            "The two measure different matrices (H vs VᵀHV), so only shape and edges are comparable, not levels (1 seed, 30 probes).",
            data, model, grid, new[] { "--seeds", "1", "--probes", "30" });
        string[] fewer = data.Select((a, i) => i > 0 && data[i - 1] == "--samples" ? Inv(Math.Min(samples, 50)) : a).ToArray();
        Section("pre-collapse", new[] { "G26" }, "Pre-collapse: the least confident sample takes over the G-term",
            "Fig. 10 (App. D): as α grows at T = 1 the per-sample G-terms vanish at different rates; in a narrow window only the least " +
            "confident sample μ₀ is left, so G ≈ G^μ₀/N, PC(G) → 1 and the top eigenvector of the first layer's Hessian block " +
            "(averaged over hidden units) is the input x_μ₀ (for this bias-free ReLU MLP the first-layer Hessian block is the " +
            "G-term block, App. A). Here on " + Inv(Math.Min(samples, 50)) + " images (N·K backward passes per α).",
            fewer, model, new[] { "--alpha-min", "1.5", "--alpha-max", "20", "--points", "7" });

        double total = ctx.Clock.Elapsed.TotalSeconds;
        html.Write(ctx.OutPath("report.html"), total);
        var settings = ctx.BaseSettings(device);
        settings["data"] = real ? "fashion-mnist" : "synthetic";
        settings["samples"] = samples;
        settings["alpha"] = new JsonArray(alphas.Select(a => (JsonNode?)a).ToArray());
        settings["dimension"] = parse.GetValue(Dimension);
        settings["cpuSeconds"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var doc = ReportJson.Document(Name, settings, new JsonObject { ["dataLine"] = dataLine, ["sections"] = sections });
        doc["files"] = new JsonArray("report.html", "report.json");
        ctx.Emit(doc, "report.json");
        ctx.Info(Spectre.Console.Markup.Escape($"report written to {ctx.OutPath("report.html")} in {total:F1} s"));
        return CliApp.ExitOk;
    }

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
