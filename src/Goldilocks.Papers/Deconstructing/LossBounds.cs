namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// Paper 000 Sec. 4, "Model confidence &amp; initial loss": lower bounds on the expected cross-entropy when the softmax
/// output does not depend on the class, and the small-scale expansion of the loss of a homogeneous network.
/// </summary>
public static class LossBounds
{
    /// <summary>
    /// Expected loss Σ_k Q_k · mean_j(−log p^j_k) when every class sees the same outputs {p^j} (p independent of y).
    /// </summary>
    public static double ClassIndependentLoss(IReadOnlyList<IReadOnlyList<double>> outputs, IReadOnlyList<double> prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        CheckOutputs(outputs, prior.Count);
        return prior.Select((q, k) => q == 0 ? 0 : q * outputs.Average(p => -Math.Log(p[k]))).Sum();
    }

    /// <summary>Mean output Q̂ = mean_j p^j.</summary>
    public static double[] AverageOutput(IReadOnlyList<IReadOnlyList<double>> outputs)
    {
        CheckOutputs(outputs, null);
        return Enumerable.Range(0, outputs[0].Count).Select(k => outputs.Average(p => p[k])).ToArray();
    }

    /// <summary>Jensen bound Σ_k Q_k (−log Q̂_k): the cross-entropy between the prior and the mean output.</summary>
    public static double JensenBound(IReadOnlyList<double> prior, IReadOnlyList<double> averageOutput)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(averageOutput);
        if (averageOutput.Count != prior.Count)
            throw new ArgumentException($"the mean output has {averageOutput.Count} entries but the prior {prior.Count}", nameof(averageOutput));
        return prior.Select((q, k) => q == 0 ? 0 : -q * Math.Log(averageOutput[k])).Sum();
    }

    /// <summary>Shannon entropy of the prior, −Σ Q_k log Q_k (Gibbs: the Jensen bound is ≥ this).</summary>
    public static double Entropy(IReadOnlyList<double> prior) => (prior ?? throw new ArgumentNullException(nameof(prior))).Where(q => q > 0).Sum(q => -q * Math.Log(q));

    /// <summary>The bound as printed in paper 000: Σ_k (−log Q̂_k) ≥ K log K (the sum of K class-conditional losses).</summary>
    public static double PaperUnweightedBound(IReadOnlyList<double> averageOutput) => (averageOutput ?? throw new ArgumentNullException(nameof(averageOutput))).Sum(q => -Math.Log(q));

    /// <summary>
    /// Small-scale expansion of the mean loss of an L-homogeneous net: L(αθ) = log K + t c₁ + R with t = α^L,
    /// c₁ = mean_μ (z̄_μ − z_{μ,y}) (z̄ = mean logit) and |R| ≤ t² max_μ range(z_μ)² / 8 (Taylor with the bound
    /// Var ≤ range²/4 on the second derivative of the log-sum-exp). <paramref name="logits"/> are those of θ, [N][K].
    /// </summary>
    public static (double Linear, double RemainderFactor) SmallScaleExpansion(IReadOnlyList<IReadOnlyList<double>> logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count != labels.Count || logits.Count == 0) throw new ArgumentException("need one label per logit row", nameof(labels));
        for (int mu = 0; mu < logits.Count; mu++)
        {
            if (logits[mu] is not { Count: > 0 } z) throw new ArgumentException($"logit row {mu} is null or empty", nameof(logits));
            if (labels[mu] < 0 || labels[mu] >= z.Count) throw new ArgumentOutOfRangeException(nameof(labels), labels[mu], $"label {mu} must be in [0, {z.Count})");
        }
        double c1 = logits.Select((z, mu) => z.Average() - z[labels[mu]]).Average();
        double range = logits.Max(z => z.Max() - z.Min());
        return (c1, range * range / 8);
    }

    /// <summary>A non-empty list of output rows of <paramref name="classes"/> entries each (default: as many as the first row).</summary>
    private static void CheckOutputs(IReadOnlyList<IReadOnlyList<double>> outputs, int? classes)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 0) throw new ArgumentException("no outputs", nameof(outputs));
        int k = classes ?? outputs[0]?.Count ?? 0;
        if (outputs.Any(p => p is null || p.Count != k))
            throw new ArgumentException($"every output must be a row of K = {k} probabilities", nameof(outputs));
    }
}
