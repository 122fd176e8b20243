using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks hutchinson</c>: over the α grid at T = 1, PC of the projected Hessian on a random d-dimensional
/// subspace against Hutchinson's full-space estimate Tr(H)/√‖H‖_F² from Rademacher probes (paper 000 App. F, Fig. 13);
/// the grid of <see cref="HutchinsonComparison.Grid"/>, one saved cell per (seed, α).</summary>
public static class HutchinsonCommand
{
    private static readonly Option<int> Probes = new Option<int>("--probes")
    {
        Description = "Rademacher probes of Hutchinson's estimates of Tr(H) and ‖H‖_F² = E‖Hv‖² (standard error ∝ 1/√probes).",
        DefaultValueFactory = _ => 30,
    }.AtLeast(2);

    public static readonly ExperimentCommand Command = new("hutchinson",
        "Hutchinson's full-space PC estimate vs the projected-Hessian PC over θ = α·θ₀ at T = 1 (App. F, Fig. 13).",
        CurvatureGrid.CommonOptions().Concat(new Option[] { ZoneCommand.AlphaMin, ZoneCommand.AlphaMax, Probes }).ToArray(), Sweep: true, Run);

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var alphas = ZoneCommand.Alphas(parse);
        var settings = ctx.BaseSettings(device);
        var (setup, objective, seeds, d) = CurvatureGrid.Setup(parse, ctx, device, settings);
        using var _ = setup;
        int probes = parse.GetValue(Probes);
        settings["alpha"] = Array(alphas);
        settings["temperature"] = 1.0;
        settings["probes"] = probes;
        var points = Grid(parse, ctx, settings, HutchinsonComparison.Grid(objective, alphas, seeds, d, probes), ResultJson.Default.HutchinsonPoint);
        if (points is null) return null;
        var output = new OutputSet(ctx);
        var csv = new CsvTable("seed", "alpha", "projectedPC", "hutchinsonPC", "traceEstimate", "traceStandardError", "frobeniusSquaredEstimate", "frobeniusSquaredStandardError");
        foreach (var p in points)
            csv.Add(p.Seed, p.Alpha, p.Hessian.PositiveCurvature, p.HutchinsonPC, p.Hutchinson.Trace.Value, p.Hutchinson.Trace.StandardError,
                p.Hutchinson.FrobeniusSquared.Value, p.Hutchinson.FrobeniusSquared.StandardError);
        output.Csv("hutchinson.csv", csv);
        string band = seeds.Length > 1 ? $"mean, band = min-max over {seeds.Length} seeds" : "1 seed";
        string subtitle = $"{objective.Model.Name}, {objective.Data.Name}, T = 1";
        output.Figure("hutchinson-pc.png", $"Positive curvature of H over α: projected on d = {d} vs Hutchinson in all P = {objective.Model.ParameterCount} dimensions ({probes} probes; {subtitle}; {band})",
            LinePlot.Render($"PC of H: projected vs Hutchinson ({subtitle})", "initialization scale α (dimensionless)", "positive curvature Tr(H)/‖H‖_F (dimensionless)", new[]
            {
                CurvatureGrid.Band($"projected, d = {d}", points, p => p.Alpha, p => p.Hessian.PositiveCurvature),
                CurvatureGrid.Band($"Hutchinson, {probes} probes (full space)", points, p => p.Alpha, p => p.HutchinsonPC),
            }, logX: true));
        return output.Finish(settings, ResultJson.ToNode(points, ResultJson.Default.IReadOnlyListHutchinsonPoint));
    }
}
