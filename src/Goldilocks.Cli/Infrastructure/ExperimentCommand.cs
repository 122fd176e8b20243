using System.Globalization;
using Spectre.Console;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>
/// An experiment sub-command (issue 5 item 2): its options and a run function that writes JSON, CSV and PNG into --out.
/// <see cref="Run"/> returns null when a --shard run leaves grid cells to other shards.
/// </summary>
public sealed record ExperimentCommand(string Name, string Description, IReadOnlyList<Option> Options, bool Sweep,
    Func<ParseResult, CommandContext, Device, CommandOutputs?> Run)
{
    public Command Build()
    {
        var command = new Command(Name, Description);
        foreach (var o in Options) command.Options.Add(o);
        if (Sweep) SweepOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var ctx = CommandContext.Create(Name, parse, out var device);
            var outputs = Run(parse, ctx, device);
            if (outputs is not null)
                ctx.Info(Markup.Escape($"{Name}: {outputs.Document["files"]!.AsArray().Count} file(s) in {ctx.OutDirectory}, {ctx.Clock.Elapsed.TotalSeconds:F1} s"));
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>Runs (or resumes) a grid through <see cref="SweepStore"/>; null when this shard leaves cells to others.</summary>
    public static List<JsonObject>? Grid(ParseResult parse, CommandContext ctx, JsonObject settings, IReadOnlyList<string> keys, Func<int, JsonNode> compute)
    {
        var store = new SweepStore(ctx.OutDirectory, ctx.Command, settings);
        var shard = SweepOptions.ShardOf(parse);
        var cells = ctx.Progress(ctx.Command).Run(progress => store.Run(keys, compute, shard, parse.GetValue(SweepOptions.Resume), progress, ctx.Cancel));
        var all = store.TryLoadAll(keys);
        if (all is null)
        {
            ctx.Info(Markup.Escape($"shard {shard}: {cells.Count} cell(s) saved in {store.Directory}/cells; {store.Missing(keys)} cell(s) of the grid " +
                                   "are elsewhere: join them with 'goldilocks merge' and rerun with --resume"));
            return null;
        }
        return keys.Select(k => (JsonObject)all[k]).ToList();
    }

    public static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => ReportJson.Number(v)).ToArray());

    public static JsonArray Array(IEnumerable<long> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    public static double Num(JsonNode? n) => n is null ? double.NaN : n.GetValue<double>();

    public static string Key(string prefix, int index, double value) => FormattableString.Invariant($"{prefix}-{index:D3}-{value:G6}");

    public static string Inv(IFormattable x) => x.ToString(null, CultureInfo.InvariantCulture);
}
