using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>
/// An experiment sub-command: its options and a run function that writes JSON, CSV and PNG into --out.
/// <see cref="Run"/> returns null when a --shard run leaves grid cells to other shards; <see cref="Print"/>, when given,
/// shows the outputs on the console instead of the one-line summary.
/// </summary>
public sealed record ExperimentCommand(string Name, string Description, IReadOnlyList<Option> Options, bool Sweep,
    Func<ParseResult, CommandContext, Device, CommandOutputs?> Run, Action<CommandContext, CommandOutputs>? Print = null)
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
            if (outputs is not null && Print is not null && !ctx.Json) Print(ctx, outputs);
            else if (outputs is not null)
                ctx.Info(Markup.Escape($"{Name}: {outputs.Document["files"]!.AsArray().Count} file(s) in {ctx.OutDirectory}, {ctx.Clock.Elapsed.TotalSeconds:F1} s"));
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>Runs (or resumes) an experiment's grid through <see cref="SweepStore"/>; null when this shard leaves cells to others.</summary>
    public static IReadOnlyList<TResult>? Grid<TCell, TResult>(ParseResult parse, CommandContext ctx, JsonObject settings,
        ExperimentGrid<TCell, TResult> grid, JsonTypeInfo<TResult> type)
    {
        var store = new SweepStore(ctx.OutDirectory, ctx.Command, settings);
        var shard = SweepOptions.ShardOf(parse);
        int measured = 0;
        var all = ctx.Progress(ctx.Command).Run(progress => store.Run(grid, type, shard, parse.GetValue(SweepOptions.Resume), out measured, progress, ctx.Cancel));
        if (all is null)
            ctx.Info(Markup.Escape($"shard {shard}: {measured} cell(s) saved in {store.Directory}/cells; {store.Missing(grid.Keys)} cell(s) of the grid " +
                                   "are elsewhere: join them with 'goldilocks merge' and rerun with --resume"));
        return all;
    }

    public static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => ReportJson.Number(v)).ToArray());

    public static JsonArray Array(IEnumerable<long> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    public static string Inv(IFormattable x) => x.ToString(null, CultureInfo.InvariantCulture);
}
