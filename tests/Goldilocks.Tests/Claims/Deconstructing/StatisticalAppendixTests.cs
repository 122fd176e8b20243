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
        var r = HutchinsonComparison.Run(problem.Model, problem.Data, Statistics.LogGrid(1e-2, 1e2, 9), SeedOffset.Apply(0L), G24Constants.Dimension, G24Constants.Probes);
        var proj = r.Select(p => p.ProjectedPC).ToArray();
        var hut = r.Select(p => p.HutchinsonPC ?? 0).ToArray();
        TestContext.Out.WriteLine($"projected {string.Join(" ", proj.Select(F))}\nHutchinson {string.Join(" ", hut.Select(F))}");
        double pearson = Statistics.Pearson(proj, hut);
        ClaimAssert.That("G24", pearson >= G24Constants.MinPearson, $"Pearson correlation of the projected and Hutchinson PC curves is {F(pearson)} < {G24Constants.MinPearson}");
        ClaimAssert.That("G24", Array.IndexOf(proj, proj.Max()) == Array.IndexOf(hut, hut.Max()), $"the two curves peak at different grid points: projected at index {Array.IndexOf(proj, proj.Max())} ({F(proj.Max())}), Hutchinson at {Array.IndexOf(hut, hut.Max())} ({F(hut.Max())})");
        var (p0, p1) = HutchinsonComparison.Edges(proj, G24Constants.EdgeShare);
        var (h0, h1) = HutchinsonComparison.Edges(hut, G24Constants.EdgeShare);
        ClaimAssert.That("G24", Math.Abs(p0 - h0) <= G24Constants.MaxEdgeShift && Math.Abs(p1 - h1) <= G24Constants.MaxEdgeShift,
            $"zone edges (≥ 50% of peak) (≥ {G24Constants.EdgeShare:P0} of peak) differ by more than {G24Constants.MaxEdgeShift} grid step(s): projected [{p0}, {p1}], Hutchinson [{h0}, {h1}]");
    }

    [Test]
    [Claim("G26")]
    [Category(Categories.Slow)]
    public void LeastConfidentSampleDominatesBeforeCollapse()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = PreCollapse.RunToWindow((Mlp)problem.Model, problem.Data, Statistics.LogGrid(1, 100, 13), SeedOffset.Apply(0L));
        foreach (var p in r) TestContext.Out.WriteLine($"α {F(p.Alpha)}: PC(G₁) {p.GTermPC?.ToString("G4") ?? "-"} μ₀ {p.LeastConfident} dominance error {p.DominanceError?.ToString("G3") ?? "-"} |cos(x_μ₀, v₁)| {p.InputAlignment?.ToString("G3") ?? "-"} collapsed {F(p.CollapsedFraction)}");
        var window = r.Where(PreCollapse.InWindow).ToArray();
        ClaimAssert.That("G26", window.Length > 0, $"no α in [1, 100] with {PreCollapse.RoundOffPC} ≤ PC(G) ≤ {PreCollapse.WindowPC} (pre-collapse regime not reached, nor found by bisection)");
        var w = window[0];
        ClaimAssert.That("G26", w.DominanceError <= G26Constants.MaxDominanceError, $"at α = {F(w.Alpha)} ‖G − G^μ₀/N‖_F/‖G‖_F = {w.DominanceError:G3} > {G26Constants.MaxDominanceError}");
        ClaimAssert.That("G26", w.InputAlignment >= G26Constants.MinInputAlignment, $"at α = {F(w.Alpha)} |cos(x_μ₀, top first-layer eigenvector averaged over hidden units)| = {w.InputAlignment:G3} < {G26Constants.MinInputAlignment}");
        ClaimAssert.That("G26", r.First().GTermPC > G26Constants.MinInitialPc, $"at α = 1 PC(G) = {r.First().GTermPC:G4} ≤ {G26Constants.MinInitialPc}: no excess to lose");
    }
}
