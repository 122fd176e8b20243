using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Goldilocks.Papers.Reporting;

/// <summary>Progress of a sweep: cells finished (computed or resumed) out of the cells of this shard.</summary>
/// <param name="Done">Cells finished.</param>
/// <param name="Total">Cells of this shard.</param>
/// <param name="Cell">Key of the cell just finished.</param>
/// <param name="Resumed">True when it was read back rather than computed.</param>
public readonly record struct SweepProgress(int Done, int Total, string Cell, bool Resumed);

/// <summary>
/// A sweep over a grid of cells whose results are saved one JSON file per finished cell under
/// <c>&lt;out&gt;/cells/</c> (atomically), so an interrupted sweep loses at most the cell in progress and
/// <c>--resume</c> continues it; <c>--shard i/n</c> runs one slice and <see cref="Merge"/> joins slices.
/// A cell file records the sweep's settings; resuming with other settings is an error.
/// </summary>
public sealed class SweepStore
{
    /// <summary>Subfolder of the output folder that holds one JSON file per finished cell.</summary>
    public const string CellFolder = "cells";

    /// <summary>A store in <paramref name="outDirectory"/> for the sweep of <paramref name="command"/> with <paramref name="settings"/> (recorded in every cell file and checked on resume).</summary>
    public SweepStore(string outDirectory, string command, JsonObject settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDirectory);
        Directory = Path.GetFullPath(outDirectory);
        Command = command;
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The output folder.</summary>
    public string Directory { get; }

    /// <summary>The command whose sweep this is.</summary>
    public string Command { get; }

    /// <summary>The sweep's settings.</summary>
    public JsonObject Settings { get; }

    /// <summary>The file of the cell named <paramref name="key"/>.</summary>
    public string CellPath(string key) => Path.Combine(Directory, CellFolder, CheckKey(key) + ".json");

