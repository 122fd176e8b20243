using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G24 (App. F), G26 (App. D) and G27 (Sec. 5, laptop analogue). Margins: the specs (StatisticalCalibration, seeds 0-19).</summary>
[TestFixture]
[Category(Categories.Statistical)]
public sealed class StatisticalAppendixTests
{
    /// <summary>Smallest Pearson correlation allowed between the two PC curves over α (spec G24).</summary>
    public const double MinPearson = 0.9;

    /// <summary>The G24 verdict on two PC curves over the same α grid: Pearson ≥ <see cref="MinPearson"/>, the same peak
    /// index, and 50 %-of-peak zone edges within one grid step.</summary>
    internal static bool G24Passes(IReadOnlyList<double> proj, IReadOnlyList<double> hut, double minPearson = MinPearson, int edgeSteps = G24EdgeSteps)
    {
        var (p0, p1) = HutchinsonComparison.Edges(proj.ToArray(), 0.5);
        var (h0, h1) = HutchinsonComparison.Edges(hut.ToArray(), 0.5);
        return Statistics.Pearson(proj, hut) >= minPearson && proj.ToList().IndexOf(proj.Max()) == hut.ToList().IndexOf(hut.Max())
            && Math.Abs(p0 - h0) <= edgeSteps && Math.Abs(p1 - h1) <= edgeSteps;
    }

    /// <summary>α points of the G24 grid over [1e-2, 1e2] (quarter decades): on 9 half-decade points the permutation null
    /// passed 2.1 % of draws, by swapping plateau values (spec G24).</summary>
    public const int G24Levels = 17;

    /// <summary>Grid steps (quarter decades) by which the 50 %-of-peak zone edges of the two curves may differ: half a decade.</summary>
    public const int G24EdgeSteps = 2;

    /// <summary>The G24 curves (projected and Hutchinson PC over α ∈ [1e-2, 1e2]) at one seed.</summary>
    internal static (double[] Projected, double[] Hutchinson) G24Curves(long seed, int levels = G24Levels)
    {
        using var problem = Synthetic(seed: seed);
        var r = HutchinsonComparison.Run(problem.Model, problem.Data, Statistics.LogGrid(1e-2, 1e2, levels), seed, 20, 30);
        return (r.Select(p => p.ProjectedPC).ToArray(), r.Select(p => p.HutchinsonPC ?? 0).ToArray());
    }

    private static readonly Lazy<(double[] Projected, double[] Hutchinson)> G24Run = new(() => G24Curves(SeedOffset.Apply(0L)));

    /// <summary>Seed of the one permutation draw of the G24 negative control.</summary>
    private const int G24NullDraw = 1;

    [Test]
    [Claim("G24")]
    [Category(Categories.Slow)]
    public void HutchinsonAgreesWithTheProjectedHessianOnTheZone()
    {
        var (proj, hut) = G24Run.Value;
        TestContext.Out.WriteLine($"projected {string.Join(" ", proj.Select(F))}\nHutchinson {string.Join(" ", hut.Select(F))}");
        double pearson = Statistics.Pearson(proj, hut);
        ClaimAssert.That("G24", pearson >= MinPearson, $"Pearson correlation of the projected and Hutchinson PC curves is {F(pearson)} < {MinPearson}");
        ClaimAssert.That("G24", Array.IndexOf(proj, proj.Max()) == Array.IndexOf(hut, hut.Max()), $"the two curves peak at different grid points: projected at index {Array.IndexOf(proj, proj.Max())} ({F(proj.Max())}), Hutchinson at {Array.IndexOf(hut, hut.Max())} ({F(hut.Max())})");
        var (p0, p1) = HutchinsonComparison.Edges(proj, 0.5);
        var (h0, h1) = HutchinsonComparison.Edges(hut, 0.5);
        ClaimAssert.That("G24", Math.Abs(p0 - h0) <= G24EdgeSteps && Math.Abs(p1 - h1) <= G24EdgeSteps,
            $"zone edges (≥ 50% of peak) differ by more than {G24EdgeSteps} grid steps of {G24Levels}: projected [{p0}, {p1}], Hutchinson [{h0}, {h1}]");
    }

    /// <summary>G24 null model: the Hutchinson curve unrelated to the projected one, i.e. its values permuted across the
    /// α grid; one fixed permutation must fail the verdict.</summary>
    [Test]
    [Claim("G24")]
    [Category(Categories.Slow)]
    [Category(Categories.NegativeControl)]
    public void HutchinsonCurvePermutedAcrossAlphaDoesNotMatchTheProjectedOne()
    {
        var (proj, hut) = G24Run.Value;
        var permuted = NullModel.Permuted(hut, new Random(G24NullDraw));
        TestContext.Out.WriteLine($"projected {string.Join(" ", proj.Select(F))}\nHutchinson permuted (draw {G24NullDraw}) {string.Join(" ", permuted.Select(F))}; Pearson {F(Statistics.Pearson(proj, permuted))}");
        ClaimAssert.That("G24", !G24Passes(proj, permuted), $"negative control: a permuted Hutchinson curve still passes the G24 checks (Pearson {F(Statistics.Pearson(proj, permuted))})");
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
        ClaimAssert.That("G26", w.DominanceError <= 0.1, $"at α = {F(w.Alpha)} ‖G − G^μ₀/N‖_F/‖G‖_F = {w.DominanceError:G3} > 0.1");
        ClaimAssert.That("G26", w.InputAlignment >= 0.9, $"at α = {F(w.Alpha)} |cos(x_μ₀, top first-layer eigenvector averaged over hidden units)| = {w.InputAlignment:G3} < 0.9");
        ClaimAssert.That("G26", r.First().GTermPC > 1.5, $"at α = 1 PC(G) = {r.First().GTermPC:G4}: no excess to lose");
    }
}
