using Goldilocks.Runtime;

namespace Goldilocks.Models;

/// <summary>
/// Parameters θ ∈ R^P bound to a model for differentiation: the autograd leaves that hold θ's values and the forward
/// pass that uses them. For a built-in <see cref="FlatModel"/> the one leaf is θ itself. For a
/// <see cref="ModuleModel"/> the leaves are the module's parameter tensors, into which θ was copied, and derivatives
/// are taken with respect to them (PyHessian's route). Either way a derivative with respect to θ is the gradients with
/// respect to the leaves, flattened and concatenated in leaf order (<see cref="Flatten"/>), and every autograd call
/// goes through <see cref="Grad(Tensor, Tensor?, bool)"/>, which refuses to run once the binding is stale.
/// </summary>
public sealed class ParameterBinding
{
    private readonly Func<Tensor, Tensor> _forward;
    private readonly Func<bool> _isCurrent;
    private readonly Tensor[] _leaves;
    private readonly long[] _offsets;
    private readonly string _modelName;

    internal ParameterBinding(Tensor[] leaves, Func<Tensor, Tensor> forward, Func<bool> isCurrent, string modelName)
    {
        _leaves = leaves;
        _forward = forward;
        _isCurrent = isCurrent;
        _modelName = modelName;
        _offsets = new long[leaves.Length + 1];
        for (int i = 0; i < leaves.Length; i++) _offsets[i + 1] = _offsets[i] + leaves[i].numel();
    }

    /// <summary>The autograd leaves holding θ, in θ's order (one leaf for a built-in flat model).</summary>
    public IReadOnlyList<Tensor> Leaves => _leaves;

    /// <summary>P, the total number of parameters.</summary>
    public long Size => _offsets[^1];

    /// <summary>
    /// False once the model's parameters were overwritten by another binding (a module has one set of parameter
    /// tensors): graphs built through this binding then hold outdated saved tensors and must not be differentiated.
    /// Always true for a built-in flat model.
    /// </summary>
    public bool IsCurrent => _isCurrent();

    /// <summary>Logits [N, K] for inputs [N, ...]; differentiable with respect to <see cref="Leaves"/>.</summary>
    public Tensor Forward(Tensor inputs)
    {
        EnsureCurrent();
        return _forward(inputs);
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> when the binding is stale (see <see cref="IsCurrent"/>).</summary>
    public void EnsureCurrent()
    {
        if (!_isCurrent())
            throw new InvalidOperationException(
                $"the parameters of {_modelName} were overwritten (the module was bound to other parameter values) after this graph was built; " +
                "differentiating it would use outdated saved tensors. Rebuild it (a LinearizationPoint does so at the start of its next product)");
    }

    /// <summary>One tensor per leaf (each of the leaf's shape, or any shape with its element count) as one flat vector [P].
    /// A single one-dimensional tensor is returned as it is; otherwise a differentiable concatenation.</summary>
    public Tensor Flatten(IReadOnlyList<Tensor> perLeaf)
    {
        ArgumentNullException.ThrowIfNull(perLeaf);
        if (perLeaf.Count != _leaves.Length)
            throw new ArgumentException($"expected {_leaves.Length} tensors (one per leaf), got {perLeaf.Count}", nameof(perLeaf));
        for (int i = 0; i < perLeaf.Count; i++)
        {
            if (perLeaf[i].numel() != _leaves[i].numel())
                throw new ArgumentException($"tensor {i} has {perLeaf[i].numel()} elements, leaf {i} has {_leaves[i].numel()}", nameof(perLeaf));
        }
        if (perLeaf.Count == 1 && perLeaf[0].dim() == 1) return perLeaf[0];
        return torch.cat(perLeaf.Select(t => t.reshape(-1)).ToArray(), 0);
    }

    /// <summary>Views of a flat vector [P] shaped like the leaves (the inverse of <see cref="Flatten"/>).</summary>
    public IReadOnlyList<Tensor> Split(Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        Guard.Shape(flat, nameof(flat), Size);
        if (_leaves.Length == 1 && _leaves[0].dim() == 1) return new[] { flat };
        return _leaves.Select((leaf, i) => flat.narrow(0, _offsets[i], _offsets[i + 1] - _offsets[i]).view(leaf.shape)).ToArray();
    }

    /// <summary>∂(Σ output ⊙ cotangent)/∂θ as a flat vector [P] (the vector-Jacobian product with respect to θ). A leaf the
    /// output does not reach contributes exact zeros.</summary>
    /// <param name="output">A tensor computed from <see cref="Forward"/> with a gradient history.</param>
    /// <param name="cotangent">Same shape, dtype and device as <paramref name="output"/>; required unless it is a scalar.</param>
    /// <param name="createGraph">Build a graph of the result, for higher derivatives.</param>
    public Tensor Grad(Tensor output, Tensor? cotangent = null, bool createGraph = false)
    {
        EnsureCurrent();
        return Flatten(SafeAutograd.Grad(output, _leaves, cotangent, createGraph, unusedAsZero: true));
    }

    /// <summary>∂(Σ output ⊙ cotangent)/∂θ (flat, [P]) and ∂(Σ output ⊙ cotangent)/∂<paramref name="extra"/> in ONE backward
    /// pass (shared nodes are traversed once). An input the output does not reach gets exact zeros.</summary>
    /// <param name="output">A tensor with a gradient history.</param>
    /// <param name="extra">Another tensor that requires grad and that <paramref name="output"/> depends on.</param>
    /// <param name="cotangent">Same shape, dtype and device as <paramref name="output"/>; required unless it is a scalar.</param>
    public (Tensor Parameters, Tensor Extra) Grad(Tensor output, Tensor extra, Tensor? cotangent)
    {
        EnsureCurrent();
        ArgumentNullException.ThrowIfNull(extra);
        var all = SafeAutograd.Grad(output, _leaves.Append(extra).ToArray(), cotangent, unusedAsZero: true);
        return (Flatten(all[..^1]), all[^1]);
    }
}