    /// <summary>
    /// Computes the cells of <paramref name="shard"/> in order, saving each as it completes; with
    /// <paramref name="resume"/> a saved cell is read back instead of recomputed. Returns the results of this shard.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode> Run(IReadOnlyList<string> keys, Func<int, JsonNode> compute, ShardSpec shard,
        bool resume, IProgress<SweepProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(compute);
        if (keys.Distinct().Count() != keys.Count) throw new ArgumentException("sweep cell keys must be distinct", nameof(keys));
        var mine = Enumerable.Range(0, keys.Count).Where(shard.Contains).ToList();
        // The folder exists even for a shard that holds no cell (more shards than cells), so merge accepts every shard folder.
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, CellFolder));
        AtomicFile.DeleteStaleTemporaries(Path.Combine(Directory, CellFolder)); // left by a killed run (SIGKILL mid-write)
        var results = new Dictionary<string, JsonNode>();
        int done = 0;
        foreach (int i in mine)
        {
            cancel.ThrowIfCancellationRequested();
            string key = keys[i], path = CellPath(key);
            bool resumed = resume && File.Exists(path);
            if (resumed)
            {
                results[key] = ReadCell(path, key);
            }
            else
            {
                var clock = Stopwatch.StartNew();
                var value = compute(i);
                var cell = ReportJson.Document(Command, (JsonObject)Settings.DeepClone(), value);
                cell["cell"] = key;
                cell["index"] = i;
                cell["seconds"] = clock.Elapsed.TotalSeconds;
                ReportJson.Write(path, cell);
                results[key] = value.DeepClone();
            }
            progress?.Report(new SweepProgress(++done, mine.Count, key, resumed));
        }
        return results;
    }

    /// <summary>
    /// Measures the cells of <paramref name="shard"/> of an experiment's grid (resuming saved ones with
    /// <paramref name="resume"/>), each saved as its record serialised by <paramref name="type"/>. Returns every result
    /// of the grid in order when all its cells are saved (after this run, or after a merge), else null;
    /// <paramref name="measured"/> is the number of cells this shard holds.
    /// </summary>
    public IReadOnlyList<TResult>? Run<TCell, TResult>(ExperimentGrid<TCell, TResult> grid, JsonTypeInfo<TResult> type, ShardSpec shard,
        bool resume, out int measured, IProgress<SweepProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(type);
        measured = Run(grid.Keys, i => ResultJson.ToNode(grid.Measure(i), type), shard, resume, progress, cancel).Count;
        var all = TryLoadAll(grid.Keys);
        return all is null ? null : grid.Keys.Select(k => ResultJson.FromNode(all[k], type)).ToArray();
    }

    /// <summary>All cells of the grid if every one is saved (after a full run or a merge), else null.</summary>
    public IReadOnlyDictionary<string, JsonNode>? TryLoadAll(IReadOnlyList<string> keys)
    {
        var all = new Dictionary<string, JsonNode>();
        foreach (var key in keys)
        {
            string path = CellPath(key);
            if (!File.Exists(path)) return null;
            all[key] = ReadCell(path, key);
        }
        return all;
    }

    /// <summary>Number of grid cells not yet saved.</summary>
    public int Missing(IReadOnlyList<string> keys) => keys.Count(k => !File.Exists(CellPath(k)));

    private JsonNode ReadCell(string path, string key)
    {
        var doc = ReportJson.Read(path);
        if ((string?)doc["command"] != Command || (string?)doc["cell"] != key)
            throw new InvalidDataException($"{path}: holds cell '{doc["cell"]}' of '{doc["command"]}', expected cell '{key}' of '{Command}'");
        if (!JsonNode.DeepEquals(doc["settings"], Settings))
            throw new InvalidDataException(
                $"{path}: this cell was computed with other settings ({doc["settings"]?.ToJsonString()}) than the current run ({Settings.ToJsonString()}); " +
                "use another --out folder or the same settings");
        return doc["results"]?.DeepClone() ?? throw new InvalidDataException($"{path}: no results");
    }

    /// <summary>
    /// Joins the cells of shard output folders into <paramref name="outDirectory"/>/cells. Cells present in several
    /// shards must agree; all cells must come from the same command and settings. Returns the number of cells.
    /// </summary>
    public static int Merge(IReadOnlyList<string> shardDirectories, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(shardDirectories);
        if (shardDirectories.Count == 0) throw new ArgumentException("merge needs at least one shard folder", nameof(shardDirectories));
        var cells = new Dictionary<string, (JsonObject Doc, string Path)>();
        JsonObject? first = null;
        string? firstPath = null;
        foreach (var dir in shardDirectories)
        {
            string folder = Path.Combine(dir, CellFolder);
            if (!System.IO.Directory.Exists(folder)) throw new DirectoryNotFoundException($"'{dir}' has no {CellFolder}/ folder: not a sweep output");
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var doc = ReportJson.Read(file);
                string key = (string?)doc["cell"] ?? throw new InvalidDataException($"{file}: no cell key");
                if (first is null) { first = doc; firstPath = file; }
                else if ((string?)doc["command"] != (string?)first["command"] || !JsonNode.DeepEquals(doc["settings"], first["settings"]))
                    throw new InvalidDataException($"{file} and {firstPath} come from different commands or settings; cannot merge");
                if (cells.TryGetValue(key, out var seen) && !JsonNode.DeepEquals(seen.Doc["results"], doc["results"]))
                    throw new InvalidDataException($"cell '{key}' differs between {seen.Path} and {file}");
                cells[key] = (doc, file);
            }
        }
        if (first is null) throw new InvalidDataException("the shard folders hold no cells");
        foreach (var (key, (doc, _)) in cells)
            ReportJson.Write(Path.Combine(outDirectory, CellFolder, CheckKey(key) + ".json"), doc);
        return cells.Count;
    }

    private static string CheckKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || key.StartsWith('.'))
            throw new ArgumentException($"'{key}' is not a valid cell key (must be a plain file name)", nameof(key));
        return key;
    }
}
