
namespace Goldilocks.Tests.Oracles;

/// <summary>
/// Dense, explicit forms of the Gauss-Newton split of paper 000 (Eq. 4-5) for tiny networks, built from the logit
/// Jacobian and the Hessian of a frozen-coefficient logit sum. Shares no code with the curvature operators (which
/// use double-backward products), so it serves as their oracle.
/// </summary>
public static class ExplicitGaussNewton
{
    /// <summary>Logit Jacobian J [N, K, P] at θ, one reverse pass per logit.</summary>
    public static Tensor Jacobian(FlatModel model, Tensor theta, Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        var leaf = theta.detach().clone().requires_grad_(true);
        var z = model.Forward(leaf, inputs);
        long n = z.shape[0], k = z.shape[1];
        var rows = new List<Tensor>();
        for (long mu = 0; mu < n; mu++)
            for (long c = 0; c < k; c++)
            {
                var e = torch.zeros_like(z);
                e[mu, c] = 1.0;
                rows.Add(SafeAutograd.Grad(z, leaf, e));
            }
        return torch.stack(rows, 0).view(n, k, -1).MoveToOuterDisposeScope();
    }

    /// <summary>Unit-temperature G-term G(p) = (1/N) Σ_μ J_μᵀ[diag(p_μ) − p_μ p_μᵀ]J_μ (Eq. 4), p [N, K].</summary>
    public static Tensor GTerm(Tensor jacobian, Tensor probabilities)
    {
        using var scope = torch.NewDisposeScope();
        var g = torch.einsum("nkp,nkc,ncq->pq", jacobian, SoftmaxHessian(probabilities), jacobian) / jacobian.shape[0];
        return g.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// diag(p_μ) − p_μp_μᵀ for rows p [N, K], its own way: the diagonal p_k(1 − p_k) takes 1 − p_k as the sum of the
    /// classes before k plus those after k (exclusive prefix and suffix sums of non-negative terms, no cancellation
    /// when p_k rounds to 1).
    /// </summary>
    private static Tensor SoftmaxHessian(Tensor p)
    {
        using var scope = torch.NewDisposeScope();
        var zero = torch.zeros(p.shape[0], 1, dtype: p.dtype, device: p.device);
        var before = torch.cat(new[] { zero, p.cumsum(1).narrow(1, 0, p.shape[1] - 1) }, 1);
        var after = torch.cat(new[] { p.flip(1).cumsum(1).narrow(1, 0, p.shape[1] - 1).flip(1), zero }, 1);
        var outer = torch.einsum("nk,nc->nkc", p, p);
        var m = outer.neg();
        m.diagonal(0, 1, 2).copy_(p * (before + after));
        return m.MoveToOuterDisposeScope();
    }

    /// <summary>H(c) = (1/N) Σ_μ Σ_k c_μk ∇²z_μk (Eq. 4 with c = p − OH(y)): the Hessian, row by row, of θ ↦
    /// (1/N) Σ c_μk z_μk(θ) with c frozen.</summary>
    public static Tensor HTerm(FlatModel model, Tensor theta, Tensor inputs, Tensor coefficients)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = coefficients.detach();
        return AutogradHessian.Rows(leaf => { var z = model.Forward(leaf, inputs); return (z * c).sum() / z.shape[0]; }, theta);
    }

    /// <summary>
    /// Eq. 5 evaluated from unscaled quantities: the G-term and H-term of the α-scaled model f(αθ) at temperature T,
    /// G' = α^{2L−2}/T² · G(p') and H' = α^{L−2}/T · H(p' − OH(y)), with p' = σ(α^L z(θ)/T) and J, ∇²z taken at θ.
    /// </summary>
    public static (Tensor GTerm, Tensor HTerm) ScaledPrediction(FlatModel model, Dataset data, Tensor theta, double alpha, double temperature, int degree)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.PositiveFinite(alpha, nameof(alpha));
        Guard.PositiveFinite(temperature, nameof(temperature));
        if (degree < 1) throw new ArgumentOutOfRangeException(nameof(degree), degree, "homogeneity degree L must be ≥ 1");
        using var scope = torch.NewDisposeScope();
        var z = model.Forward(theta.detach(), data.Inputs).detach();
        var pScaled = torch.softmax(z * Math.Pow(alpha, degree) / temperature, 1);
        var onehot = torch.nn.functional.one_hot(data.Targets, data.Classes).to(pScaled.dtype);
        var g = GTerm(Jacobian(model, theta, data.Inputs), pScaled) * (Math.Pow(alpha, 2 * degree - 2) / (temperature * temperature));
        var h = HTerm(model, theta, data.Inputs, pScaled - onehot) * (Math.Pow(alpha, degree - 2) / temperature);
        return (g.MoveToOuterDisposeScope(), h.MoveToOuterDisposeScope());
    }

    /// <summary>Eq. 4 at temperature T: (G(p)/T², H(p − OH(y))/T) with p = σ(z/T). Degree-free (α = 1).</summary>
    public static (Tensor GTerm, Tensor HTerm) Decomposition(FlatModel model, Dataset data, Tensor theta, double temperature) =>
        ScaledPrediction(model, data, theta, 1.0, temperature, 1);
}
