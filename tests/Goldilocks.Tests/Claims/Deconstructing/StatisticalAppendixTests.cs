using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G24 (App. F), G26 (App. D) and G27 (Sec. 5, laptop analogue). Margins: the specs (StatisticalCalibration, seeds 0-19).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalAppendixTests
{
    /// <summary>The G24 curves (projected and Hutchinson PC over α ∈ [1e-2, 1e2]) at one seed.</summary>
    internal static (double[] Alphas, double[] Projected, double[] Hutchinson) G24Curves(long seed, int levels = G24Constants.Levels)
    {
        using var problem = Synthetic(seed: seed);
        var alphas = Statistics.LogGrid(1e-2, 1e2, levels);
        var r = HutchinsonComparison.Run(problem.Model, problem.Data, alphas, seed, G24Constants.Dimension, G24Constants.Probes);
        return (alphas, r.Select(p => p.ProjectedPC).ToArray(), r.Select(p => p.HutchinsonPC ?? 0).ToArray());
    }

    private static readonly Lazy<(double[] Alphas, double[] Projected, double[] Hutchinson)> G24Run = new(() => G24Curves(SeedOffset.Apply(0L)));

    [Test]
    [Claim("G24")]
    [Category(Categories.Slow)]
    public void HutchinsonAgreesWithTheProjectedHessianOnTheZone()
    {
        var (alphas, proj, hut) = G24Run.Value;
        TestContext.Out.WriteLine($"projected {string.Join(" ", proj.Select(F))}\nHutchinson {string.Join(" ", hut.Select(F))}");
        ClaimAssert.Holds(DeconstructingVerdicts.G24(alphas, proj, hut));
    }

    /// <summary>G24 null model: the Hutchinson curve unrelated to the projected one, i.e. its values permuted across the
    /// α grid; one fixed permutation must fail the verdict.</summary>
    [Test]
    [Claim("G24")]
    [Category(Categories.Slow)]
    [Category(Categories.NegativeControl)]
    public void HutchinsonCurvePermutedAcrossAlphaDoesNotMatchTheProjectedOne()
    {
        var (alphas, proj, hut) = G24Run.Value;
        var permuted = NullModel.Permuted(hut, new Random(G24Constants.NullDraw));
        ClaimAssert.FailsOnNull(DeconstructingVerdicts.G24(alphas, proj, permuted), $"Hutchinson curve permuted across α, draw {G24Constants.NullDraw}");
    }

    [Test]
    [Claim("G26")]
    [Category(Categories.Slow)]
    public void LeastConfidentSampleDominatesBeforeCollapse()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = PreCollapse.RunToWindow((Mlp)problem.Model, problem.Data, Statistics.LogGrid(1, 100, 13), SeedOffset.Apply(0L));
        foreach (var p in r) TestContext.Out.WriteLine($"α {F(p.Alpha)}: PC(G₁) {p.GTermPC?.ToString("G4") ?? "-"} μ₀ {p.LeastConfident} dominance error {p.DominanceError?.ToString("G3") ?? "-"} |cos(x_μ₀, v₁)| {p.InputAlignment?.ToString("G3") ?? "-"} collapsed {F(p.CollapsedFraction)}");
        ClaimAssert.Holds(DeconstructingVerdicts.G26(r));
    }
}
