using Goldilocks.Cli.Plotting;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Objectives;
using Goldilocks.Spectral;
using Goldilocks.Models;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary>Shared by <c>curvature</c>, <c>zone</c> and <c>temperature</c>: options, the CSV table of
/// <see cref="CurvaturePoint"/>s and the min-max-over-seeds plots of PC, local convexity and spectral norm (paper 000 Fig. 1-2).</summary>
public static class CurvatureGrid
{
    public static readonly DatasetOptions Data = new(defaultSamples: 200, defaultDataset: "auto");

    public static readonly Option<string> Model = ModelOption("lenet300100 (default; the paper's network, bias-free here so it is 3-homogeneous), mlp (--hidden widths), lenet5, deeplinear.", "lenet300100");

    public static readonly Option<int[]> Hidden = HiddenOption(32, 16);

    public static readonly Option<int> Seeds = new Option<int>("--seeds")
    {
        Description = "Kaiming initializations (seeds --seed, --seed + 1, …, each with its own random subspace); plots show min-max bands over them (paper: 10).",
        DefaultValueFactory = _ => 2,
    }.AtLeast(1);

    public static readonly Option<int> Points = new Option<int>("--points")
    {
        Description = "Grid points, log-spaced (paper: ~30).",
        DefaultValueFactory = _ => 9,
    }.AtLeast(2);

    public static readonly Option<int> Dimension = DimensionOption("Dimension d of the random subspace (paper: 50).");

    public static readonly Option<int> BatchSize = new Option<int>("--batch-size")
    {
        Description = "Mini-batch size for the exact full-dataset averages (0 = whole dataset at once).",
        DefaultValueFactory = _ => 0,
    }.AtLeast(0);

    public static Option<string> ModelOption(string description, string defaultModel) => new Option<string>("--model")
    {
        Description = description,
        DefaultValueFactory = _ => defaultModel,
    }.OneOf(ModelChoice.Names);

    public static Option<int[]> HiddenOption(params int[] widths) => new Option<int[]>("--hidden")
    {
        Description = "Hidden widths of mlp and deeplinear.",
        DefaultValueFactory = _ => widths,
        AllowMultipleArgumentsPerToken = true,
    }.AllAtLeast(1);

    public static Option<int> DimensionOption(string description) => new Option<int>("--dimension", "-d")
    {
        Description = description,
        DefaultValueFactory = _ => 20,
    }.AtLeast(1);

    public static IEnumerable<Option> CommonOptions() =>
        ModelChoice.WithFile(Data.Dataset, Data.Samples, Data.DataDirectory, Data.Features, Data.Prior, Model, Hidden, Seeds, Points, Dimension, BatchSize);

    /// <summary>Loads the data and the network (<see cref="ModelChoice.Load"/>) and builds the cross-entropy objective at
    /// T = 1 with --batch-size; checks d ≤ P and fills the common settings. Dispose the setup when done.</summary>
    public static (ModelSetup Setup, Objective Objective, int Dimension) Load(ParseResult parse, CommandContext ctx, Device device, JsonObject settings,
        DatasetOptions dataOptions, Option<string> modelOption, Option<int[]> hiddenOption, Option<int> dimensionOption)
    {
        int d = parse.GetValue(dimensionOption);
        var (setup, objective) = Load(parse, ctx, device, settings, dataOptions, modelOption, hiddenOption, new[] { d }, "dimension", d);
        return (setup, objective, d);
    }

    /// <summary><see cref="Load"/> for the subspace dimensions <paramref name="dimensions"/> (each checked against P),
    /// recorded in the settings as <paramref name="settingName"/> = <paramref name="setting"/>.</summary>
    public static (ModelSetup Setup, Objective Objective) Load(ParseResult parse, CommandContext ctx, Device device, JsonObject settings,
        DatasetOptions dataOptions, Option<string> modelOption, Option<int[]> hiddenOption, IReadOnlyList<int> dimensions, string settingName, JsonNode setting)
    {
        var setup = ModelChoice.Load(parse, ctx.Seed, device, dataOptions, modelOption, hiddenOption);
        var model = setup.Model;
        foreach (int d in dimensions.Where(d => d > model.ParameterCount))
        {
            setup.Dispose();
            throw new CliUsageException($"--dimension d = {d} exceeds the number of parameters P = {model.ParameterCount} of {model.Name}");
        }
        var objective = new Objective(model, setup.Data, new CrossEntropy(), parse.GetValue(BatchSize));
        setup.AddTo(settings);
        settings[settingName] = setting;
        settings["batchSize"] = objective.BatchSize;
        settings["basis"] = $"GaussianOrthonormal, seed = init seed + {SeedRule.BasisOffset}";
        return (setup, objective);
    }

