using System.Text;

namespace Goldilocks.Reporting;

/// <summary>
/// Writes files so that a reader (or an interrupted run) never sees a half-written file: the content goes to a
/// temporary file in the same folder, is flushed to disk, and then replaces the target with one rename
/// (<see cref="File.Move(string, string, bool)"/>, atomic on one file system). Issue 5 item 3, issue 7 item 5.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of the temporary files; a crash can leave one behind, never a partial target.</summary>
    public const string TempSuffix = ".partial";

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            TryDelete(temp);
            throw new IOException($"cannot write '{full}': {e.Message}", e);
        }
    }

    /// <summary>Fails early, naming the folder, when <paramref name="folder"/> cannot be created or written.</summary>
    public static void EnsureWritableFolder(string folder)
    {
        string full = Path.GetFullPath(folder);
        string probe = Path.Combine(full, $".write-test.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Directory.CreateDirectory(full);
            File.WriteAllBytes(probe, Array.Empty<byte>());
            File.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new IOException($"output folder '{full}' is not writable: {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException) { /* the target is untouched either way */ }
    }
}
