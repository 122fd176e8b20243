namespace Goldilocks.Tests.Oracles;

/// <summary>
/// The dense-Hessian oracle of the tests: row i of ∇²f(x) is ∂(∂f/∂x_i)/∂x, from one plain first-order graph of f
/// (no batching, no shared linearisation, no cotangent tricks), so it shares no code path with the library's curvature
/// operators or <see cref="DenseMaterializer"/>.
/// </summary>
public static class AutogradHessian
{
    /// <summary>Rows <paramref name="indices"/> (all rows when null) of ∇²f at <paramref name="x"/>. A gradient entry that
    /// does not depend on x (e.g. a logit linear in θ) gives a structurally zero row.</summary>
    public static Tensor Rows(Func<Tensor, Tensor> f, Tensor x, IReadOnlyList<long>? indices = null) => WithGradient(f, x, indices).Hessian;

    /// <summary>∇f and the rows <paramref name="indices"/> (all when null) of ∇²f at <paramref name="x"/>.</summary>
    public static (Tensor Gradient, Tensor Hessian) WithGradient(Func<Tensor, Tensor> f, Tensor x, IReadOnlyList<long>? indices = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        using var scope = torch.NewDisposeScope();
        var leaf = x.detach().clone().requires_grad_(true);
        var g = SafeAutograd.Grad(f(leaf), leaf, createGraph: true);
        var rows = indices ?? Enumerable.Range(0, (int)g.shape[0]).Select(i => (long)i).ToArray();
        var hessian = !g.requires_grad
            ? torch.zeros(rows.Count, g.shape[0], dtype: g.dtype, device: g.device)
            : torch.stack(rows.Select(i =>
            {
                using var inner = torch.NewDisposeScope();
                var entry = g[i];
                return (entry.requires_grad ? SafeAutograd.Grad(entry, leaf) : torch.zeros_like(leaf).detach()).MoveToOuterDisposeScope();
            }).ToList(), 0);
        return (g.detach().MoveToOuterDisposeScope(), hessian.MoveToOuterDisposeScope());
    }

    /// <summary>Rows (all when null) of the Hessian of the full-dataset mean loss (1/N) Σ_μ ℓ(f(x_μ; θ), y_μ).</summary>
    public static Tensor OfLoss(Objective objective, Tensor theta, IReadOnlyList<long>? indices = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Rows(leaf => objective.Loss.Sum(objective.Model.Forward(leaf, objective.Data.Inputs), objective.Data.Targets) / objective.Count, theta, indices);
    }
}
