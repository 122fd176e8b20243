using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// An operator from any function v ↦ Av (hessian-eigenthings' LambdaOperator): a user's own curvature matrix, a
/// preconditioned or shifted product, or an operator from another library. The function must be linear and symmetric
/// (every algorithm here assumes a symmetric A; that cannot be checked product by product). Each result is checked for
/// shape [n], dtype, device and finiteness.
/// </summary>
public sealed class DelegateOperator : ICurvatureOperator
{
    private readonly Func<Tensor, Tensor> _apply;

    /// <summary>The operator v ↦ <paramref name="apply"/>(v) on R^<paramref name="size"/>.</summary>
    /// <param name="size">n ≥ 1.</param>
    /// <param name="apply">The product; receives a validated v [n] and returns a new tensor [n].</param>
    /// <param name="dtype">The dtype of v and Av (float64 by default).</param>
    /// <param name="device">The device of v and Av (CPU by default).</param>
    public DelegateOperator(long size, Func<Tensor, Tensor> apply, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "size must be ≥ 1");
        _apply = apply ?? throw new ArgumentNullException(nameof(apply));
        Size = size;
        DType = dtype;
        Device = device ?? torch.CPU;
    }

    /// <inheritdoc/>
    public long Size { get; }

    /// <inheritdoc/>
    public ScalarType DType { get; }

    /// <inheritdoc/>
    public Device Device { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor v)
    {
        this.CheckVector(v);
        var result = _apply(v) ?? throw new InvalidOperationException("the operator's function returned null");
        if (!result.shape.SequenceEqual(new[] { Size }))
            throw new InvalidOperationException($"the operator's function returned shape [{string.Join(", ", result.shape)}] for v of shape [{Size}]");
        if (result.dtype != DType || result.device.ToString() != Device.ToString())
            throw new InvalidOperationException($"the operator's function returned {result.dtype} on {result.device}; the operator is {DType} on {Device}");
        if (ReferenceEquals(result, v)) // TorchSharp gives every other result its own native handle
            throw new InvalidOperationException("the operator's function returned its input; Apply must return a new tensor");
        return Guard.FiniteResult(result, "the operator's product");
    }
}
