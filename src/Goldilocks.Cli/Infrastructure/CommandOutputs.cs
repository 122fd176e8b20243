
namespace Goldilocks.Cli.Infrastructure;

/// <summary>The outputs of a finished command: the JSON document, the main CSV table and the rendered figures (file name in --out, caption, PNG).</summary>
public sealed record CommandOutputs(JsonObject Document, CsvTable? Table, IReadOnlyList<(string File, string Caption, byte[] Png)> Figures);

/// <summary>Collects a command's files in --out (CSV, PNG written atomically) and finally its JSON document.</summary>
public sealed class OutputSet(CommandContext ctx)
{
    private readonly JsonArray _files = new();
    private readonly List<(string, string, byte[])> _figures = new();
    private CsvTable? _table;

    public void Csv(string file, CsvTable table)
    {
        table.Write(ctx.OutPath(file));
        _files.Add(file);
        _table ??= table;
    }

    public void Figure(string file, string caption, byte[] png)
    {
        AtomicFile.WriteAllBytes(ctx.OutPath(file), png);
        _files.Add(file);
        _figures.Add((file, caption, png));
    }

    /// <summary>Writes &lt;command&gt;.json (schemaVersion, settings, results, files, timings) and returns everything.</summary>
    public CommandOutputs Finish(JsonObject settings, JsonNode results)
    {
        string file = ctx.Command + ".json";
        var doc = ReportJson.Document(ctx.Command, settings, results);
        _files.Insert(0, file);
        doc["files"] = _files;
        ctx.Emit(doc, file);
        return new CommandOutputs(doc, _table, _figures);
    }
}
