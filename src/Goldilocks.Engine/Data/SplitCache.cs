using System.Collections.Concurrent;

namespace Goldilocks.Data;

/// <summary>
/// Process-wide cache of decoded image splits, keyed by the files' full paths, sizes and modification times, so tests
/// and commands decode FashionMNIST/CIFAR-10 once per process (decoding the gzip IDX files takes seconds).
/// </summary>
internal static class SplitCache
{
    private static readonly ConcurrentDictionary<string, Lazy<ImageSplit>> Cache = new();

    public static ImageSplit GetOrLoad(IReadOnlyList<string> files, Func<ImageSplit> load)
    {
        string key = string.Join("|", files.Select(f =>
        {
            var info = new FileInfo(f);
            return $"{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }));
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<ImageSplit>(load, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(key, out _); // a corrupt file is reported every time, not cached
            throw;
        }
    }

    public static void Clear() => Cache.Clear();
}
