using Goldilocks.Curvature;
using Goldilocks.Runtime;
using Goldilocks.Spectral;

namespace Goldilocks.Benchmarks;

/// <summary>
/// The timed operations, each returning a scalar (so nothing is optimised away) and freeing what it allocates.
/// "Fresh" = a plain double backward from scratch (forward, first-order graph, product), the budget's definition of
/// one product; "shared" = one product on an existing linearisation, which is how Lanczos, Hutchinson and the
/// projections use them.
/// </summary>
internal static class Operations
{
    public const int ProjectionDimension = 50;
    public const int HutchinsonProbes = 100;
    public const double LanczosTolerance = 1e-6;

    public static double LossAndGradient(Workload w)
    {
        using var scope = torch.NewDisposeScope();
        var (loss, grad) = w.Objective.ValueAndGradient(w.Theta);
        return loss + grad[0].ToDouble();
    }

    /// <summary>The reference the HVP budget is stated against (BENCHMARKS.md: "a plain TorchSharp double backward"): the
    /// same model, torch's own cross_entropy, no library layer (no Objective, LinearizationPoint or operator).</summary>
    public static double PlainDoubleBackward(Workload w)
    {
        using var scope = torch.NewDisposeScope();
        var theta = w.Theta.detach().requires_grad_();
        var g = SafeAutograd.Grad(PlainLoss(w, theta), theta, createGraph: true);
        return SafeAutograd.Grad(g.dot(w.Vector), theta)[0].ToDouble();
    }

    /// <summary>Loss and gradient the same plain way, the denominator of the plain ratio.</summary>
    public static double PlainLossAndGradient(Workload w)
    {
        using var scope = torch.NewDisposeScope();
        var theta = w.Theta.detach().requires_grad_();
        var loss = PlainLoss(w, theta);
        return loss.ToDouble() + SafeAutograd.Grad(loss, theta)[0].ToDouble();
    }

    private static Tensor PlainLoss(Workload w, Tensor theta) =>
        torch.nn.functional.cross_entropy(w.Model.Forward(theta, w.Data.Inputs), w.Data.Targets);

    public static double Fresh(Workload w, Func<LinearizationPoint, ICurvatureOperator> op)
    {
        using var point = w.Linearize();
        return Shared(op(point), w.Vector);
    }

    public static double Shared(ICurvatureOperator op, Tensor v)
    {
        using var scope = torch.NewDisposeScope();
        return op.Apply(v)[0].ToDouble();
    }

    /// <summary>J v over all batches (n×K logit directions).</summary>
    public static double JacobianVector(LinearizationPoint point, Tensor v)
    {
        using var scope = torch.NewDisposeScope();
        double s = 0;
        foreach (var b in point.Graphs()) s += LinearizationPoint.JacobianProduct(b, v)[0, 0].ToDouble();
        return s;
    }

    /// <summary>H v and J v from one backward pass per batch (what the projection does per column).</summary>
    public static double HessianAndJacobian(LinearizationPoint point, Tensor v)
    {
        using var scope = torch.NewDisposeScope();
        double s = 0;
        foreach (var b in point.Graphs())
        {
            var (hv, jv) = point.HessianAndJacobianProduct(b, v);
            s += hv[0].ToDouble() + jv[0, 0].ToDouble();
        }
        return s;
    }

    /// <summary>The three projected d×d matrices from scratch (fresh linearisation included).</summary>
    public static double Projection(Workload w, Tensor basis)
    {
        using var point = w.Linearize();
        using var m = ProjectedCurvature.Compute(point, basis);
        return m.Hessian[0, 0].ToDouble();
    }

    public static EigenResult Lanczos(LinearizationPoint point, int k = 1) =>
        Spectral.Lanczos.Run(new HessianOperator(point), k, tolerance: LanczosTolerance, seed: 3);

    public static double Hutchinson(LinearizationPoint point) =>
        Spectral.Hutchinson.Estimate(new HessianOperator(point), HutchinsonProbes, seed: 5).Trace.Value;

    public static double DenseHessian(Workload small)
    {
        using var point = small.Linearize();
        using var h = DenseMaterializer.Materialize(new HessianOperator(point));
        return h[0, 0].ToDouble();
    }

    /// <summary>The first layer's matmul X Wᵀ, [N, 784] × [784, 300]: the machine's ceiling for these shapes.</summary>
    public static double FirstLayerMatmul(Tensor x, Tensor w)
    {
        using var scope = torch.NewDisposeScope();
        return x.matmul(w.t())[0, 0].ToDouble();
    }
}
