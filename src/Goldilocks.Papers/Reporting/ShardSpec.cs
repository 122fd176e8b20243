namespace Goldilocks.Papers.Reporting;

/// <summary>
/// One slice of a sweep grid, written <c>i/n</c>: cells with index ≡ i (mod n), 0 ≤ i &lt; n. Any batch scheduler
/// can run the n slices on n machines; <see cref="SweepStore.Merge"/> joins them.
/// </summary>
/// <param name="Index">i, 0 ≤ i &lt; n.</param>
/// <param name="Count">n, the number of slices.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole grid (0/1).</summary>
    public static readonly ShardSpec All = new(0, 1);

    /// <summary>True when cell index <paramref name="cell"/> belongs to this slice.</summary>
    public bool Contains(int cell) => cell % Count == Index;

    /// <summary>The slice as written on the command line, "i/n".</summary>
    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Parses "i/n" (0 ≤ i &lt; n), throwing <see cref="FormatException"/> with the expected form otherwise.</summary>
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
