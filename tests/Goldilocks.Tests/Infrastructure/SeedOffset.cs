using System.Globalization;

namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// Seed robustness sweeps (scripts/seed-sweep.sh): statistical tests write their fixed seeds as
/// <c>SeedOffset.Apply(seed)</c>; normally the offset is 0, the sweep sets <see cref="Variable"/> to 0..49.
/// Offset k moves every seed by k·<see cref="Stride"/>, not by k: tests draw windows of consecutive seeds
/// (up to ~3,000 of them, S9), and a stride of 1 made neighbouring offsets share most of their draws, so the 50 runs
/// of a sweep were not 50 independent trials.
/// </summary>
public static class SeedOffset
{
    public const string Variable = "GOLDILOCKS_SEED_OFFSET";

    /// <summary>The offset from <see cref="Variable"/> (0 when unset); a non-integer value is an error, never ignored.</summary>
    public static long Value
    {
        get
        {
            string? raw = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(raw)) return 0;
            return long.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)
                ? v
                : throw new InvalidOperationException($"{Variable} must be an integer, got '{raw}'");
        }
    }

    /// <summary>Seeds per offset: larger than any window of consecutive seeds a test draws; a prime unrelated to
    /// the library's own seed offsets (SeedRule.BasisOffset = 1,000,003).</summary>
    public const long Stride = 100_003;

    public static long Apply(long seed) => checked(seed + Stride * Value);

    public static int Apply(int seed) => checked((int)(seed + Stride * Value));
}
