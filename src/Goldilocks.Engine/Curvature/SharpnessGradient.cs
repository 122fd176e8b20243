using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// ∇S(θ) for the sharpness S = λ₁(H(θ)) with a simple top eigenvalue: by Danskin / Hellmann–Feynman,
/// ∇S = ∇_θ (v₁ᵀ H(θ) v₁) with v₁ held fixed, i.e. the third-derivative contraction ∇³L[v₁, v₁] (triple backward).
/// The progressive-sharpening factor of Damian et al. (2023), used by Wang &amp; Roberts App. G, is −∇L·∇S.
/// </summary>
public static class SharpnessGradient
{
    /// <summary>∇S(θ) = ∇³L[v₁, v₁] for the unit top Hessian eigenvector <paramref name="topEigenvector"/> v₁ [P] at <paramref name="theta"/>.</summary>
    public static Tensor Compute(Objective objective, Tensor theta, Tensor topEigenvector)
    {
        ArgumentNullException.ThrowIfNull(objective);
        objective.ValidateParameters(theta);
        Guard.Shape(topEigenvector, nameof(topEigenvector), objective.Model.ParameterCount);
        Guard.SameDTypeAndDevice(topEigenvector, theta.dtype, theta.device, nameof(topEigenvector));
        using var scope = torch.NewDisposeScope();
        var v = topEigenvector / topEigenvector.norm();
        var binding = objective.Model.Bind(theta.detach()); // Bind makes the autograd leaf
        var total = torch.zeros_like(theta);
        foreach (var (s, n) in objective.Batches())
        {
            using var inner = torch.NewDisposeScope();
            var (x, y) = objective.Batch(s, n);
            var loss = objective.Loss.Sum(binding.Forward(x), y);
            var g = binding.Grad(loss, createGraph: true);
            var hv = binding.Grad(g, v, createGraph: true);
            total.add_(binding.Grad(hv.dot(v)));
        }
        return total.div_(objective.Count).MoveToOuterDisposeScope();
    }

    /// <summary>−∇L·∇S (positive: the gradient step increases sharpness).</summary>
    public static double ProgressiveSharpeningFactor(Objective objective, Tensor theta, Tensor topEigenvector)
    {
        using var scope = torch.NewDisposeScope();
        var (_, grad) = objective.ValueAndGradient(theta);
        return -grad.dot(Compute(objective, theta, topEigenvector)).ToDouble();
    }
}
