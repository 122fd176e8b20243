namespace Goldilocks.Models;

/// <summary>
/// Diagonal linear network with scalar weights: f(θ, x) = Θ·x with Θ = Π_i θ_i (Wang &amp; Roberts Sec. 3, App. C).
/// Homogeneous of degree n = number of factors.
/// </summary>
public sealed class DiagonalLinearNetwork : FlatModel
{
    /// <summary>A network with <paramref name="factors"/> scalar weights θ_1 … θ_n and one scalar input and output.</summary>
    public DiagonalLinearNetwork(int factors = 2)
        : base($"DLN-{factors}", new long[] { 1 }, 1)
    {
        if (factors < 1) throw new ArgumentOutOfRangeException(nameof(factors), factors, "factors must be ≥ 1");
        for (int i = 0; i < factors; i++) AddBlock($"theta{i + 1}", i, false, 1, 1);
    }

    /// <inheritdoc/>
    public override int? HomogeneityDegree => Blocks.Count;

    /// <summary>Θ = Π θ_i as a differentiable scalar.</summary>
    public static Tensor Product(Tensor theta) => theta.prod();

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Tensor theta, Tensor inputs) => inputs * Product(theta);
}
