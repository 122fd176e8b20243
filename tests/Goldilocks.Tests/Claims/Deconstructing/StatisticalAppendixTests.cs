using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G24 (App. F), G26 (App. D) and G27 (Sec. 5, laptop analogue). Margins: the specs (StatisticalCalibration, seeds 0-19).</summary>
[TestFixture]
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
    [Category(Categories.Statistical)]
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
    [Category(Categories.Statistical)]
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
    [Category(Categories.Statistical)]
    [Claim("G26")]
    [Category(Categories.Slow)]
    public void LeastConfidentSampleDominatesBeforeCollapse()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var r = PreCollapse.RunToWindow((Mlp)problem.Model, problem.Data, Statistics.LogGrid(1, 100, 13), SeedOffset.Apply(0L));
        foreach (var p in r) TestContext.Out.WriteLine($"α {F(p.Alpha)}: PC(G₁) {p.GTermPC?.ToString("G4") ?? "-"} μ₀ {p.LeastConfident} dominance error {p.DominanceError?.ToString("G3") ?? "-"} |cos(x_μ₀, v₁)| {p.InputAlignment?.ToString("G3") ?? "-"} collapsed {F(p.CollapsedFraction)}");
        ClaimAssert.Holds(DeconstructingVerdicts.G26(r));
    }

    /// <summary>G26 null model: the test's statistics at α = 1, the scan's first point, where PC(G₁) is 4-7 and no sample
    /// dominates (the claim places the dominance in the pre-collapse window only): the least confident sample μ₀ of θ₀,
    /// its share of G₁ and its input's alignment with G₁'s top eigenvector. One α, N·K backward passes.</summary>
    internal static PreCollapsePoint G26NullPoint(long seed)
    {
        using var problem = Synthetic(seed: seed);
        return PreCollapse.Measure((Mlp)problem.Model, problem.Data, new PreCollapseCell(seed, 1));
    }

    /// <summary>Both G26 margins of the window point (<see cref="DeconstructingVerdicts.G26"/>) hold at <paramref name="p"/>.</summary>
    internal static bool G26MarginsHold(PreCollapsePoint p) =>
        p.DominanceError <= G26Constants.MaxDominanceError && p.InputAlignment >= G26Constants.MinInputAlignment;

    [Test]
    [Category(Categories.Statistical)]
    [Claim("G26")]
    [Category(Categories.NegativeControl)]
    public void Far_from_collapse_the_least_confident_sample_does_not_dominate()
    {
        var p = G26NullPoint(SeedOffset.Apply(0L));
        string at = $"α = {F(p.Alpha)}: PC(G₁) {p.GTermPC:G4}, μ₀ {p.LeastConfident}, ‖G₁ − G₁^μ₀/N‖_F/‖G₁‖_F = {p.DominanceError:G4} (margin ≤ {G26Constants.MaxDominanceError}), |cos(x_μ₀, v₁)| = {p.InputAlignment:G4} (margin ≥ {G26Constants.MinInputAlignment})";
        TestContext.Out.WriteLine(at);
        ClaimAssert.That("G26", !G26MarginsHold(p), $"negative control far from collapse: the window margins hold at {at}, so they do not separate pre-collapse dominance from no dominance");
    }

    /// <summary>
    /// G26's two ways to the first-layer G-term block G₁ = AᵀA (A = [M_μ^{1/2} J₁,μ/√N]_μ): the P₁×P₁ matrix with its per-sample
    /// parts, and the N·K×N·K Gram matrix AAᵀ (same non-zero spectrum; μ₀'s share from the Gram matrix without μ₀'s rows and
    /// columns; top eigenvector Aᵀu). Both are run on the same θ: an exact identity, up to round-off.
    /// </summary>
    [Test]
    [Claim("G26")]
    public void Gram_matrix_and_explicit_first_layer_block_give_the_same_pre_collapse_statistics()
    {
        using var data = SyntheticClusters.Generate(30, 16, 10, 5);
        var model = new Mlp(16, new[] { 32, 16 }, 10, Activation.ReLU, bias: false);
        using var scope = torch.NewDisposeScope();
        var theta0 = SeedRule.InitialParameters(model, 5);
        foreach (double alpha in new[] { 1.0, 2.0, 3.0, 4.5, 7.0 })
        {
            var direct = PreCollapse.At(model, data, theta0 * alpha, alpha, gram: false);
            var gram = PreCollapse.At(model, data, theta0 * alpha, alpha, gram: true);
            string at = $"α = {alpha}: explicit PC {direct.GTermPC:R}, dominance {direct.DominanceError:R}, alignment {direct.InputAlignment:R}; " +
                        $"Gram PC {gram.GTermPC:R}, dominance {gram.DominanceError:R}, alignment {gram.InputAlignment:R}";
            ClaimAssert.That("G26", direct.GTermPC is { } p && gram.GTermPC is { } q && Math.Abs(p - q) <= G26Constants.GramPcRtol * p, $"PC(G₁) differs by more than {G26Constants.GramPcRtol} relative: {at}");
            ClaimAssert.That("G26", direct.LeastConfident == gram.LeastConfident, $"μ₀ differs: {at}");
            // A share in [0, 1] of ‖G₁‖_F: the explicit path subtracts μ₀'s part from G₁, so its error is ε‖G₁‖, absolute.
            ClaimAssert.That("G26", Math.Abs(direct.DominanceError!.Value - gram.DominanceError!.Value) <= G26Constants.GramDominanceTolerance, $"‖G₁ − G₁^μ₀/N‖_F/‖G₁‖_F differs by more than {G26Constants.GramDominanceTolerance}: {at}");
            ClaimAssert.That("G26", Math.Abs(direct.InputAlignment!.Value - gram.InputAlignment!.Value) <= G26Constants.GramAlignmentTolerance, $"|cos(x_μ₀, v₁)| differs by more than {G26Constants.GramAlignmentTolerance}: {at}");
        }
    }
}
