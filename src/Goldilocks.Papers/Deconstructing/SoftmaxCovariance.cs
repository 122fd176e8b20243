
namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// The logit Hessian of cross-entropy at T = 1, M = diag(p) − ppᵀ (paper 000 Eq. 4), and its excess of positive
/// eigenvalues Γ_p = Tr(M)/‖M‖_F (Sec. 4, Eq. 10). Works on plain double[] probability vectors (K is tiny) and
/// computes every entry without cancellation: M_kk = p_k Σ_{c≠k} p_c, M_kc = −p_k p_c.
/// </summary>
public static class SoftmaxCovariance
{
    /// <summary>Largest |Σ p − 1| accepted for a probability vector.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>Stable softmax σ_T(z) (Eq. 1).</summary>
    public static double[] Softmax(IReadOnlyList<double> logits, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Guard.PositiveFinite(temperature, nameof(temperature));
        if (logits.Count < 2) throw new ArgumentException("softmax needs K ≥ 2 logits", nameof(logits));
        if (logits.Any(z => !double.IsFinite(z))) throw new ArgumentException("logits must be finite", nameof(logits));
        double max = logits.Max();
        var e = logits.Select(z => Math.Exp((z - max) / temperature)).ToArray();
        double s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    /// <summary>
    /// M_μ = diag(p_μ) − p_μp_μᵀ for a batch of probability rows [N, K] → [N, K, K], without cancellation: the diagonal
    /// is p_k Σ_{c≠k} p_c, not p_k − p_k², which loses every digit of the top class once 1 − p_max falls below ~1e-16
    /// (softmax collapse; the pre-collapse scan of App. D lives exactly there).
    /// </summary>
    public static Tensor Batched(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.dim() != 2) throw new ArgumentException($"probabilities must be [N, K], got [{string.Join(", ", probabilities.shape)}]", nameof(probabilities));
        using var scope = torch.NewDisposeScope();
        long k = probabilities.shape[1];
        var offDiagonal = 1 - torch.eye(k, dtype: probabilities.dtype, device: probabilities.device);
        var others = (probabilities.unsqueeze(1) * offDiagonal).sum(2);                    // Σ_{c≠k} p_c, [N, K]
        var outer = probabilities.unsqueeze(2) * probabilities.unsqueeze(1);
        return (torch.diag_embed(probabilities * others) - outer * offDiagonal).MoveToOuterDisposeScope();
    }

