using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Claims.Shared;

/// <summary>Integer generators that shrink towards their lower bound (readable counterexamples).</summary>
internal static class PropertyGenerators
{
    public static Arbitrary<int> Between(int lo, int hi) =>
        Arb.From(Gen.Choose(lo, hi), x => x > lo ? new[] { lo, lo + (x - lo) / 2 }.Distinct().Where(v => v < x) : Array.Empty<int>());

    /// <summary>A random symmetric D×D matrix (indefinite, entries N(0,1)) from a seed.</summary>
    public static Tensor SymmetricMatrix(int dimension, int seed, double shift = 0)
    {
        var a = torch.randn(new long[] { dimension, dimension }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));
        return (a + a.t()) / 2 + torch.eye(dimension, dtype: ScalarType.Float64) * shift;
    }
}
