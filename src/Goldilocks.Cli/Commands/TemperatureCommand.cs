using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks temperature</c>: the zone with T = α^L over α (paper 000 Eq. 5, Fig. 1 middle: flat PC) and over
/// T at α = 1 (Fig. 1 right: the zone recreated by temperature alone); the grid of <see cref="TemperatureSweep.Grid"/>.</summary>
public static class TemperatureCommand
{
    public static readonly Option<double> TMin = new Option<double>("--t-min") { Description = "Smallest T of the α = 1 grid.", DefaultValueFactory = _ => 1e-3 }.PositiveFinite();

    public static readonly Option<double> TMax = new Option<double>("--t-max") { Description = "Largest T of the α = 1 grid.", DefaultValueFactory = _ => 1e3 }.PositiveFinite();

    public static readonly ExperimentCommand Command = new("temperature",
        "Curvature at T = α^L over α (Fig. 1 middle) and over the temperature T at α = 1 (Fig. 1 right).",
        CurvatureGrid.CommonOptions().Concat(new Option[] { ZoneCommand.AlphaMin, ZoneCommand.AlphaMax, TMin, TMax }).ToArray(), Sweep: true, Run);

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var alphas = ZoneCommand.Alphas(parse);
        double tlo = parse.GetValue(TMin), thi = parse.GetValue(TMax);
        if (!(thi > tlo)) throw new CliUsageException($"--t-max ({thi}) must exceed --t-min ({tlo})");
        var temperatures = Statistics.LogGrid(tlo, thi, parse.GetValue(CurvatureGrid.Points));
        var settings = ctx.BaseSettings(device);
        var (setup, objective, seeds, d) = CurvatureGrid.Setup(parse, ctx, device, settings);
        using var _ = setup;
        var model = objective.Model;
        setup.RequireDegree("the α grid at T = α^L (Eq. 5)");
        settings["alpha"] = Array(alphas);
        settings["temperatures"] = Array(temperatures);
        var grid = TemperatureSweep.Grid(objective, alphas, temperatures, seeds, d);
        var points = Grid(parse, ctx, settings, grid, ResultJson.Default.CurvaturePoint);
        if (points is null) return null;
        IReadOnlyList<CurvaturePoint> Of(string name) => points.Where((_, i) => grid.Cells[i].Grid == name).ToArray();
        var results = new TemperatureSweepGrids(Of(ZoneSweep.AlphaGrid), Of(TemperatureSweep.TemperatureGrid));
        var output = new OutputSet(ctx);
        output.Csv("temperature.csv", CurvatureGrid.Table(points.Select((p, i) => (grid.Cells[i].Grid, p))));
        string where = $"{model.Name}, {objective.Data.Name}, d = {d}";
        CurvatureGrid.Figures(output, results.Alpha, p => p.Alpha, "initialization scale α", "temperature-alpha", $"{where}, T = α^{model.HomogeneityDegree}");
        CurvatureGrid.Figures(output, results.Temperature, p => p.Temperature, "softmax temperature T", "temperature-t", $"{where}, α = 1");
        return output.Finish(settings, ResultJson.ToNode(results, ResultJson.Default.TemperatureSweepGrids));
    }
}
