
namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// The random logit model of paper 000 Sec. 4 (after Fort &amp; Ganguli 2019): the k-th logit gradient of sample μ is
/// c_k + e_k^μ in R^d, with the means c_k pairwise orthogonal and ‖c_k‖² = dσ_c², and residuals e_k^μ iid
/// N(0, σ_e² I_d). Gives the expected G-term (Eq. 7), its positive curvature (Eq. 8) and eigenvalues (App. B), the
/// expected batch gradient (Eq. 9) and Monte Carlo draws of the same quantities.
/// </summary>
public sealed class RandomLogitModel : IDisposable
{
    /// <summary>Draws the class means c_k (pairwise orthogonal, ‖c_k‖² = dσ_c²) with <paramref name="seed"/>.</summary>
    /// <param name="classes">K, the number of logits.</param>
    /// <param name="dimension">d, the dimension of the logit gradients (K ≤ d).</param>
    /// <param name="sigmaC">σ_c, the scale of the class means.</param>
    /// <param name="sigmaE">σ_e, the standard deviation of the residuals.</param>
    /// <param name="seed">Seed of the class means.</param>
    public RandomLogitModel(int classes, int dimension, double sigmaC, double sigmaE, long seed)
    {
        TorchRuntime.EnsureLoaded();
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "K must be ≥ 2");
        if (dimension < classes)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"d must be ≥ K = {classes} to hold K orthogonal means");
        Classes = classes;
        Dimension = dimension;
        SigmaC = Guard.PositiveFinite(sigmaC, nameof(sigmaC));
        SigmaE = Guard.NonNegativeFinite(sigmaE, nameof(sigmaE), "σ_e");
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var (q, _) = torch.linalg.qr(torch.randn(new long[] { dimension, classes }, dtype: ScalarType.Float64, generator: gen));
        Means = (q.t() * (SigmaC * Math.Sqrt(dimension))).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>K, the number of logits.</summary>
    public int Classes { get; }

    /// <summary>d, the dimension of the logit gradients.</summary>
    public int Dimension { get; }

    /// <summary>σ_c: ‖c_k‖² = dσ_c².</summary>
    public double SigmaC { get; }

    /// <summary>σ_e: residuals e_k^μ ~ N(0, σ_e² I_d).</summary>
    public double SigmaE { get; }

    /// <summary>C ∈ R^{K×d}: row k is c_k.</summary>
    public Tensor Means { get; }

    /// <summary>Eq. 7: E_e G = Cᵀ[diag(p) − ppᵀ]C + (1 − ‖p‖²)σ_e² I_d.</summary>
    public Tensor ExpectedGTerm(IReadOnlyList<double> p)
    {
        CheckP(p);
        using var scope = torch.NewDisposeScope();
        var m = SoftmaxCovariance.ToTensor(SoftmaxCovariance.Matrix(p));
        double bulk = SoftmaxCovariance.Trace(p) * SigmaE * SigmaE;
        return (Means.t().matmul(m).matmul(Means) + torch.eye(Dimension, dtype: ScalarType.Float64) * bulk).MoveToOuterDisposeScope();
    }

    /// <summary>Appendix B, descending: (1 − ‖p‖²)σ_e² + dσ_c² λ̃_i for i ≤ K − 1, (1 − ‖p‖²)σ_e² for the other d − K + 1.</summary>
    public double[] ExpectedGTermEigenvalues(IReadOnlyList<double> p)
    {
        CheckP(p);
        double bulk = SoftmaxCovariance.Trace(p) * SigmaE * SigmaE;
        var lambda = SoftmaxCovariance.Eigenvalues(p);
        return Enumerable.Range(0, Dimension)
            .Select(i => i < Classes - 1 ? bulk + Dimension * SigmaC * SigmaC * lambda[i] : bulk).ToArray();
    }

    /// <summary>Eq. 8 of this model for softmax output p.</summary>
    public double ExpectedPositiveCurvature(IReadOnlyList<double> p) =>
        ExpectedPositiveCurvature(Dimension, SigmaC * SigmaC, SigmaE * SigmaE, SoftmaxCovariance.Gamma(p));

    /// <summary>Eq. 8: Tr(E G)/‖E G‖_F = √d(σ_c² + σ_e²) / √(σ_e⁴ + 2σ_e²σ_c² + dσ_c⁴Γ_p⁻²).</summary>
    public static double ExpectedPositiveCurvature(int dimension, double sigmaC2, double sigmaE2, double gamma)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "d must be ≥ 1");
        Guard.NonNegativeFinite(sigmaC2, nameof(sigmaC2), "σ_c²");
        Guard.NonNegativeFinite(sigmaE2, nameof(sigmaE2), "σ_e²");
        if (sigmaC2 + sigmaE2 == 0) throw new ArgumentException("Eq. 8 is 0/0 when σ_c² = σ_e² = 0", nameof(sigmaE2));
        Guard.PositiveFinite(gamma, nameof(gamma));
        return Math.Sqrt(dimension) * (sigmaC2 + sigmaE2) /
               Math.Sqrt(sigmaE2 * sigmaE2 + 2 * sigmaE2 * sigmaC2 + dimension * sigmaC2 * sigmaC2 / (gamma * gamma));
    }

    /// <summary>One draw of G = (C + E)ᵀ[diag(p) − ppᵀ](C + E) with E_k ~ N(0, σ_e² I_d).</summary>
    public Tensor SampleGTerm(IReadOnlyList<double> p, torch.Generator generator)
    {
        CheckP(p);
        using var scope = torch.NewDisposeScope();
        var m = SoftmaxCovariance.ToTensor(SoftmaxCovariance.Matrix(p));
        var j = Means + Residuals(generator);
        return j.t().matmul(m).matmul(j).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One draw of the batch gradient of Eq. 9 at T = 1: (1/B) Σ_μ Σ_k (c_k + e_k^μ)(p_k^μ − 1{y^μ = k}), with fresh
    /// residuals per sample. <paramref name="probabilities"/> is [B][K], <paramref name="labels"/> is [B].
    /// </summary>
    public Tensor SampleBatchGradient(IReadOnlyList<IReadOnlyList<double>> probabilities, IReadOnlyList<int> labels, torch.Generator generator)
    {
        var coeff = Coefficients(probabilities, labels);
        using var scope = torch.NewDisposeScope();
        var g = torch.zeros(Dimension, dtype: ScalarType.Float64);
        for (int mu = 0; mu < labels.Count; mu++)
        {
            var c = torch.tensor(coeff[mu], ScalarType.Float64);
            g.add_((Means + Residuals(generator)).t().matmul(c));
        }
        return g.div_(labels.Count).MoveToOuterDisposeScope();
    }

    /// <summary>Eq. 9: E_E[∂ℓ/∂θ] = Σ_k c_k (Q̂_k − Q_k).</summary>
    public Tensor ExpectedBatchGradient(IReadOnlyList<double> averageOutput, IReadOnlyList<double> prior)
    {
        CheckP(averageOutput);
        CheckP(prior);
        using var scope = torch.NewDisposeScope();
        var diff = torch.tensor(averageOutput.Zip(prior, (a, b) => a - b).ToArray(), ScalarType.Float64);
        return Means.t().matmul(diff).MoveToOuterDisposeScope();
    }

    /// <summary>‖Σ_k c_k(Q̂_k − Q_k)‖ = σ_c √d ‖Q̂ − Q‖ under the model's normalisation (derived; see spec G14).</summary>
    public double ExpectedGradientNorm(IReadOnlyList<double> averageOutput, IReadOnlyList<double> prior) =>
        SigmaC * Math.Sqrt(Dimension) * Distance(averageOutput, prior);

    /// <summary>The norm as printed after Eq. 9 in paper 000: dσ_c² ‖Q̂ − Q‖ (it is the slope of the squared norm).</summary>
    public double PaperPrintedGradientNorm(IReadOnlyList<double> averageOutput, IReadOnlyList<double> prior) =>
        Dimension * SigmaC * SigmaC * Distance(averageOutput, prior);

    /// <summary>Q̂ = mean softmax output and Q = label frequencies of a batch (Sec. 4).</summary>
    public static (double[] AverageOutput, double[] Prior) Priors(IReadOnlyList<IReadOnlyList<double>> probabilities, IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count || labels.Count == 0)
            throw new ArgumentException($"need one probability vector per label, got {probabilities.Count} and {labels.Count}", nameof(labels));
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "K must be ≥ 2");
        var qhat = new double[classes];
        var q = new double[classes];
        for (int mu = 0; mu < labels.Count; mu++)
        {
            if (probabilities[mu] is not { } p || p.Count != classes)
                throw new ArgumentException($"probability vector {mu} must have K = {classes} entries", nameof(probabilities));
            if (labels[mu] < 0 || labels[mu] >= classes) throw new ArgumentOutOfRangeException(nameof(labels), labels[mu], $"labels must be in [0, {classes})");
            for (int k = 0; k < classes; k++) qhat[k] += p[k] / labels.Count;
            q[labels[mu]] += 1.0 / labels.Count;
        }
        return (qhat, q);
    }

    /// <summary>Disposes the class means.</summary>
    public void Dispose() => Means.Dispose();

    private Tensor Residuals(torch.Generator generator) =>
        torch.randn(new long[] { Classes, Dimension }, dtype: ScalarType.Float64, generator: generator) * SigmaE;

    private double[][] Coefficients(IReadOnlyList<IReadOnlyList<double>> probabilities, IReadOnlyList<int> labels)
    {
        if (probabilities.Count != labels.Count || labels.Count == 0)
            throw new ArgumentException($"need one probability vector per label, got {probabilities.Count} and {labels.Count}", nameof(labels));
        return labels.Select((y, mu) =>
        {
            CheckP(probabilities[mu]);
            if (y < 0 || y >= Classes) throw new ArgumentOutOfRangeException(nameof(labels), y, $"labels must be in [0, {Classes})");
            return probabilities[mu].Select((pk, k) => pk - (k == y ? 1.0 : 0.0)).ToArray();
        }).ToArray();
    }

    private static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private void CheckP(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count != Classes) throw new ArgumentException($"probability vectors must have K = {Classes} entries, got {p.Count}", nameof(p));
    }
}
