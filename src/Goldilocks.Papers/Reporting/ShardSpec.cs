namespace Goldilocks.Papers.Reporting;

/// <summary>
/// One slice of a sweep grid, written <c>i/n</c>: cells with index ≡ i (mod n), 0 ≤ i &lt; n. Any batch scheduler
/// can run the n slices on n machines; <see cref="SweepStore.Merge"/> joins them.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static readonly ShardSpec All = new(0, 1);

    public bool Contains(int cell) => cell % Count == Index;

    public override string ToString() => $"{Index}/{Count}";

    public static ShardSpec Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int i) || !int.TryParse(parts[1], out int n))
            throw new FormatException($"shard must be written i/n (e.g. 0/4), got '{text}'");
        if (n < 1) throw new FormatException($"shard count n must be ≥ 1, got {n} in '{text}'");
        if (i < 0 || i >= n) throw new FormatException($"shard index i must satisfy 0 ≤ i < n = {n}, got {i} in '{text}'");
        return new ShardSpec(i, n);
    }
}
