using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks dimension</c>: PC of the projected G-term (and of H and the H-term) over θ = α·θ₀ at T = 1 on
/// random subspaces of several dimensions d (paper 000 Fig. 4 left, Eq. 8); the grid of <see cref="DimensionSweep.Grid"/>,
/// one saved cell per (seed, d, α), each the <c>zone</c> cell at that d.</summary>
public static class DimensionCommand
{
    private static readonly Option<int[]> Dimensions = new Option<int[]>("--dimensions")
    {
        Description = "Subspace dimensions d (1 ≤ d ≤ P; paper 000 Fig. 4 left).",
        DefaultValueFactory = _ => new[] { 5, 10, 20, 40 },
        AllowMultipleArgumentsPerToken = true,
    }.AllAtLeast(1);

    public static readonly ExperimentCommand Command = new("dimension",
        "Positive curvature of the projected G-term, H and H-term against the subspace dimension d over θ = α·θ₀ at T = 1 (Fig. 4 left).",
        ModelChoice.WithFile(CurvatureGrid.Data.Dataset, CurvatureGrid.Data.Samples, CurvatureGrid.Data.DataDirectory, CurvatureGrid.Data.Features,
            CurvatureGrid.Data.Prior, CurvatureGrid.Model, CurvatureGrid.Hidden, CurvatureGrid.Seeds, CurvatureGrid.Points, CurvatureGrid.BatchSize,
            ZoneCommand.AlphaMin, ZoneCommand.AlphaMax, Dimensions), Sweep: true, Run);

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var alphas = ZoneCommand.Alphas(parse);
        int[] dimensions = parse.GetValue(Dimensions)!.Distinct().Order().ToArray();
        var settings = ctx.BaseSettings(device);
        var (setup, objective) = CurvatureGrid.Load(parse, ctx, device, settings, CurvatureGrid.Data, CurvatureGrid.Model, CurvatureGrid.Hidden,
            dimensions, "dimensions", new JsonArray(dimensions.Select(d => (JsonNode?)d).ToArray()));
        using var _ = setup;
        var seeds = CurvatureGrid.SeedList(parse, ctx, settings);
        settings["alpha"] = Array(alphas);
        settings["temperature"] = 1.0;
        var points = Grid(parse, ctx, settings, DimensionSweep.Grid(objective, new DimensionSweepOptions(alphas, seeds, dimensions)), ResultJson.Default.DimensionPoint);
        if (points is null) return null;
        var output = new OutputSet(ctx);
        output.Csv("dimension.csv", CurvatureGrid.Table(points.Select(p => ($"d={p.Dimension}", p.Point))));
        string band = seeds.Length > 1 ? $"mean, band = min-max over {seeds.Length} seeds" : "1 seed";
        string subtitle = $"{objective.Model.Name}, {objective.Data.Name}, T = 1";
        output.Figure("dimension-gterm-pc.png", $"Positive curvature of the projected G-term over α for d = {string.Join(", ", dimensions)} ({subtitle}; {band})",
            LinePlot.Render($"PC of the G-term against d ({subtitle})", "initialization scale α (dimensionless)", "positive curvature Tr(G)/‖G‖_F (dimensionless)",
                dimensions.Select(d => CurvatureGrid.Band($"d = {d}", points.Where(p => p.Dimension == d).ToArray(), p => p.Point.Alpha, p => p.Point.GTerm.PositiveCurvature)).ToArray(),
                logX: true));
        double peak = PeakAlpha(points);
        var atPeak = points.Where(p => p.Point.Alpha == peak).ToArray();
        output.Figure("dimension-pc.png", $"Positive curvature of H, G-term and H-term against d at α = {peak:G3}, the α of the largest Hessian PC at the largest d ({subtitle}; {band})",
            LinePlot.Render($"PC against d at α = {peak:G3} ({subtitle})", "subspace dimension d", "positive curvature Tr(A)/‖A‖_F (dimensionless)",
                CurvatureProbe.OperatorNames.Select((op, k) => CurvatureGrid.Band(CurvatureGrid.Label(op), atPeak, p => p.Dimension,
                    p => p.Point.Operators().ElementAt(k).Summary.PositiveCurvature)).ToArray()));
        return output.Finish(settings, ResultJson.ToNode(points, ResultJson.Default.IReadOnlyListDimensionPoint));
    }

    /// <summary>The α whose mean PC(H) over seeds is largest at the largest d: the middle of the Goldilocks zone.</summary>
    private static double PeakAlpha(IReadOnlyList<DimensionPoint> points)
    {
        int top = points.Max(p => p.Dimension);
        return points.Where(p => p.Dimension == top).GroupBy(p => p.Point.Alpha)
            .MaxBy(g => g.Average(p => p.Point.HessianPC))!.Key;
    }
}
