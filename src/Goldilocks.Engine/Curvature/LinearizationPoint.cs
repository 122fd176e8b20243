using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// The objective linearised at θ: for each mini-batch one forward pass and the first-order graphs every curvature
/// product needs, shared by the Hessian, G-term and H-term operators (one forward pass serves all products). Each
/// first-order graph is built on first use only (a Hessian-only user never pays for the Jacobian graphs; see
/// BENCHMARKS.md, "graph reuse"). Every derivative is taken through the model's <see cref="ParameterBinding"/>: with
/// respect to θ for a built-in flat model, with respect to the parameter tensors of a <see cref="ModuleModel"/>. A module
/// has one set of parameter tensors, so binding it elsewhere (another point, <see cref="Objective.Value"/> at another θ)
/// makes this point's graphs stale: the next product rebinds θ and rebuilds them. Owns native memory: dispose it (or
/// the operators' owner) when done.
/// </summary>
public sealed class LinearizationPoint : IDisposable
{
    private readonly List<BatchGraph> _batches = new();
    private readonly List<Tensor> _owned = new();
    private readonly Tensor _theta;
    private ParameterBinding _binding;
    private bool _disposed;

    /// <summary>Linearises <paramref name="objective"/> at a copy of <paramref name="theta"/> (validated against the model); graphs are built lazily.</summary>
    public LinearizationPoint(Objective objective, Tensor theta)
    {
        Objective = objective ?? throw new ArgumentNullException(nameof(objective));
        objective.ValidateParameters(theta);
        _theta = theta.detach().clone().requires_grad_(true).DetachFromDisposeScope();
        _binding = objective.Model.Bind(_theta);
    }

    /// <summary>The objective whose Hessian, G-term and H-term the point serves.</summary>
    public Objective Objective { get; }

