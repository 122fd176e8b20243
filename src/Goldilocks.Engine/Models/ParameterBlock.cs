namespace Goldilocks.Models;

/// <summary>A named slice θ[Offset .. Offset+Count) of the flat parameter vector, reshaped to <see cref="Shape"/>.</summary>
/// <param name="Name">Parameter name in PyTorch's convention, e.g. "fc1.weight".</param>
/// <param name="Layer">Index of the weight layer the block belongs to (0-based).</param>
/// <param name="IsBias">True for bias vectors; false for weight matrices and kernels.</param>
/// <param name="Offset">Index of the block's first entry in θ.</param>
/// <param name="Shape">Shape of the block, e.g. [out, in] for a linear weight.</param>
/// <param name="FanIn">Inputs per output unit, used by Kaiming initialization.</param>
public sealed record ParameterBlock(string Name, int Layer, bool IsBias, long Offset, long[] Shape, long FanIn)
{
    /// <summary>Number of entries, the product of <see cref="Shape"/>.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The block as a view of θ (differentiable with respect to θ).</summary>
    public Tensor Of(Tensor theta) => theta.narrow(0, Offset, Count).view(Shape);
}
