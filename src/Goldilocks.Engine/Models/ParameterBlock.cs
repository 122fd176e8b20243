namespace Goldilocks.Models;

/// <summary>A named slice θ[Offset .. Offset+Count) of the flat parameter vector, reshaped to <see cref="Shape"/>.</summary>
/// <param name="Layer">Index of the weight layer the block belongs to (0-based).</param>
/// <param name="IsBias">True for bias vectors; false for weight matrices and kernels.</param>
/// <param name="FanIn">Inputs per output unit, used by Kaiming initialization.</param>
public sealed record ParameterBlock(string Name, int Layer, bool IsBias, long Offset, long[] Shape, long FanIn)
{
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The block as a view of θ (differentiable with respect to θ).</summary>
    public Tensor Of(Tensor theta) => theta.narrow(0, Offset, Count).view(Shape);
}
