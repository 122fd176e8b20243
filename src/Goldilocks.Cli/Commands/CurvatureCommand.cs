using System.Globalization;
using Goldilocks.Cli.Plotting;
using Goldilocks.Losses;
using Goldilocks.Objectives;
using Spectre.Console;

namespace Goldilocks.Cli.Commands;

/// <summary>
/// <c>goldilocks curvature</c> (issue 2 item 8): loss, ‖∇L‖ and the curvature statistics of H, G-term and H-term on a
/// random d-dimensional subspace at θ = α·θ₀ (θ₀ Kaiming-normal) with softmax temperature T (paper 000 Sec. 2-3).
/// Several --alpha values make an α sweep (one saved cell per α; --resume, --shard) with PNG plots over α.
/// </summary>
public static class CurvatureCommand
{
    public const string Name = "curvature";

    private static readonly DatasetOptions Data = new(defaultSamples: 256);

    private static readonly Option<string> Model = new Option<string>("--model")
    {
        Description = "mlp (bias-free ReLU MLP with --hidden widths, default), lenet300100, lenet5, deeplinear.",
        DefaultValueFactory = _ => "mlp",
    }.OneOf(ModelChoice.Names);

    private static readonly Option<int[]> Hidden = new Option<int[]>("--hidden")
    {
        Description = "Hidden widths of mlp and deeplinear.",
        DefaultValueFactory = _ => new[] { 32, 32 },
        AllowMultipleArgumentsPerToken = true,
    }.AllAtLeast(1);

    private static readonly Option<double[]> Alpha = new Option<double[]>("--alpha")
    {
        Description = "Scale α of the Kaiming initialization θ = α·θ₀ (paper 000 Sec. 2); several values sweep α.",
        DefaultValueFactory = _ => new[] { 1.0 },
        AllowMultipleArgumentsPerToken = true,
    }.PositiveFinite();

    private static readonly Option<double> Temperature = new Option<double>("--temperature", "-T")
    {
        Description = "Softmax temperature T of the cross-entropy (paper 000 Eq. 1).",
        DefaultValueFactory = _ => 1.0,
    }.PositiveFinite();

    private static readonly Option<bool> TemperatureFollowsAlpha = new("--temperature-follows-alpha")
    {
        Description = "Use T = α^L · --temperature for each α (paper 000 Eq. 5, Fig. 1 middle); needs an L-homogeneous model.",
    };

    private static readonly Option<int> Dimension = new Option<int>("--dimension", "-d")
    {
        Description = "Dimension d of the random subspace (1 ≤ d ≤ P).",
        DefaultValueFactory = _ => 20,
    }.AtLeast(1);

    private static readonly Option<int> BatchSize = new Option<int>("--batch-size")
    {
        Description = "Mini-batch size for the exact full-dataset averages (0 = whole dataset at once).",
        DefaultValueFactory = _ => 0,
    }.AtLeast(0);

    public static Command Build()
    {
        var command = new Command(Name, "Loss, gradient norm and curvature statistics of H, G-term and H-term on a random subspace.");
        Data.AddTo(command);
        foreach (var o in new Option[] { Model, Hidden, Alpha, Temperature, TemperatureFollowsAlpha, Dimension, BatchSize }) command.Options.Add(o);
        SweepOptions.AddTo(command);
        command.SetAction(Execute);
        return command;
    }

    /// <summary>The outputs of a finished sweep: the JSON document, the CSV table and the rendered figures.</summary>
    public sealed record Outputs(JsonObject Document, CsvTable Table, IReadOnlyList<(string Caption, byte[] Png)> Figures);

    private static int Execute(ParseResult parse)
    {
        var ctx = CommandContext.Create(Name, parse, out var device);
        var outputs = Run(parse, ctx, device);
        if (outputs is not null && !ctx.Json) PrintTable(ctx, (JsonObject)outputs.Document["settings"]!, outputs.Document["results"]!.AsArray().Select(r => (JsonObject)r!).ToList());
        return CliApp.ExitOk;
    }

