namespace Goldilocks.Losses;

/// <summary>Squared error ℓ = ½‖z - y‖² (Sagun et al. Sec. 2): r = z - y, M = I.</summary>
public sealed class MeanSquaredError : ILoss
{
    /// <inheritdoc/>
    public string Name => "squared-error";

    /// <inheritdoc/>
    public Tensor PerSample(Tensor logits, Tensor targets)
    {
        Check(logits, targets);
        return 0.5 * (logits - targets).pow(2).sum(1);
    }

    /// <inheritdoc/>
    public Tensor Sum(Tensor logits, Tensor targets) => PerSample(logits, targets).sum();

    /// <inheritdoc/>
    public Tensor Residual(Tensor logits, Tensor targets)
    {
        Check(logits, targets);
        return (logits.detach() - targets);
    }

    /// <inheritdoc/>
    public Tensor LogitHessianProduct(Tensor logits, Tensor u) => u;

    private static void Check(Tensor logits, Tensor targets)
    {
        if (!targets.shape.SequenceEqual(logits.shape))
            throw new ArgumentException($"squared error needs targets shaped like the outputs [{string.Join(", ", logits.shape)}], got [{string.Join(", ", targets.shape)}]", nameof(targets));
    }
}
