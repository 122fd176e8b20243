using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks pre-collapse</c>: the pre-collapse regime (paper 000 App. D, Fig. 10) over θ = α·θ₀ at T = 1:
/// PC of the first layer's G-term block G₁, the least confident sample μ₀ and its entropy, the share of G₁ that is not
/// μ₀'s own contribution, and |cos| between x_{μ₀} and the top eigenvector of G₁ averaged over hidden units; the grid of
/// <see cref="PreCollapse.Grid"/>, one saved cell per α.</summary>
public static class PreCollapseCommand
{
    private static readonly DatasetOptions Data = new(defaultSamples: 100, defaultDataset: "auto");

    private static readonly Option<string> Model = CurvatureGrid.ModelOption(
        "mlp (bias-free ReLU MLP with --hidden widths, default) or lenet300100: the first layer must be fully connected.", "mlp");

    private static readonly Option<int[]> Hidden = CurvatureGrid.HiddenOption(32, 16);

    private static readonly Option<double> AlphaMin = new Option<double>("--alpha-min") { Description = "Smallest α.", DefaultValueFactory = _ => 1.0 }.PositiveFinite();

    private static readonly Option<double> AlphaMax = new Option<double>("--alpha-max") { Description = "Largest α.", DefaultValueFactory = _ => 100.0 }.PositiveFinite();

    private static readonly Option<int> Points = new Option<int>("--points") { Description = "α values, log-spaced.", DefaultValueFactory = _ => 13 }.AtLeast(2);

    /// <summary>Largest memory for the first-layer logit Jacobians and their whitened copy (2·N·K·P₁ float64 numbers).</summary>
    private const double MaxJacobianBytes = 4e9;

    public static readonly ExperimentCommand Command = new("pre-collapse",
        "The pre-collapse regime: the least confident sample takes over the first layer's G-term, PC(G₁) → 1 (App. D, Fig. 10).",
        ModelChoice.WithFile(Data.Dataset, Data.Samples, Data.DataDirectory, Data.Features, Data.Prior, Model, Hidden,
            AlphaMin, AlphaMax, Points), Sweep: true, Run);

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var alphas = ZoneCommand.Alphas(parse, AlphaMin, AlphaMax, Points);
        var settings = ctx.BaseSettings(device);
        using var setup = ModelChoice.Load(parse, ctx.Seed, device, Data, Model, Hidden);
        var (model, data) = (setup.Model, setup.Data);
        var first = model.Blocks[0];
        double bytes = 2.0 * data.Count * model.Outputs * first.Count * sizeof(double);
        if (bytes > MaxJacobianBytes)
            throw new CliUsageException($"pre-collapse keeps N·K·P₁ = {data.Count}·{model.Outputs}·{first.Count} first-layer logit-Jacobian entries twice ({bytes / 1e9:F1} GB > {MaxJacobianBytes / 1e9:F0} GB): use fewer --samples or a narrower first layer");
        setup.AddTo(settings);
        long seed = SeedRule.Initialization(ctx.Seed);
        settings["initializationSeed"] = seed;
        settings["alpha"] = Array(alphas);
        settings["temperature"] = 1.0;
        settings["firstLayerParameters"] = first.Count;
        var points = Grid(parse, ctx, settings, PreCollapse.Grid(model, data, alphas, seed), ResultJson.Default.PreCollapsePoint);
        if (points is null) return null;
        var output = new OutputSet(ctx);
        var csv = new CsvTable("alpha", "gTermPC", "leastConfident", "leastConfidentEntropy", "dominanceError", "inputAlignment", "collapsedFraction");
        foreach (var p in points) csv.Add(p.Alpha, p.GTermPC, p.LeastConfident, p.LeastConfidentEntropy, p.DominanceError, p.InputAlignment, p.CollapsedFraction);
        output.Csv("pre-collapse.csv", csv);
        string subtitle = $"{model.Name}, {data.Name}, T = 1";
        var a = points.Select(p => p.Alpha).ToArray();
        output.Figure("pre-collapse-pc.png", $"PC of the first-layer G-term block G₁ and the entropy of the least confident sample over α ({subtitle}; the window PC ≤ {PreCollapse.WindowPC} is the pre-collapse regime)",
            LinePlot.Render($"Pre-collapse: PC(G₁) → 1 ({subtitle})", "initialization scale α (dimensionless)", "PC (dimensionless), entropy (nats)", new[]
            {
                new Series("PC(G₁), first-layer G-term", a, points.Select(p => p.GTermPC ?? double.NaN).ToArray()),
                new Series("entropy of the least confident sample μ₀", a, points.Select(p => p.LeastConfidentEntropy).ToArray()),
                new Series("PC = 1 (one sample, two classes)", a, a.Select(_ => 1.0).ToArray()),
            }, logX: true));
        output.Figure("pre-collapse-dominance.png", $"Share of G₁ not from μ₀, |cos(x_μ₀, top eigenvector of G₁ averaged over hidden units)| and the collapsed share of samples over α ({subtitle})",
            LinePlot.Render($"Pre-collapse: μ₀ takes over G₁ ({subtitle})", "initialization scale α (dimensionless)", "fraction (dimensionless)", new[]
            {
                new Series("‖G₁ − G₁^μ₀/N‖_F / ‖G₁‖_F", a, points.Select(p => p.DominanceError ?? double.NaN).ToArray()),
                new Series("|cos(x_μ₀, top eigenvector)|", a, points.Select(p => p.InputAlignment ?? double.NaN).ToArray()),
                new Series("collapsed (one-hot) share of samples", a, points.Select(p => p.CollapsedFraction).ToArray()),
            }, logX: true));
        EigenvectorImages(output, points, data, subtitle);
        return output.Finish(settings, ResultJson.ToNode(points, ResultJson.Default.IReadOnlyListPreCollapsePoint));
    }

    /// <summary>Fig. 10 (top row): the averaged top eigenvector of each α as a square image, and the last point's x_μ₀ beside
    /// them; written only when the samples are square images (one channel, side² features).</summary>
    private static void EigenvectorImages(OutputSet output, IReadOnlyList<PreCollapsePoint> points, Goldilocks.Data.Dataset data, string subtitle)
    {
        var shown = points.Where(p => p.TopEigenvector is not null).ToArray();
        if (shown.Length == 0) return;
        int features = shown[0].TopEigenvector!.Length, side = (int)Math.Round(Math.Sqrt(features));
        if (side * side != features) return;
        double[,] Square(IReadOnlyList<double> v)
        {
            var m = new double[side, side];
            for (int i = 0; i < features; i++) m[i / side, i % side] = v[i];
            return m;
        }
        var last = shown[^1];
        var panels = shown.Select(p => ($"α = {p.Alpha:G3}", Square(p.TopEigenvector!))).ToList();
        panels.Add(($"x_μ₀ (#{last.LeastConfident})", Square(data.Inputs.select(0, last.LeastConfident).flatten().to(ScalarType.Float64).cpu().data<double>().ToArray())));
        output.Figure("pre-collapse-eigenvector.png", $"Top eigenvector of G₁ averaged over hidden units, as a {side}×{side} image per α, and the least confident input x_μ₀ of α = {last.Alpha:G3} ({subtitle}; each panel scaled to its own largest |value|)",
            ImageStrip.Render($"First-layer top eigenvector as an image ({subtitle})", "initialization scale α of each panel; last: the input x_μ₀", panels));
    }
}
