
namespace Goldilocks.Papers.FortScherlis;

/// <summary>Which random low-dimensional surface through the origin point P the coordinates w live on.</summary>
public enum SurfaceKind
{
    /// <summary>θ = P + Mw (Fort &amp; Scherlis Sec. 2.1; Li et al.'s intrinsic-dimension planes).</summary>
    Hyperplane,

    /// <summary>θ = ‖P‖ (P + Mw)/‖P + Mw‖: the hyperplane projected radially onto the sphere of radius ‖P‖ (Fig. 2b).</summary>
    Hypersphere,
}

/// <summary>Result of training on a surface: loss per step, final coordinates and parameters (caller owns them).</summary>
/// <param name="Losses">Loss per step.</param>
/// <param name="Coordinates">Final coordinates w [d].</param>
/// <param name="FinalParameters">θ(w) at the final coordinates.</param>
/// <param name="Diverged">True when the loss stopped being finite.</param>
public sealed record SubspaceTrainingResult(IReadOnlyList<double> Losses, Tensor Coordinates, Tensor FinalParameters, bool Diverged);

/// <summary>
/// A random d-dimensional surface through a point P of parameter space (Fort &amp; Scherlis Sec. 2.1, Fig. 2): the
/// origin P and the frozen basis M [D, d] are fixed, only the coordinates w (starting at 0) are trained.
/// </summary>
public sealed class RandomSurface
{
    /// <summary>A surface of <paramref name="kind"/> through <paramref name="origin"/> P spanned by <paramref name="basis"/> M [P, d] (checked by <see cref="SubspaceBasis.Validate"/>); both are copied.</summary>
    public RandomSurface(Objective objective, Tensor origin, Tensor basis, SurfaceKind kind = SurfaceKind.Hyperplane)
    {
        Objective = objective ?? throw new ArgumentNullException(nameof(objective));
        objective.ValidateParameters(origin, nameof(origin));
        SubspaceBasis.Validate(basis, objective.Model.ParameterCount, origin.dtype, origin.device, nameof(basis));
        Radius = origin.norm().ToDouble();
        if (kind == SurfaceKind.Hypersphere && !(Radius > 0)) throw new ArgumentException("a hypersphere needs an origin P ≠ 0", nameof(origin));
        Origin = origin.detach().clone().DetachFromDisposeScope();
        Basis = basis.detach().clone().DetachFromDisposeScope();
        Kind = kind;
    }

    /// <summary>The objective trained on the surface.</summary>
    public Objective Objective { get; }
    /// <summary>The origin P (a copy owned by the surface).</summary>
    public Tensor Origin { get; }
    /// <summary>The frozen basis M [D, d] (a copy owned by the surface).</summary>
    public Tensor Basis { get; }
    /// <summary>Hyperplane or hypersphere.</summary>
    public SurfaceKind Kind { get; }

    /// <summary>‖P‖, the radius of the hypersphere.</summary>
    public double Radius { get; }

    /// <summary>d, the number of trained coordinates.</summary>
    public int Dimension => (int)Basis.shape[1];

    /// <summary>θ(w), differentiable in w.</summary>
    public Tensor Parameters(Tensor w)
    {
        Guard.Shape(w, nameof(w), Dimension);
        var x = Origin + Basis.matmul(w);
        return Kind == SurfaceKind.Hyperplane ? x : x * (Radius / torch.linalg.vector_norm(x));
    }

    /// <summary>L(θ(w)) and its gradient in w by the chain rule: Mᵀ∇L (plane), Mᵀ (r/‖x‖)(I - x̂x̂ᵀ)∇L (sphere).</summary>
    public (double Loss, Tensor Gradient) ValueAndGradient(Tensor w)
    {
        using var scope = torch.NewDisposeScope();
        var theta = Parameters(w.detach());
        var (loss, g) = Objective.ValueAndGradient(theta);
        if (Kind == SurfaceKind.Hypersphere)
        {
            var x = Origin + Basis.matmul(w.detach());
            var norm = torch.linalg.vector_norm(x);
            var xhat = x / norm;
            g = (g - xhat * xhat.dot(g)) * (Radius / norm);
        }
        return (loss, Basis.t().matmul(g).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The d×d Hessian of w ↦ L(θ(w)) by autograd through θ(w) (no chain rule): the oracle for MᵀHM (plane, Sec. 2.1).
    /// </summary>
    public Tensor Hessian(Tensor w)
    {
        using var scope = torch.NewDisposeScope();
        var leaf = w.detach().clone().requires_grad_(true);
        var theta = Parameters(leaf);
        Tensor? loss = null;
        foreach (var (s, n) in Objective.Batches())
        {
            var (x, y) = Objective.Batch(s, n);
            var part = Objective.Loss.Sum(Objective.Model.Forward(theta, x), y);
            loss = loss is null ? part : loss + part;
        }
        loss = loss! / Objective.Count;
        var g = SafeAutograd.Grad(loss, leaf, createGraph: true);
        var rows = new List<Tensor>();
        for (int i = 0; i < Dimension; i++) rows.Add(SafeAutograd.Grad(g[i], leaf));
        return torch.stack(rows, 0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Full-batch training of w from w = 0: gradient descent w ← w - η ∂L/∂w, or Adam (β = 0.9, 0.999, ε = 1e-8; the
    /// optimizer Fort &amp; Scherlis used, Sec. 3) when <paramref name="adam"/>. Stops (Diverged) on a non-finite loss.
    /// </summary>
    public SubspaceTrainingResult Train(double learningRate, int steps, bool adam = false)
    {
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        var w = torch.zeros(Dimension, dtype: Origin.dtype, device: Origin.device).DetachFromDisposeScope();
        var m = torch.zeros_like(w).DetachFromDisposeScope();
        var v = torch.zeros_like(w).DetachFromDisposeScope();
        var losses = new List<double>();
        bool diverged = false;
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (loss, g) = ValueAndGradient(w);
            if (!double.IsFinite(loss)) { diverged = true; break; }
            losses.Add(loss);
            if (!adam) { w.sub_(g * learningRate); continue; }
            m.mul_(0.9).add_(g * 0.1);
            v.mul_(0.999).add_(g * g * 0.001);
            var mHat = m / (1 - Math.Pow(0.9, step + 1));
            var vHat = v / (1 - Math.Pow(0.999, step + 1));
            w.sub_(mHat / (vHat.sqrt() + 1e-8) * learningRate);
        }
        m.Dispose();
        v.Dispose();
        using var final = torch.NewDisposeScope();
        var theta = Parameters(w).detach().MoveToOuterDisposeScope();
        return new SubspaceTrainingResult(losses, w, theta.DetachFromDisposeScope(), diverged);
    }
}