    /// <summary>Runs (or resumes) the α sweep and writes its files; null when this shard leaves grid cells to others.</summary>
    public static Outputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        string modelName = parse.GetValue(Model)!.ToLowerInvariant();
        double[] alphas = parse.GetValue(Alpha)!;
        double temperature = parse.GetValue(Temperature);
        int d = parse.GetValue(Dimension);
        var request = Data.Request(parse, ctx.Seed, ModelChoice.NeedsImages(modelName));
        using var data = request.Load(ScalarType.Float64, device);
        var model = ModelChoice.Create(modelName, data, parse.GetValue(Hidden)!);
        if (d > model.ParameterCount)
            throw new CliUsageException($"--dimension d = {d} exceeds the number of parameters P = {model.ParameterCount} of {model.Name}");
        var objective = new Objective(model, data, new CrossEntropy(temperature), parse.GetValue(BatchSize));
        bool follow = parse.GetValue(TemperatureFollowsAlpha);
        if (follow && model.HomogeneityDegree is null)
            throw new CliUsageException($"--temperature-follows-alpha needs an L-homogeneous model; {model.Name} is not homogeneous");
        double TemperatureAt(double alpha) => follow ? temperature * Math.Pow(alpha, model.HomogeneityDegree!.Value) : temperature;

        var settings = ctx.BaseSettings(device);
        settings["model"] = modelName;
        settings["modelName"] = model.Name;
        settings["parameters"] = model.ParameterCount;
        settings["homogeneityDegree"] = model.HomogeneityDegree;
        settings["alpha"] = new JsonArray(alphas.Select(a => (JsonNode?)a).ToArray());
        settings["temperature"] = temperature;
        settings["temperatureFollowsAlpha"] = follow;
        settings["dimension"] = d;
        settings["batchSize"] = objective.BatchSize;
        settings["basis"] = "GaussianOrthonormal, seed = --seed + 1";
        settings["data"] = DatasetOptions.Json(request, data);

        var keys = alphas.Select((a, i) => FormattableString.Invariant($"alpha-{i:D3}-{a:G6}")).ToList();
        var store = new SweepStore(ctx.OutDirectory, Name, settings);
        using var theta0 = model.InitialParameters(ctx.Seed, ScalarType.Float64, device);
        var cells = ctx.Progress(Name).Run(progress => store.Run(keys, i =>
        {
            using var scope = torch.NewDisposeScope();
            double t = TemperatureAt(alphas[i]);
            if (!double.IsFinite(t) || t <= 0)
                throw new CliUsageException($"T = α^L·T₀ = {t} at α = {alphas[i]} is not a positive finite temperature");
            var snapshot = CurvatureSnapshot.Compute(follow ? objective.WithLoss(new CrossEntropy(t)) : objective, theta0 * alphas[i], d, ctx.Seed + 1);
            var json = snapshot.ToJson();
            json["alpha"] = alphas[i];
            json["temperature"] = t;
            return json;
        }, SweepOptions.ShardOf(parse), parse.GetValue(SweepOptions.Resume), progress, ctx.Cancel));

