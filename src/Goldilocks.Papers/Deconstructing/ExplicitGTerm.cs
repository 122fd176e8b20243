namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// The unit-temperature G-term of paper 000 Eq. 4, G = (1/N) Σ_μ A_μᵀ[diag(p_μ) − p_μp_μᵀ]A_μ, from explicit logit
/// Jacobians A_μ [K, d] (full, restricted to one layer, or projected onto a subspace). The matrix M(p_μ) is
/// <see cref="SoftmaxCovariance.Batched"/>, exact up to softmax collapse.
/// </summary>
public static class ExplicitGTerm
{
    /// <summary>The per-sample contributions A_μᵀ M(p_μ) A_μ / N, [N, d, d]; their sum over μ is G.</summary>
    public static Tensor Contributions(Tensor jacobians, Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(jacobians);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (jacobians.dim() != 3 || probabilities.dim() != 2 || jacobians.shape[0] != probabilities.shape[0] || jacobians.shape[1] != probabilities.shape[1])
            throw new ArgumentException($"Jacobians [N, K, d] and probabilities [N, K] must agree in N and K, got [{string.Join(", ", jacobians.shape)}] and [{string.Join(", ", probabilities.shape)}]");
        using var scope = torch.NewDisposeScope();
        var m = SoftmaxCovariance.Batched(probabilities);
        return (torch.einsum("nkd,nkl,nle->nde", jacobians, m, jacobians) / jacobians.shape[0]).MoveToOuterDisposeScope();
    }

    /// <summary>G = Σ_μ of <see cref="Contributions"/>, [d, d].</summary>
    public static Tensor Of(Tensor jacobians, Tensor probabilities)
    {
        using var scope = torch.NewDisposeScope();
        // sum(new long[] { 0 }), not sum(0): a literal 0 binds to the ScalarType overload (Byte).
        return Contributions(jacobians, probabilities).sum(new long[] { 0 }).MoveToOuterDisposeScope();
    }
}