    /// <summary>M = diag(p) − ppᵀ as a K×K array.</summary>
    public static double[,] Matrix(IReadOnlyList<double> p)
    {
        Validate(p, nameof(p));
        int k = p.Count;
        var m = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            // 1 − p_i as the sum of the other entries: exact even when p_i rounds to 1.
            double others = 0;
            for (int j = 0; j < k; j++) if (j != i) others += p[j];
            for (int j = 0; j < k; j++) m[i, j] = i == j ? p[i] * others : -p[i] * p[j];
        }
        return m;
    }

    /// <summary>Tr(M) = 1 − ‖p‖², computed as Σ_k p_k Σ_{c≠k} p_c so it stays accurate when p is nearly one-hot.</summary>
    public static double Trace(IReadOnlyList<double> p)
    {
        var m = Matrix(p);
        double t = 0;
        for (int i = 0; i < p.Count; i++) t += m[i, i];
        return t;
    }

    /// <summary>The batch average (1/B) Σ_μ diag(p^μ) − p^μ p^μᵀ (Sec. 4, after Eq. 8).</summary>
    public static double[,] BatchAverage(IReadOnlyList<IReadOnlyList<double>> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) throw new ArgumentException("the batch is empty", nameof(batch));
        int k = batch[0].Count;
        var sum = new double[k, k];
        foreach (var p in batch)
        {
            if (p.Count != k) throw new ArgumentException($"all probability vectors must have K = {k} entries, got {p.Count}", nameof(batch));
            var m = Matrix(p);
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) sum[i, j] += m[i, j] / batch.Count;
        }
        return sum;
    }

    /// <summary>Γ_p = Tr(M)/‖M‖_F for one probability vector. Throws for one-hot p, where M = 0 and Γ_p is undefined.</summary>
    public static double Gamma(IReadOnlyList<double> p) => GammaOf(Matrix(p), "p is one-hot");

    /// <summary>Γ of the batch-averaged matrix. Throws when every p^μ is one-hot.</summary>
    public static double Gamma(IReadOnlyList<IReadOnlyList<double>> batch) => GammaOf(BatchAverage(batch), "every p^μ in the batch is one-hot");

    /// <summary>Γ of the batch-averaged matrix, or null when every p^μ is one-hot (M = 0, Γ undefined).</summary>
    public static double? TryGamma(IReadOnlyList<IReadOnlyList<double>> batch) => TryGammaOf(BatchAverage(batch));

    /// <summary>Entropy −Σ p_k log p_k of a probability vector (zero entries contribute 0).</summary>
    public static double Entropy(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
    }

    /// <summary>Rows of a probability tensor [N, K] as arrays (CPU float64 copy; for summaries, not hot paths).</summary>
    public static double[][] Rows(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.dim() != 2) throw new ArgumentException($"probabilities must be [N, K], got [{string.Join(", ", probabilities.shape)}]", nameof(probabilities));
        using var scope = torch.NewDisposeScope();
        var m = probabilities.detach().to(ScalarType.Float64).cpu().contiguous();
        long n = m.shape[0], k = m.shape[1];
        var flat = m.data<double>().ToArray();
        return Enumerable.Range(0, (int)n).Select(i => flat.AsSpan((int)(i * k), (int)k).ToArray()).ToArray();
    }

    /// <summary>Γ_p² from the entry formula of Eq. 10: (Σp − Σp²)² / (Σ(p − p²)² + Σ_{k≠c} p_k²p_c²).</summary>
    public static double GammaSquaredEq10(IReadOnlyList<double> p)
    {
        Validate(p, nameof(p));
        double num = p.Sum() - p.Sum(x => x * x);
        double den = p.Sum(x => (x - x * x) * (x - x * x));
        for (int k = 0; k < p.Count; k++)
            for (int c = 0; c < p.Count; c++)
                if (k != c) den += p[k] * p[k] * p[c] * p[c];
        if (den == 0) throw new ArgumentException("Γ_p is undefined: p is one-hot, so diag(p) − ppᵀ = 0", nameof(p));
        return num * num / den;
    }

    /// <summary>Eigenvalues of a symmetric K×K array, descending.</summary>
    public static double[] Eigenvalues(double[,] matrix)
    {
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var t = ToTensor(matrix);
        return torch.linalg.eigvalsh((t + t.t()) / 2).data<double>().Reverse().ToArray();
    }

    /// <summary>Eigenvalues of diag(p) − ppᵀ, descending (Appendix B: they interlace the sorted entries of p).</summary>
    public static double[] Eigenvalues(IReadOnlyList<double> p) => Eigenvalues(Matrix(p));

    /// <summary>A K×K array as a float64 tensor.</summary>
    public static Tensor ToTensor(double[,] matrix)
    {
        TorchRuntime.EnsureLoaded();
        int r = matrix.GetLength(0), c = matrix.GetLength(1);
        var flat = new double[r * c];
        Buffer.BlockCopy(matrix, 0, flat, 0, flat.Length * sizeof(double));
        return torch.tensor(flat, new long[] { r, c }, ScalarType.Float64);
    }

    private static double GammaOf(double[,] m, string why) =>
        TryGammaOf(m) ?? throw new ArgumentException($"Γ_p = Tr(M)/‖M‖_F is undefined: {why}, so diag(p) − ppᵀ = 0");

    /// <summary>Trace / Frobenius norm, the norm computed with scaling so tiny entries do not underflow; null when M = 0.</summary>
    private static double? TryGammaOf(double[,] m)
    {
        int k = m.GetLength(0);
        double trace = 0, scale = 0;
        for (int i = 0; i < k; i++)
        {
            trace += m[i, i];
            for (int j = 0; j < k; j++) scale = Math.Max(scale, Math.Abs(m[i, j]));
        }
        if (trace <= 0 || scale == 0) return null;
        double sq = 0;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) sq += (m[i, j] / scale) * (m[i, j] / scale);
        return trace / scale / Math.Sqrt(sq);
    }

    private static void Validate(IReadOnlyList<double> p, string name)
    {
        ArgumentNullException.ThrowIfNull(p, name);
        if (p.Count < 2) throw new ArgumentException($"{name} must have K ≥ 2 entries, got {p.Count}", name);
        if (p.Any(x => !double.IsFinite(x) || x < 0)) throw new ArgumentException($"{name} must have finite non-negative entries", name);
        double s = p.Sum();
        if (Math.Abs(s - 1) > SumTolerance) throw new ArgumentException($"{name} must sum to 1, sums to {s:R}", name);
    }
}
