using System.Globalization;

namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// Seed robustness sweeps (scripts/seed-sweep.sh): statistical tests write their fixed seeds as
/// <c>SeedOffset.Apply(seed)</c>; normally the offset is 0, the sweep sets <see cref="Variable"/> to 0..49.
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

    public static long Apply(long seed) => checked(seed + Value);

    public static int Apply(int seed) => checked((int)(seed + Value));
}
