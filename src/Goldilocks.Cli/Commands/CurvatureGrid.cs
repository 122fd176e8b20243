using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary>Shared by <c>zone</c> and <c>temperature</c>: options, cell JSON of a <see cref="CurvaturePoint"/>, the CSV
/// table and the min-max-over-seeds plots of PC, local convexity and spectral norm (paper 000 Fig. 1-2).</summary>
public static class CurvatureGrid
{
    public static readonly string[] OperatorNames = { "hessian", "gTerm", "hTerm" };

    public static readonly DatasetOptions Data = new(defaultSamples: 200, defaultDataset: "auto");

    public static readonly Option<string> Model = new Option<string>("--model")
    {
        Description = "lenet300100 (default; the paper's network, bias-free here so it is 3-homogeneous), mlp (--hidden widths), lenet5, deeplinear.",
        DefaultValueFactory = _ => "lenet300100",
    }.OneOf(ModelChoice.Names);

    public static readonly Option<int[]> Hidden = new Option<int[]>("--hidden")
    {
        Description = "Hidden widths of mlp and deeplinear.",
        DefaultValueFactory = _ => new[] { 32, 16 },
        AllowMultipleArgumentsPerToken = true,
    }.AllAtLeast(1);

    public static readonly Option<int> Seeds = new Option<int>("--seeds")
    {
        Description = "Kaiming initializations (each with its own random subspace); plots show min-max bands over them (paper: 10).",
        DefaultValueFactory = _ => 2,
    }.AtLeast(1);

    public static readonly Option<int> Points = new Option<int>("--points")
    {
        Description = "Grid points, log-spaced (paper: ~30).",
        DefaultValueFactory = _ => 9,
    }.AtLeast(2);

    public static readonly Option<int> Dimension = new Option<int>("--dimension", "-d")
    {
        Description = "Dimension d of the random subspace (paper: 50).",
        DefaultValueFactory = _ => 20,
    }.AtLeast(1);

    public static IEnumerable<Option> CommonOptions() =>
        new Option[] { Data.Dataset, Data.Samples, Data.DataDirectory, Data.Features, Data.Prior, Model, Hidden, Seeds, Points, Dimension };

    /// <summary>Loads the data and builds the model; fills the common settings.</summary>
    public static (Goldilocks.Data.Dataset Data, Goldilocks.Models.FlatModel Model, long[] Seeds, int Dimension) Setup(
        ParseResult parse, CommandContext ctx, Device device, JsonObject settings)
    {
        string modelName = parse.GetValue(Model)!.ToLowerInvariant();
        var request = Data.Request(parse, ctx.Seed, ModelChoice.NeedsImages(modelName));
        var data = request.Load(ScalarType.Float64, device);
        var model = ModelChoice.Create(modelName, data, parse.GetValue(Hidden)!);
        int d = parse.GetValue(Dimension);
        if (d > model.ParameterCount) throw new CliUsageException($"--dimension d = {d} exceeds the number of parameters P = {model.ParameterCount} of {model.Name}");
        var seeds = Enumerable.Range(0, parse.GetValue(Seeds)).Select(i => ctx.Seed + i).ToArray();
        settings["model"] = modelName;
        settings["modelName"] = model.Name;
        settings["parameters"] = model.ParameterCount;
        settings["homogeneityDegree"] = model.HomogeneityDegree;
        settings["seeds"] = Array(seeds);
        settings["dimension"] = d;
        settings["basis"] = $"GaussianOrthonormal, seed = init seed + {ZoneSweep.BasisSeedOffset}";
        settings["data"] = DatasetOptions.Json(request, data);
        return (data, model, seeds, d);
    }

