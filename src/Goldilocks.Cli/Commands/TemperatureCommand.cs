using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks temperature</c>: the zone with T = α^L over α (paper 000 Eq. 5, Fig. 1 middle: flat PC) and over
/// T at α = 1 (Fig. 1 right: the zone recreated by temperature alone). One saved cell per (grid, seed, point).</summary>
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
        var (data, model, seeds, d) = CurvatureGrid.Setup(parse, ctx, device, settings);
        using var _ = data;
        if (model.HomogeneityDegree is null) throw new CliUsageException($"T = α^L needs an L-homogeneous model; {model.Name} is not homogeneous");
        settings["alpha"] = Array(alphas);
        settings["temperatures"] = Array(temperatures);
        var grid = seeds.SelectMany(s => alphas.Select(a => (Grid: "alpha", Seed: s, X: a)))
            .Concat(seeds.SelectMany(s => temperatures.Select(t => (Grid: "temperature", Seed: s, X: t)))).ToArray();
        var keys = grid.Select((g, i) => Key($"{g.Grid}-seed{g.Seed}", i, g.X)).ToList();
        var cells = Grid(parse, ctx, settings, keys, i =>
        {
            var g = grid[i];
            var point = g.Grid == "alpha"
                ? ZoneSweep.Run(model, data, new ZoneSweepOptions(new[] { g.X }, new[] { g.Seed }, d, ZoneTemperature.AlphaToL)).Points[0]
                : TemperatureSweep.Run(model, data, new[] { g.X }, new[] { g.Seed }, d).Points[0];
            return CurvatureGrid.ToJson(point, g.Grid);
        });
        if (cells is null) return null;
        var output = new OutputSet(ctx);
        output.Csv("temperature.csv", CurvatureGrid.Table(cells));
        string where = $"{model.Name}, {data.Name}, d = {d}";
        CurvatureGrid.Figures(output, cells.Where(c => (string)c["grid"]! == "alpha").ToList(), "alpha", "initialization scale α",
            "temperature-alpha", $"{where}, T = α^{model.HomogeneityDegree}");
        CurvatureGrid.Figures(output, cells.Where(c => (string)c["grid"]! == "temperature").ToList(), "temperature", "softmax temperature T",
            "temperature-t", $"{where}, α = 1");
        return output.Finish(settings, new JsonArray(cells.Select(c => (JsonNode?)c.DeepClone()).ToArray()));
    }
}
