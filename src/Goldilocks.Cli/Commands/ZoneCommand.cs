using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks zone</c>: PC, local convexity and spectral norm of H, G-term and H-term over an α grid at T = 1
/// (paper 000 Fig. 2), min-max bands over seeds; one saved cell per (seed, α).</summary>
public static class ZoneCommand
{
    public static readonly Option<double> AlphaMin = new Option<double>("--alpha-min") { Description = "Smallest α.", DefaultValueFactory = _ => 1e-2 }.PositiveFinite();

    public static readonly Option<double> AlphaMax = new Option<double>("--alpha-max") { Description = "Largest α.", DefaultValueFactory = _ => 1e2 }.PositiveFinite();

    public static readonly ExperimentCommand Command = new("zone",
        "The Goldilocks zone: curvature of H, G-term and H-term on a random subspace over θ = α·θ₀ at T = 1 (Fig. 2).",
        CurvatureGrid.CommonOptions().Concat(new Option[] { AlphaMin, AlphaMax }).ToArray(), Sweep: true, Run);

    public static double[] Alphas(ParseResult parse)
    {
        double lo = parse.GetValue(AlphaMin), hi = parse.GetValue(AlphaMax);
        if (!(hi > lo)) throw new CliUsageException($"--alpha-max ({hi}) must exceed --alpha-min ({lo})");
        return Statistics.LogGrid(lo, hi, parse.GetValue(CurvatureGrid.Points));
    }

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var alphas = Alphas(parse);
        var settings = ctx.BaseSettings(device);
        var (data, model, seeds, d) = CurvatureGrid.Setup(parse, ctx, device, settings);
        using var _ = data;
        settings["alpha"] = Array(alphas);
        settings["temperature"] = 1.0;
        var grid = seeds.SelectMany(s => alphas.Select(a => (Seed: s, Alpha: a))).ToArray();
        var keys = grid.Select((g, i) => Key($"seed{g.Seed}-alpha", i, g.Alpha)).ToList();
        var cells = Grid(parse, ctx, settings, keys, i =>
        {
            var r = ZoneSweep.Run(model, data, new ZoneSweepOptions(new[] { grid[i].Alpha }, new[] { grid[i].Seed }, d));
            return CurvatureGrid.ToJson(r.Points[0], "alpha");
        });
        if (cells is null) return null;
        var output = new OutputSet(ctx);
        output.Csv("zone.csv", CurvatureGrid.Table(cells));
        CurvatureGrid.Figures(output, cells, "alpha", "initialization scale α", "zone", $"{model.Name}, {data.Name}, T = 1, d = {d}");
        return output.Finish(settings, new JsonArray(cells.Select(c => (JsonNode?)c.DeepClone()).ToArray()));
    }
}
