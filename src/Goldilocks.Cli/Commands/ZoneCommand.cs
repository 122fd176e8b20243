using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks zone</c>: PC, local convexity and spectral norm of H, G-term and H-term over an α grid at T = 1
/// (paper 000 Fig. 2), min-max bands over seeds; the grid of <see cref="ZoneSweep.Grid"/>, one saved cell per (seed, α).</summary>
public static class ZoneCommand
{
    public static readonly Option<double> AlphaMin = new Option<double>("--alpha-min") { Description = "Smallest α.", DefaultValueFactory = _ => 1e-2 }.PositiveFinite();

    public static readonly Option<double> AlphaMax = new Option<double>("--alpha-max") { Description = "Largest α.", DefaultValueFactory = _ => 1e2 }.PositiveFinite();

    public static readonly ExperimentCommand Command = new("zone",
        "The Goldilocks zone: curvature of H, G-term and H-term on a random subspace over θ = α·θ₀ at T = 1 (Fig. 2).",
        CurvatureGrid.CommonOptions().Concat(new Option[] { AlphaMin, AlphaMax }).ToArray(), Sweep: true, Run);

    public static double[] Alphas(ParseResult parse) => Alphas(parse, AlphaMin, AlphaMax, CurvatureGrid.Points);

    /// <summary>The log-spaced α grid of a command's own α-range and point-count options.</summary>
    public static double[] Alphas(ParseResult parse, Option<double> min, Option<double> max, Option<int> points)
    {
        double lo = parse.GetValue(min), hi = parse.GetValue(max);
        if (!(hi > lo)) throw new CliUsageException($"{max.Name} ({hi}) must exceed {min.Name} ({lo})");
        return Statistics.LogGrid(lo, hi, parse.GetValue(points));
    }

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var alphas = Alphas(parse);
        var settings = ctx.BaseSettings(device);
        var (setup, objective, seeds, d) = CurvatureGrid.Setup(parse, ctx, device, settings);
        using var _ = setup;
        settings["alpha"] = Array(alphas);
        settings["temperature"] = 1.0;
        var points = Grid(parse, ctx, settings, ZoneSweep.Grid(objective, new ZoneSweepOptions(alphas, seeds, d)), ResultJson.Default.CurvaturePoint);
        if (points is null) return null;
        var output = new OutputSet(ctx);
        output.Csv("zone.csv", CurvatureGrid.Table(ZoneSweep.AlphaGrid, points));
        CurvatureGrid.Figures(output, points, p => p.Alpha, "initialization scale α", "zone", $"{objective.Model.Name}, {objective.Data.Name}, T = 1, d = {d}");
        return output.Finish(settings, ResultJson.ToNode(points, ResultJson.Default.IReadOnlyListCurvaturePoint));
    }
}
