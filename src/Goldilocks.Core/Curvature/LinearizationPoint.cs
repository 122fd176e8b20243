using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// The objective linearised at θ: for each mini-batch one forward pass and the first-order graphs every curvature
/// product needs, built once and shared by the Hessian, G-term and H-term operators (one forward pass serves all
/// products). Owns native memory: dispose it (or the operators' owner) when done.
/// </summary>
public sealed class LinearizationPoint : IDisposable
{
    private readonly List<BatchGraph> _batches = new();
    private readonly DisposeScopeHolder _holder = new();
    private bool _disposed;

    public LinearizationPoint(Objective objective, Tensor theta)
    {
        Objective = objective ?? throw new ArgumentNullException(nameof(objective));
        objective.ValidateParameters(theta);
        Theta = theta.detach().clone().requires_grad_(true).DetachFromDisposeScope();
        _holder.Track(Theta);
    }

    public Objective Objective { get; }

    /// <summary>θ as an autograd leaf (do not modify).</summary>
    public Tensor Theta { get; }

    public long Size => Objective.Model.ParameterCount;

    public ScalarType DType => NotDisposed().dtype;

    public Device Device => NotDisposed().device;

    private Tensor NotDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Theta;
    }

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

    /// <summary>The per-batch graphs, built on first use.</summary>
    public IReadOnlyList<BatchGraph> Graphs()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_batches.Count == 0)
        {
            foreach (var (s, n) in Objective.Batches())
            {
                using var scope = torch.NewDisposeScope();
                var (x, y) = Objective.Batch(s, n);
                var logits = Objective.Model.Forward(Theta, x);
                var lossSum = Objective.Loss.Sum(logits, y);
                var gradient = SafeAutograd.Grad(lossSum, Theta, createGraph: true);
                var residual = Objective.Loss.Residual(logits, y);
                var dummy = torch.zeros_like(logits).requires_grad_(true);
                var jtDummy = SafeAutograd.Grad(logits, Theta, dummy, createGraph: true);
                var jtResidual = SafeAutograd.Grad(logits, Theta, residual, createGraph: true);
                var graph = new BatchGraph(logits, lossSum, gradient, residual, dummy, jtDummy, jtResidual);
                foreach (var t in graph.Tensors()) { t.DetachFromDisposeScope(); _holder.Track(t); }
                _batches.Add(graph);
            }
        }
        return _batches;
    }

    /// <summary>J_b v ∈ R^{n×K}: the batch's logit Jacobian times v ∈ R^P, by the double-backward trick.</summary>
    public static Tensor JacobianProduct(BatchGraph batch, Tensor v) => SafeAutograd.Grad(batch.JacobianTransposeDummy, batch.Dummy, v);

    /// <summary>J_bᵀ u ∈ R^P for a logit-space cotangent u [n, K].</summary>
    public Tensor JacobianTransposeProduct(BatchGraph batch, Tensor u) => SafeAutograd.Grad(batch.Logits, Theta, u);

    /// <summary>∂(g · v)/∂θ for a first-order graph g(θ) built with create_graph: the second-order product.</summary>
    public Tensor SecondOrderProduct(Tensor firstOrder, Tensor v) => SafeAutograd.Grad(firstOrder, Theta, v);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _holder.Dispose();
        _batches.Clear();
    }

    /// <summary>One batch's graph: logits z, Σℓ, its gradient, r = ∂ℓ/∂z (detached), a dummy cotangent w with
    /// Jᵀw (for J v by double backward) and Jᵀr with r held constant (for the H-term).</summary>
    public sealed record BatchGraph(Tensor Logits, Tensor LossSum, Tensor Gradient, Tensor Residual,
        Tensor Dummy, Tensor JacobianTransposeDummy, Tensor JacobianTransposeResidual)
    {
        public IEnumerable<Tensor> Tensors() => new[] { Logits, LossSum, Gradient, Residual, Dummy, JacobianTransposeDummy, JacobianTransposeResidual };
    }

    private sealed class DisposeScopeHolder : IDisposable
    {
        private readonly List<Tensor> _tensors = new();
        public void Track(Tensor t) => _tensors.Add(t);
        public void Dispose()
        {
            foreach (var t in _tensors) t.Dispose();
            _tensors.Clear();
        }
    }
}