    /// <summary>The initialization seeds --seed, --seed + 1, … (<see cref="SeedRule.Initialization"/>), recorded in the settings.</summary>
    public static long[] SeedList(ParseResult parse, CommandContext ctx, JsonObject settings)
    {
        var seeds = Enumerable.Range(0, parse.GetValue(Seeds)).Select(i => SeedRule.Initialization(ctx.Seed, i)).ToArray();
        settings["seeds"] = Array(seeds);
        return seeds;
    }

    /// <summary><see cref="Load"/> with the zone options, and the initialization seeds --seed, --seed + 1, … (<see cref="SeedRule.Initialization"/>).</summary>
    public static (ModelSetup Setup, Objective Objective, long[] Seeds, int Dimension) Setup(ParseResult parse, CommandContext ctx, Device device, JsonObject settings)
    {
        var (setup, objective, d) = Load(parse, ctx, device, settings, Data, Model, Hidden, Dimension);
        return (setup, objective, SeedList(parse, ctx, settings), d);
    }

    /// <summary>One row per point and operator; <paramref name="grid"/> names each point's grid.</summary>
    public static CsvTable Table(IEnumerable<(string Grid, CurvaturePoint Point)> points)
    {
        var csv = new CsvTable("grid", "seed", "alpha", "temperature", "loss", "gradientNorm", "meanEntropy", "collapsedFraction", "operator", "trace",
            "frobenius", "spectralNorm", "positiveCurvature", "localConvexity", "minEigenvalue", "maxEigenvalue");
        foreach (var (grid, p) in points)
            foreach (var (op, s) in p.Operators())
                csv.Add(grid, p.Seed, p.Alpha, p.Temperature, p.Loss, p.GradientNorm, p.MeanEntropy, p.CollapsedFraction, op, s.Trace, s.Frobenius,
                    s.SpectralNorm, s.PositiveCurvature, s.LocalConvexity, s.MinEigenvalue, s.MaxEigenvalue);
        return csv;
    }

    public static CsvTable Table(string grid, IEnumerable<CurvaturePoint> points) => Table(points.Select(p => (grid, p)));

    /// <summary>Mean over seeds with min-max band per operator against <paramref name="x"/>.</summary>
    public static Series[] Bands(IReadOnlyList<CurvaturePoint> points, Func<CurvaturePoint, double> x, Func<CurvatureSummary, double?> statistic) =>
        CurvatureProbe.OperatorNames.Select((op, k) => Band(Label(op), points, x, p => statistic(p.Operators().ElementAt(k).Summary))).ToArray();

    /// <summary>Mean with min-max band of <paramref name="statistic"/> over the points that share an x (the seeds), NaN where undefined.</summary>
    public static Series Band<T>(string label, IReadOnlyList<T> points, Func<T, double> x, Func<T, double?> statistic)
    {
        var xs = points.Select(x).Distinct().OrderBy(v => v).ToArray();
        double[][] at = xs.Select(v => points.Where(p => x(p) == v).Select(p => statistic(p) ?? double.NaN).ToArray()).ToArray();
        return new Series(label, xs, at.Select(v => v.Average()).ToArray(), at.Select(v => v.Min()).ToArray(), at.Select(v => v.Max()).ToArray());
    }

    public static string Label(string op) => op switch { "hessian" => "Hessian H", "gTerm" => "G-term", _ => "H-term" };

    /// <summary>The three figures (PC, convexity, spectral norm) of one grid; <paramref name="prefix"/> names the files.</summary>
    public static void Figures(OutputSet output, IReadOnlyList<CurvaturePoint> points, Func<CurvaturePoint, double> x, string xLabel, string prefix, string subtitle)
    {
        int seeds = points.Select(p => p.Seed).Distinct().Count();
        string band = seeds > 1 ? $"mean, band = min-max over {seeds} seeds" : "1 seed";
        output.Figure($"{prefix}-pc.png", $"Positive curvature Tr/‖·‖_F of H, G-term, H-term over {xLabel} ({subtitle}; {band})", LinePlot.Render(
            $"Positive curvature ({subtitle})", $"{xLabel} (dimensionless)", "positive curvature Tr(A)/‖A‖_F (dimensionless)",
            Bands(points, x, s => s.PositiveCurvature), logX: true));
        output.Figure($"{prefix}-convexity.png", $"Local convexity (share of positive eigenvalues) over {xLabel} ({subtitle}; {band})", LinePlot.Render(
            $"Local convexity ({subtitle})", $"{xLabel} (dimensionless)", "fraction of positive eigenvalues (dimensionless)",
            Bands(points, x, s => s.LocalConvexity), logX: true));
        output.Figure($"{prefix}-spectral-norm.png", $"Spectral norm ‖·‖₂ on the subspace over {xLabel} ({subtitle}; {band})", LinePlot.Render(
            $"Spectral norm ({subtitle})", $"{xLabel} (dimensionless)", "spectral norm ‖A‖₂ (loss per parameter²)",
            Bands(points, x, s => s.SpectralNorm), logX: true, logY: true));
    }
}
