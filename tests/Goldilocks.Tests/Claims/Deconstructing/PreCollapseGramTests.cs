namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G26's two ways to the first-layer G-term block G₁ = AᵀA (A = [M_μ^{1/2} J₁,μ/√N]_μ): the P₁×P₁ matrix with its per-sample
/// parts, and the N·K×N·K Gram matrix AAᵀ (same non-zero spectrum; μ₀'s share from the Gram matrix without μ₀'s rows and
/// columns; top eigenvector Aᵀu). Both are run on the same θ: an exact identity, up to round-off.
/// </summary>
[TestFixture]
public sealed class PreCollapseGramTests
{
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
