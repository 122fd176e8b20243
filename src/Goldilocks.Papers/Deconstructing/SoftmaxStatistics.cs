namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// Per-sample softmax statistics (paper 000 Sec. 4): entropy of p and Γ_p = Tr(M)/‖M‖_F of M = diag(p) − ppᵀ, with
/// entries computed with p_i(1 − p_i) taken from the complement Σ_{j≠i} p_j for the top class, so Γ stays accurate up to
/// collapse (Appendix C, Eq. 10). Γ_p is undefined (null) for one-hot p.
/// </summary>
public static class SoftmaxStatistics
{
    /// <summary>Shannon entropy −Σ p_i log p_i (natural log, 0·log 0 = 0).</summary>
    public static double Entropy(IReadOnlyList<double> p) => -p.Where(v => v > 0).Sum(v => v * Math.Log(v));

    /// <summary>Γ_p = Tr(M)/‖M‖_F of M = diag(p) − ppᵀ; null for one-hot p.</summary>
    public static double? Gamma(IReadOnlyList<double> p) => GammaOfAverage(new[] { p.ToArray() });

    /// <summary>1 − p_i for every i, with the largest entry's complement summed from the others (no cancellation near one-hot).</summary>
    private static double[] Complements(double[] p)
    {
        int top = Array.IndexOf(p, p.Max());
        return p.Select((v, i) => i == top ? p.Where((_, j) => j != top).Sum() : 1 - v).ToArray();
    }

    /// <summary>Γ of the batch-averaged matrix (1/B) Σ_μ diag(p^μ) − p^μ p^μᵀ (Sec. 4, after Eq. 8), rows of [B, K].</summary>
    public static double? GammaOfAverage(double[][] rows)
    {
        if (rows.Length == 0) throw new ArgumentException("no rows", nameof(rows));
        int k = rows[0].Length;
        var m = new double[k, k];
        foreach (var p in rows)
        {
            var c = Complements(p);
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                    m[i, j] += (i == j ? p[i] * c[i] : -p[i] * p[j]) / rows.Length;
        }
        double trace = 0, frob2 = 0;
        for (int i = 0; i < k; i++)
        {
            trace += m[i, i];
            for (int j = 0; j < k; j++) frob2 += m[i, j] * m[i, j];
        }
        return frob2 > 0 && trace > 0 ? trace / Math.Sqrt(frob2) : null;
    }

    /// <summary>softmax(scale · z) computed stably in double precision.</summary>
    public static double[] Softmax(IReadOnlyList<double> z, double scale = 1.0)
    {
        double max = z.Max(v => scale * v);
        var e = z.Select(v => Math.Exp(scale * v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>Rows of a [N, K] tensor as arrays (CPU copy; for summaries, not hot paths).</summary>
    public static double[][] Rows(Tensor matrix)
    {
        using var scope = torch.NewDisposeScope();
        var m = matrix.detach().to(ScalarType.Float64).cpu().contiguous();
        long n = m.shape[0], k = m.shape[1];
        var flat = m.data<double>().ToArray();
        return Enumerable.Range(0, (int)n).Select(i => flat.AsSpan((int)(i * k), (int)k).ToArray()).ToArray();
    }
}
