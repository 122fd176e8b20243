using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G24 (App. F), G26 (App. D) and G27 (Sec. 5, laptop analogue). Margins: the specs (StatisticalCalibration, seeds 0-19).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalAppendixTests
{
    [Test]
    [Claim("G24")]
    [Category(Categories.Slow)]
    public void HutchinsonAgreesWithTheProjectedHessianOnTheZone()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = HutchinsonComparison.Run(problem.Model, problem.Data, Statistics.LogGrid(1e-2, 1e2, 9), SeedOffset.Apply(0L), 20, 30);
        TestContext.Out.WriteLine($"projected {string.Join(" ", r.Select(p => F(p.ProjectedPC)))}\nHutchinson {string.Join(" ", r.Select(p => F(p.HutchinsonPC ?? 0)))}");
        ClaimAssert.Holds(DeconstructingVerdicts.G24(r));
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
