using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// One Hessian-vector product at a point with no linearisation yet (a training step, a one-off check). Reverse over
/// the R-operator: s(θ) = ∂L(θ + εv)/∂ε at ε = 0 = ∇L(θ)·v by a backward pass with respect to the scalar ε only
/// (<see cref="Models.FlatModel.ForwardAlong"/>), then H v = ∇_θ s(θ). Exact, like <see cref="HessianOperator"/>;
/// cheaper for a single product because the first backward pass never forms the gradient with respect to θ (on
/// LeNet-300-100 it skips the largest matrix product, ∂L/∂W₁; BENCHMARKS.md). For many products at one θ (Lanczos,
/// Hutchinson, projections) a <see cref="LinearizationPoint"/> shares the first-order graph and is cheaper per product.
/// </summary>
public static class FreshHessianProduct
{
    public static Tensor Compute(Objective objective, Tensor theta, Tensor v)
    {
        ArgumentNullException.ThrowIfNull(objective);
        objective.ValidateParameters(theta);
        ArgumentNullException.ThrowIfNull(v);
        objective.ValidateParameters(v, nameof(v));
        using var scope = torch.NewDisposeScope();
        var leaf = theta.detach().requires_grad_(true);
        var hv = torch.zeros_like(theta);
        foreach (var (start, length) in objective.Batches())
        {
            using var inner = torch.NewDisposeScope();
            var epsilon = torch.zeros(Array.Empty<long>(), dtype: theta.dtype, device: theta.device).requires_grad_(true);
            var (x, y) = objective.Batch(start, length);
            var lossSum = objective.Loss.Sum(objective.Model.ForwardAlong(leaf, v, epsilon, x), y);
            var directional = SafeAutograd.Grad(lossSum, epsilon, createGraph: true); // Σℓ's derivative along v
            // A directional derivative without θ-dependence has zero gradient (e.g. a loss linear in θ along v).
            if (directional.requires_grad) hv.add_(SafeAutograd.Grad(directional, leaf));
        }
        return Guard.FiniteResult(hv.div_(objective.Count), "the Hessian-vector product").MoveToOuterDisposeScope();
    }
}
