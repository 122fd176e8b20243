using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// The JSON documents every command writes: <c>schemaVersion</c>, the command, its complete settings, the results,
/// and the software versions, so a document can be re-run and compared on its own.
/// </summary>
public static class ReportJson
{
    /// <summary>Version of the document layout; bump it when a field changes meaning.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Serializer options of every document (indented).</summary>
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>A document: schema version, <paramref name="command"/>, <paramref name="settings"/>, <paramref name="results"/> and the software versions.</summary>
    public static JsonObject Document(string command, JsonObject settings, JsonNode results)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["command"] = command,
            ["settings"] = settings,
            ["versions"] = Versions(),
            ["results"] = results,
        };
    }

    private static int LoadedThreads()
    {
        TorchRuntime.EnsureLoaded();
        return TorchRuntime.Threads;
    }

    /// <summary>A finite number, or null (JSON has no NaN; an undefined quantity such as PC of a zero matrix is null).</summary>
    public static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    /// <summary>Versions of the library, .NET and TorchSharp, the operating system, and the CPU thread count
    /// (<see cref="TorchRuntime.ThreadsVariable"/>: the last bits of parallel reductions depend on it), as a JSON object.</summary>
    public static JsonObject Versions() => new()
    {
        ["goldilocks"] = typeof(ReportJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        ["dotnet"] = Environment.Version.ToString(),
        ["torchSharp"] = typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["threads"] = LoadedThreads(),
    };

    /// <summary><paramref name="node"/> as indented JSON text.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Writes <paramref name="node"/> to <paramref name="path"/> atomically, with a final newline.</summary>
    public static void Write(string path, JsonNode node) => AtomicFile.WriteAllText(path, Serialize(node) + "\n");

    /// <summary>Reads a document written by <see cref="Write"/>, checking its schema version.</summary>
    public static JsonObject Read(string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        if (node is not JsonObject obj) throw new InvalidDataException($"{path}: expected a JSON object");
        int? version = obj["schemaVersion"]?.GetValue<int>();
        if (version != SchemaVersion)
            throw new InvalidDataException($"{path}: schemaVersion {version?.ToString() ?? "missing"}, this build reads {SchemaVersion}");
        return obj;
    }
}