        var all = store.TryLoadAll(keys);
        if (all is null)
        {
            ctx.Info($"shard {SweepOptions.ShardOf(parse)}: {cells.Count} cell(s) saved in {Markup.Escape(store.Directory)}/cells; " +
                     $"{store.Missing(keys)} cell(s) of the grid are elsewhere: join them with 'goldilocks merge' and rerun with --resume");
            return null;
        }
        var results = keys.Select(k => (JsonObject)all[k]).ToList();
        return WriteOutputs(ctx, settings, results);
    }

    private static Outputs WriteOutputs(CommandContext ctx, JsonObject settings, List<JsonObject> results)
    {
        var csv = new CsvTable("alpha", "temperature", "loss", "gradientNorm", "operator", "trace", "frobenius", "spectralNorm",
            "positiveCurvature", "localConvexity", "minEigenvalue", "maxEigenvalue");
        foreach (var r in results)
            foreach (var (op, s) in Operators(r))
                csv.Add(Num(r["alpha"]), Num(r["temperature"]), Num(r["loss"]), Num(r["gradientNorm"]), op, Num(s["trace"]), Num(s["frobenius"]),
                    Num(s["spectralNorm"]), Num(s["positiveCurvature"]), Num(s["localConvexity"]), Num(s["minEigenvalue"]), Num(s["maxEigenvalue"]));
        csv.Write(ctx.OutPath("curvature.csv"));

        var files = new JsonArray("curvature.json", "curvature.csv");
        var figures = new List<(string, byte[])>();
        if (results.Count > 1)
        {
            var alphas = results.Select(r => Num(r["alpha"]) ?? double.NaN).ToArray();
            Series[] Curves(string field) => Operators(results[0]).Select(o => new Series(o.Name, alphas,
                results.Select(r => Num(r["operators"]![o.Name]![field]) ?? double.NaN).ToArray())).ToArray();
            string t = settings["temperatureFollowsAlpha"]!.GetValue<bool>() ? $"T = α^L·{settings["temperature"]}" : $"T = {settings["temperature"]}";
            string subtitle = $"{settings["modelName"]}, {t}, d = {settings["dimension"]}";
            void Figure(string file, string caption, byte[] png)
            {
                AtomicFile.WriteAllBytes(ctx.OutPath(file), png);
                files.Add(file);
                figures.Add((caption, png));
            }
            Figure("curvature-pc.png", $"Positive curvature of H, G-term and H-term over α ({subtitle})", LinePlot.Render(
                $"Positive curvature Tr/‖·‖_F ({subtitle})", "initialization scale α (dimensionless)",
                "positive curvature Tr(A)/‖A‖_F (dimensionless)", Curves("positiveCurvature"), logX: true));
            Figure("curvature-convexity.png", $"Local convexity over α ({subtitle})", LinePlot.Render(
                $"Local convexity ({subtitle})", "initialization scale α (dimensionless)",
                "fraction of positive eigenvalues (dimensionless)", Curves("localConvexity"), logX: true));
            Figure("curvature-spectral-norm.png", $"Spectral norms over α ({subtitle})", LinePlot.Render(
                $"Spectral norm on the subspace ({subtitle})", "initialization scale α (dimensionless)",
                "spectral norm ‖A‖₂ (loss per parameter²)", Curves("spectralNorm"), logX: true, logY: true));
        }
        var doc = ReportJson.Document(Name, settings, new JsonArray(results.Select(r => (JsonNode?)r.DeepClone()).ToArray()));
        doc["files"] = files;
        ctx.Emit(doc, "curvature.json");
        return new Outputs(doc, csv, figures);
    }

    private static void PrintTable(CommandContext ctx, JsonObject settings, List<JsonObject> results)
    {
        ctx.Console.MarkupLine(Markup.Escape(
            $"{settings["modelName"]} (P = {settings["parameters"]}) on {settings["data"]!["datasetName"]}, T = {settings["temperature"]}, d = {settings["dimension"]}, seed = {settings["seed"]}"));
        var table = new Table().AddColumns("α", "loss", "‖∇L‖", "operator", "trace", "‖·‖_F", "‖·‖₂", "PC", "convexity");
        foreach (var r in results)
        {
            bool first = true;
            foreach (var (op, s) in Operators(r))
            {
                table.AddRow(first ? Fmt(r["alpha"]) : "", first ? Fmt(r["loss"]) : "", first ? Fmt(r["gradientNorm"]) : "", op,
                    Fmt(s["trace"]), Fmt(s["frobenius"]), Fmt(s["spectralNorm"]), Fmt(s["positiveCurvature"]), Fmt(s["localConvexity"]));
                first = false;
            }
        }
        ctx.Console.Write(table);
        ctx.Console.MarkupLine(Markup.Escape($"PC = Tr/‖·‖_F (undefined: –), convexity = fraction of positive eigenvalues. Files in {ctx.OutDirectory}, {ctx.Clock.Elapsed.TotalSeconds:F1} s."));
    }

    private static IEnumerable<(string Name, JsonObject Summary)> Operators(JsonObject r) =>
        ((JsonObject)r["operators"]!).Select(kv => (kv.Key, (JsonObject)kv.Value!));

    private static double? Num(JsonNode? n) => n?.GetValue<double>();

    private static string Fmt(JsonNode? n) => Num(n) is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