    public static JsonObject ToJson(CurvaturePoint p, string grid)
    {
        var ops = new JsonObject
        {
            ["hessian"] = CurvatureSnapshot.SummaryJson(p.Hessian),
            ["gTerm"] = CurvatureSnapshot.SummaryJson(p.GTerm),
            ["hTerm"] = CurvatureSnapshot.SummaryJson(p.HTerm),
        };
        return new JsonObject
        {
            ["grid"] = grid,
            ["alpha"] = p.Alpha,
            ["temperature"] = p.Temperature,
            ["seed"] = p.Seed,
            ["loss"] = ReportJson.Number(p.Loss),
            ["meanEntropy"] = ReportJson.Number(p.MeanEntropy),
            ["collapsedFraction"] = ReportJson.Number(p.CollapsedFraction),
            ["operators"] = ops,
        };
    }

    public static CsvTable Table(IEnumerable<JsonObject> cells)
    {
        var csv = new CsvTable("grid", "seed", "alpha", "temperature", "loss", "meanEntropy", "collapsedFraction", "operator", "trace",
            "frobenius", "spectralNorm", "positiveCurvature", "localConvexity", "minEigenvalue", "maxEigenvalue");
        foreach (var r in cells)
            foreach (var op in OperatorNames)
            {
                var s = r["operators"]![op]!;
                csv.Add((string)r["grid"]!, (long)r["seed"]!, Num(r["alpha"]), Num(r["temperature"]), Num(r["loss"]), Num(r["meanEntropy"]),
                    Num(r["collapsedFraction"]), op, Num(s["trace"]), Num(s["frobenius"]), Num(s["spectralNorm"]),
                    Num(s["positiveCurvature"]), Num(s["localConvexity"]), Num(s["minEigenvalue"]), Num(s["maxEigenvalue"]));
            }
        return csv;
    }

    /// <summary>Mean over seeds with min-max band per operator, for the cells of one grid, against <paramref name="xField"/>.</summary>
    public static Series[] Bands(IReadOnlyList<JsonObject> cells, string xField, string field)
    {
        var xs = cells.Select(c => Num(c[xField])).Distinct().OrderBy(x => x).ToArray();
        return OperatorNames.Select(op =>
        {
            double[][] at = xs.Select(x => cells.Where(c => Num(c[xField]) == x).Select(c => Num(c["operators"]![op]![field])).ToArray()).ToArray();
            return new Series(Label(op), xs, at.Select(v => v.Average()).ToArray(), at.Select(v => v.Min()).ToArray(), at.Select(v => v.Max()).ToArray());
        }).ToArray();
    }

    public static string Label(string op) => op switch { "hessian" => "Hessian H", "gTerm" => "G-term", _ => "H-term" };

    /// <summary>The three figures (PC, convexity, spectral norm) of one grid; <paramref name="prefix"/> names the files.</summary>
    public static void Figures(OutputSet output, IReadOnlyList<JsonObject> cells, string xField, string xLabel, string prefix, string subtitle)
    {
        int seeds = cells.Select(c => (long)c["seed"]!).Distinct().Count();
        string band = seeds > 1 ? $"mean, band = min-max over {seeds} seeds" : "1 seed";
        output.Figure($"{prefix}-pc.png", $"Positive curvature Tr/‖·‖_F of H, G-term, H-term over {xLabel} ({subtitle}; {band})", LinePlot.Render(
            $"Positive curvature ({subtitle})", $"{xLabel} (dimensionless)", "positive curvature Tr(A)/‖A‖_F (dimensionless)",
            Bands(cells, xField, "positiveCurvature"), logX: true));
        output.Figure($"{prefix}-convexity.png", $"Local convexity (share of positive eigenvalues) over {xLabel} ({subtitle}; {band})", LinePlot.Render(
            $"Local convexity ({subtitle})", $"{xLabel} (dimensionless)", "fraction of positive eigenvalues (dimensionless)",
            Bands(cells, xField, "localConvexity"), logX: true));
        output.Figure($"{prefix}-spectral-norm.png", $"Spectral norm ‖·‖₂ on the subspace over {xLabel} ({subtitle}; {band})", LinePlot.Render(
            $"Spectral norm ({subtitle})", $"{xLabel} (dimensionless)", "spectral norm ‖A‖₂ (loss per parameter²)",
            Bands(cells, xField, "spectralNorm"), logX: true, logY: true));
    }
}
