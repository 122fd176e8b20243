namespace Goldilocks.Losses;

/// <summary>
/// A per-sample loss ℓ(z, y) of the logits z ∈ R^K. Besides its value it exposes the two logit-space pieces of
/// the Gauss-Newton split (paper 000 Eq. 4): the residual r = ∂ℓ/∂z and the logit Hessian M = ∂²ℓ/∂z².
/// </summary>
public interface ILoss
{
    /// <summary>Display name, e.g. "cross-entropy(T=1)".</summary>
    string Name { get; }

    /// <summary>Σ_μ ℓ(z_μ, y_μ) over the rows of <paramref name="logits"/> (a sum, so batches add up exactly).</summary>
    Tensor Sum(Tensor logits, Tensor targets);

    /// <summary>Per-sample ℓ(z_μ, y_μ), shape [N].</summary>
    Tensor PerSample(Tensor logits, Tensor targets);

    /// <summary>r_μ = ∂ℓ/∂z_μ, shape [N, K], detached.</summary>
    Tensor Residual(Tensor logits, Tensor targets);

    /// <summary>M_μ u_μ with M_μ = ∂²ℓ/∂z_μ², shape [N, K], M detached.</summary>
    Tensor LogitHessianProduct(Tensor logits, Tensor u);
}
