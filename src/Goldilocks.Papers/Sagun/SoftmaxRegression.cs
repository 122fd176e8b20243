
namespace Goldilocks.Papers.Sagun;

/// <summary>
/// Closed forms for linear models (Sagun et al. Sec. 2, App. B). Parameters are the row-major weight W [K, D] of
/// a bias-free linear layer z = Wx (the layout of <see cref="Models.Mlp"/> with no hidden layers).
/// </summary>
public static class SoftmaxRegression
{
    /// <summary>
    /// Hessian of the mean cross-entropy at temperature T: (1/N) Σ_μ [diag(p_μ) - p_μp_μᵀ]/T² ⊗ x_μx_μᵀ with
    /// p = softmax(Wx/T). It is all Gauss-Newton term: z is linear in W, so the H-term vanishes.
    /// </summary>
    public static Tensor CrossEntropyHessian(Tensor inputs, Tensor probabilities, double temperature = 1.0)
    {
        Guard.PositiveFinite(temperature, nameof(temperature));
        if (inputs.dim() != 2 || probabilities.dim() != 2 || inputs.shape[0] != probabilities.shape[0])
            throw new ArgumentException($"inputs [N, D] and probabilities [N, K] must agree in N, got [{string.Join(", ", inputs.shape)}] and [{string.Join(", ", probabilities.shape)}]");
        using var scope = torch.NewDisposeScope();
        long n = inputs.shape[0], d = inputs.shape[1], k = probabilities.shape[1];
        var a = SoftmaxCovariance.Batched(probabilities);   // [N, K, K]
        var xx = inputs.unsqueeze(2) * inputs.unsqueeze(1);                                                  // [N, D, D]
        // (A ⊗ B)[(k,j),(l,i)] = A[k,l] B[j,i]
        var h = torch.einsum("nkl,nji->kjli", a, xx).reshape(k * d, k * d) / (n * temperature * temperature);
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>Hessian of the mean squared error ½‖Wx - y‖² averaged over samples: I_K ⊗ XᵀX/N (exact, any W).</summary>
    public static Tensor LeastSquaresHessian(Tensor inputs, int outputs)
    {
        if (inputs.dim() != 2) throw new ArgumentException("inputs must be [N, D]", nameof(inputs));
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "outputs must be ≥ 1");
        using var scope = torch.NewDisposeScope();
        var gram = inputs.t().matmul(inputs) / inputs.shape[0];
        return torch.kron(torch.eye(outputs, dtype: inputs.dtype, device: inputs.device), gram).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Upper bound on rank G = rank (1/N) Σ_μ J_μᵀ M_μ J_μ (Sagun et al. Sec. 2, footnote 2): Σ rank M_μ = N(K-1)
    /// for softmax cross-entropy (M = diag p - ppᵀ annihilates the all-ones vector), N·K for squared error.
    /// </summary>
    public static long GaussNewtonRankBound(long samples, int classes, bool crossEntropy) =>
        samples * (crossEntropy ? classes - 1 : classes);
}
