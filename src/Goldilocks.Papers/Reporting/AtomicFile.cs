using System.Text;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// Writes files so that a reader (or an interrupted run) never sees a half-written file: the content goes to a
/// temporary file in the same folder, is flushed to disk, and then replaces the target with one rename
/// (<see cref="File.Move(string, string, bool)"/>, atomic on one file system).
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of the temporary files; a crash can leave one behind, never a partial target.</summary>
    public const string TempSuffix = ".partial";

    /// <summary>Writes <paramref name="text"/> as UTF-8 to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically (temporary file, flush, rename).</summary>
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

    /// <summary>
    /// Deletes the temporary files a killed writer (SIGKILL, power loss) left in <paramref name="folder"/>: those whose
    /// writing process (the id in the name) is no longer running. Returns how many were deleted.
    /// </summary>
    public static int DeleteStaleTemporaries(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        int deleted = 0;
        foreach (var temp in Directory.GetFiles(folder, $".*{TempSuffix}"))
        {
            if (WriterIsAlive(Path.GetFileName(temp))) continue;
            TryDelete(temp);
            deleted += File.Exists(temp) ? 0 : 1;
        }
        return deleted;
    }

    /// <summary>True when the process id in a temporary name ".&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.partial" is running.</summary>
    private static bool WriterIsAlive(string tempName)
    {
        var parts = tempName[..^TempSuffix.Length].Split('.');
        if (parts.Length < 3 || !int.TryParse(parts[^2], out int pid)) return false;
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException) { /* the target is untouched either way */ }
    }
}
