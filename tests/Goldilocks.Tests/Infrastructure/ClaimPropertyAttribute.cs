using System.Globalization;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Goldilocks.Tests.Infrastructure;

/// <summary>
/// An FsCheck property with a reproducible seed, so that CI gates on the same generated cases every run.
/// The seed moves with <see cref="SeedOffset"/> (scripts/seed-sweep.sh); <c>GOLDILOCKS_FSCHECK_SEED=random</c> lets
/// FsCheck draw fresh seeds (scripts/explore-properties.sh), which is how new counterexamples are hunted.
/// A failure prints the replay seed either way.
/// </summary>
public sealed class ClaimPropertyAttribute : FsCheck.NUnit.PropertyAttribute, ISimpleTestBuilder
{
    /// <summary>FsCheck's own builder (stateless: it makes the test method and applies [Category] and [Ignore]).</summary>
    private static readonly ISimpleTestBuilder FsCheckBuilder = new FsCheck.NUnit.PropertyAttribute();

    public const string Variable = "GOLDILOCKS_FSCHECK_SEED";

    public ClaimPropertyAttribute()
    {
        QuietOnSuccess = true;
        Replay = ReplaySeed();
    }

    /// <summary>Every property is in <see cref="Categories.Property"/>, so that it can be selected as a group.</summary>
    TestMethod ISimpleTestBuilder.BuildFrom(IMethodInfo method, Test? suite)
    {
        var test = FsCheckBuilder.BuildFrom(method, suite);
        test.Properties.Add(PropertyNames.Category, Categories.Property);
        return test;
    }

    /// <summary>FsCheck's replay string "(seed,gamma)" (gamma odd), or null for a random seed.</summary>
    public static string? ReplaySeed()
    {
        string? raw = Environment.GetEnvironmentVariable(Variable)?.Trim();
        if (string.Equals(raw, "random", StringComparison.OrdinalIgnoreCase)) return null;
        ulong seed = 20_261_124;
        if (!string.IsNullOrEmpty(raw) && !ulong.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
            throw new InvalidOperationException($"{Variable} must be 'random' or a non-negative integer, got '{raw}'");
        seed += (ulong)SeedOffset.Value;
        ulong gamma = (seed * 0x9E3779B97F4A7C15UL) | 1UL;
        return string.Create(CultureInfo.InvariantCulture, $"({seed},{gamma})");
    }
}
