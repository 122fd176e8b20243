using Goldilocks.Runtime;

namespace Goldilocks.Losses;

/// <summary>
/// Cross-entropy with softmax temperature T (paper 000 Eq. 1): ℓ = -log σ(z/T)_y, computed with a stable
/// log-softmax. r = (p - e_y)/T and M = [diag(p) - ppᵀ]/T² with p = σ(z/T).
/// </summary>
public sealed class CrossEntropy : ILoss
{
    /// <summary>Cross-entropy at softmax temperature <paramref name="temperature"/> (T &gt; 0, finite).</summary>
    public CrossEntropy(double temperature = 1.0) => Temperature = Guard.PositiveFinite(temperature, nameof(temperature));

    /// <summary>Softmax temperature T (paper 000 Eq. 1).</summary>
    public double Temperature { get; }

    /// <inheritdoc/>
    public string Name => $"cross-entropy(T={Temperature:G6})";

    /// <summary>Softmax output p = σ(z/T) [N, K].</summary>
    public Tensor Probabilities(Tensor logits) => torch.softmax(logits / Temperature, 1);

    /// <inheritdoc/>
    public Tensor PerSample(Tensor logits, Tensor targets)
    {
        CheckLabels(logits, targets);
        var logp = torch.nn.functional.log_softmax(logits / Temperature, 1);
        return -logp.gather(1, targets.unsqueeze(1)).squeeze(1);
    }

    /// <inheritdoc/>
    public Tensor Sum(Tensor logits, Tensor targets) => PerSample(logits, targets).sum();

    /// <inheritdoc/>
    public Tensor Residual(Tensor logits, Tensor targets)
    {
        CheckLabels(logits, targets);
        using var noGrad = torch.no_grad();
        var p = Probabilities(logits.detach());
        var onehot = torch.nn.functional.one_hot(targets, logits.shape[1]).to(p.dtype);
        // p_y - 1 = -Σ_{c≠y} p_c, written so that it keeps full relative accuracy when p_y rounds to 1
        // (softmax collapse, paper 000 Sec. 3): the naive p_y - 1 would lose every digit below 1e-16.
        var others = (p * (1 - onehot)).sum(1, keepdim: true);
        return (p * (1 - onehot) - onehot * others) / Temperature;
    }

    /// <inheritdoc/>
    public Tensor LogitHessianProduct(Tensor logits, Tensor u)
    {
        // (Mu)_k = p_k Σ_c p_c (u_k - u_c): the c = k term is exactly zero, so no 1 - p_k cancellation occurs and
        // Mu keeps full relative accuracy even when p is numerically one-hot (the naive p⊙u - p(pᵀu) does not).
        var p = Probabilities(logits.detach());
        var differences = u.unsqueeze(2) - u.unsqueeze(1);
        return p * (p.unsqueeze(1) * differences).sum(2) / (Temperature * Temperature);
    }

    private static void CheckLabels(Tensor logits, Tensor targets)
    {
        if (targets.dtype != ScalarType.Int64 || targets.dim() != 1 || targets.shape[0] != logits.shape[0])
            throw new ArgumentException($"cross-entropy needs int64 labels [N = {logits.shape[0]}], got {targets.dtype} [{string.Join(", ", targets.shape)}]", nameof(targets));
    }
}