    /// <summary>θ (do not modify): the autograd leaf of a built-in flat model; for a module, the values bound into its
    /// parameter tensors (<see cref="Binding"/> holds the leaves).</summary>
    public Tensor Theta
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _theta;
        }
    }

    /// <summary>θ bound to the model: the autograd leaves every product differentiates (current after
    /// <see cref="Graphs"/>).</summary>
    public ParameterBinding Binding
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _binding;
        }
    }

    /// <summary>P, the number of parameters.</summary>
    public long Size => Objective.Model.ParameterCount;

    /// <summary>dtype of θ and of every product.</summary>
    public ScalarType DType => Theta.dtype;

    /// <summary>Device of θ and of every product.</summary>
    public Device Device => Theta.device;

    /// <summary>Sum over batches of <paramref name="perBatch"/>, divided by N (the dataset mean).</summary>
    public Tensor MeanOverBatches(Func<BatchGraph, Tensor> perBatch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var scope = torch.NewDisposeScope();
        Tensor? total = null;
        foreach (var batch in Graphs())
        {
            var part = perBatch(batch);
            total = total is null ? part.detach().clone() : total.add_(part.detach());
        }
        return Guard.FiniteResult(total!.div_(Objective.Count), "the curvature product").MoveToOuterDisposeScope();
    }

    /// <summary>The per-batch graphs; the forward pass of each batch runs once, on first use, and again after the
    /// model was bound elsewhere (a module's parameters were overwritten: θ is bound again and the graphs rebuilt).</summary>
    public IReadOnlyList<BatchGraph> Graphs()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_binding.IsCurrent)
        {
            ReleaseGraphs();
            _binding = Objective.Model.Bind(_theta);
        }
        if (_batches.Count == 0)
        {
            foreach (var (s, n) in Objective.Batches())
            {
                using var scope = torch.NewDisposeScope();
                var (x, y) = Objective.Batch(s, n);
                var logits = Own(_binding.Forward(x));
                _batches.Add(new BatchGraph(this, _binding, logits, Own(y)));
            }
        }
        return _batches;
    }

    /// <summary>J_b v ∈ R^{n×K}: the batch's logit Jacobian times v ∈ R^P, by the double-backward trick.</summary>
    public static Tensor JacobianProduct(BatchGraph batch, Tensor v)
    {
        batch.Binding.EnsureCurrent();
        return SafeAutograd.Grad(batch.JacobianTransposeDummy, batch.Dummy, v);
    }

    /// <summary>J_bᵀ u ∈ R^P for a logit-space cotangent u [n, K].</summary>
    public Tensor JacobianTransposeProduct(BatchGraph batch, Tensor u) => batch.Binding.Grad(batch.Logits, u);

    /// <summary>(H_b v, J_b v) from ONE backward pass through the batch's first-order graph u = Jᵀ(r + w), with respect
    /// to θ and to the dummy w together: ∂(u·v)/∂θ = H_b v (the w-term Σ_k w_k ∇²z_k v vanishes at w = 0) and
    /// ∂(u·v)/∂w = J_b v. The Jacobian product is the one the Hessian product computes internally anyway (the path
    /// through r(z)), so it comes at almost no extra cost.</summary>
    public (Tensor HessianProduct, Tensor JacobianProduct) HessianAndJacobianProduct(BatchGraph batch, Tensor v)
    {
        var (hv, jv) = batch.Binding.Grad(batch.Gradient, batch.Dummy, v);
        return (hv, jv);
    }

    /// <summary>∂(g · v)/∂θ for a first-order graph g(θ) built with create_graph: the second-order product.
    /// A g with no gradient history does not depend on θ (e.g. Jᵀr of a linear model, whose ∇²z = 0): the product is
    /// exactly zero.</summary>
    public Tensor SecondOrderProduct(Tensor firstOrder, Tensor v) =>
        firstOrder.requires_grad ? Binding.Grad(firstOrder, v) : torch.zeros_like(Theta);

    /// <summary>Frees every graph and tensor the point owns; products after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        ReleaseGraphs();
        _theta.Dispose();
    }

    private void ReleaseGraphs()
    {
        foreach (var t in _owned) t.Dispose();
        _owned.Clear();
        _batches.Clear();
    }

    /// <summary>Keeps a tensor alive until <see cref="Dispose"/> (outside any dispose scope).</summary>
    private Tensor Own(Tensor t)
    {
        t.DetachFromDisposeScope();
        _owned.Add(t);
        return t;
    }

    /// <summary>Builds a first-order graph in its own dispose scope and keeps only the result.</summary>
    private Tensor BuildOwned(BatchGraph batch, Func<Tensor> build)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        batch.Binding.EnsureCurrent();
        using var scope = torch.NewDisposeScope();
        return Own(build());
    }

    /// <summary>One batch's graph: logits z (forward pass, eager), and, each built on first use: ONE first-order graph
    /// u = ∇_θ[Σℓ + Σ z⊙w] = Jᵀ(∂ℓ/∂z + w) for a zero dummy w (create_graph), which is both the gradient (u = ∇Σℓ at
    /// w = 0, so Hv = ∂(u·v)/∂θ) and Jᵀw (Jv = ∂(u·v)/∂w, the double-backward trick); r = ∂ℓ/∂z detached and Jᵀr
    /// with r held constant (for the H-term).</summary>
    public sealed class BatchGraph
    {
        private readonly LinearizationPoint _point;
        private readonly Tensor _targets;
        private Tensor? _lossSum, _gradient, _residual, _dummy, _jtResidual;

        internal BatchGraph(LinearizationPoint point, ParameterBinding binding, Tensor logits, Tensor targets)
        {
            _point = point;
            Binding = binding;
            Logits = logits;
            _targets = targets;
        }

        /// <summary>The binding the batch's forward pass used; every derivative of its graphs goes through it.</summary>
        public ParameterBinding Binding { get; }

        /// <summary>Logits z = f(θ, x) of the batch [n, K], from the eager forward pass.</summary>
        public Tensor Logits { get; }

        /// <summary>Σ_μ ℓ(z_μ, y_μ) over the batch, differentiable in θ.</summary>
        public Tensor LossSum => _lossSum ??= _point.BuildOwned(this, () => _point.Objective.Loss.Sum(Logits, _targets));

        /// <summary>u = Jᵀ(∂ℓ/∂z + w) with create_graph; its value is ∇_θ Σℓ (w = 0), so H v = ∂(u · v)/∂θ.</summary>
        public Tensor Gradient => _gradient ??= _point.BuildOwned(this, () =>
            Binding.Grad(LossSum + (Logits * Dummy).sum(), createGraph: true));

        /// <summary>r = ∂ℓ/∂z [n, K], detached.</summary>
        public Tensor Residual => _residual ??= _point.BuildOwned(this, () => _point.Objective.Loss.Residual(Logits, _targets));

        /// <summary>The zero dummy w [n, K] (requires grad) whose derivative of the gradient graph gives Jacobian products.</summary>
        public Tensor Dummy => _dummy ??= _point.BuildOwned(this, () => torch.zeros_like(Logits).requires_grad_(true));

        /// <summary>The same graph as <see cref="Gradient"/>: J v = ∂(u · v)/∂w, since ∂u/∂w = Jᵀ.</summary>
        public Tensor JacobianTransposeDummy => Gradient;

        /// <summary>Jᵀr with r held constant, built with create_graph: its θ-derivative is the H-term product.</summary>
        public Tensor JacobianTransposeResidual => _jtResidual ??= _point.BuildOwned(this, () => Binding.Grad(Logits, Residual, createGraph: true));
    }
}
