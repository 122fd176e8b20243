
namespace Goldilocks.Cli.Commands;

/// <summary>
/// <c>goldilocks merge SHARD_DIR... --out DIR</c>: joins the cells of sweep shards (run with --shard i/n) into one
/// folder; rerunning the sweep command with the same settings, --out DIR and --resume then writes the full outputs.
/// </summary>
public static class MergeCommand
{
    private static readonly Argument<string[]> Shards = new("shards")
    {
        Description = "Output folders of the shard runs (each with a cells/ folder).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Build()
    {
        var command = new Command("merge", "Join the saved cells of sweep shards into --out/cells.");
        command.Arguments.Add(Shards);
        command.SetAction(parse =>
        {
            if (parse.GetValue(GlobalOptions.Out) is null) throw new CliUsageException("merge needs --out: the folder that receives the joined cells");
            string outDir = Path.GetFullPath(parse.GetValue(GlobalOptions.Out)!);
            AtomicFile.EnsureWritableFolder(outDir);
            var shards = parse.GetValue(Shards)!;
            int count = SweepStore.Merge(shards, outDir);
            var doc = ReportJson.Document("merge", new JsonObject
            {
                ["shards"] = new JsonArray(shards.Select(s => (JsonNode?)Path.GetFullPath(s)).ToArray()),
                ["out"] = outDir,
            }, new JsonObject { ["cells"] = count });
            ReportJson.Write(Path.Combine(outDir, "merge.json"), doc);
            if (parse.GetValue(GlobalOptions.Json)) Console.Out.WriteLine(ReportJson.Serialize(doc));
            else Console.Out.WriteLine($"merged {count} cell(s) from {shards.Length} shard folder(s) into {outDir}/cells; rerun the sweep with --out {outDir} --resume to write its outputs");
            return CliApp.ExitOk;
        });
        return command;
    }
}
