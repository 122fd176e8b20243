namespace Goldilocks.Papers.Deconstructing;

/// <summary>One point of a logit-scaling path: p = softmax(β z), its entropy and Γ_p⁻².</summary>
/// <param name="Scale">β, the factor on the logits.</param>
/// <param name="Entropy">Entropy of p = softmax(βz).</param>
/// <param name="InverseGammaSquared">Γ_p⁻² of diag(p) − ppᵀ.</param>
public sealed record GammaPoint(double Scale, double Entropy, double InverseGammaSquared);

/// <summary>A path β ↦ softmax(β z) for one logit vector z; <see cref="TopGapRatio"/> = (z₁ − z₂)/(z₂ − z₃) of the sorted logits
/// (small: the two top logits are nearly tied relative to the third, the case Appendix C singles out).</summary>
/// <param name="Logits">The logit set z.</param>
/// <param name="TopGapRatio">(z₁ − z₂)/(z₂ − z₃) of the sorted logits.</param>
/// <param name="Points">The points along increasing β (one-hot points left out).</param>
public sealed record GammaPath(double[] Logits, double TopGapRatio, IReadOnlyList<GammaPoint> Points)
{
    /// <summary>Spearman correlation between entropy and Γ⁻² along the path: −1 when Γ⁻² rises strictly as entropy falls.</summary>
    public double EntropyRankCorrelation => Statistics.Spearman(Points.Select(p => p.Entropy).ToArray(), Points.Select(p => p.InverseGammaSquared).ToArray());

    /// <summary>Total decrease of Γ⁻² along increasing β (decreasing entropy), relative to its range: 0 for a monotone path.</summary>
    public double MonotonicityViolation
    {
        get
        {
            var g = Points.Select(p => p.InverseGammaSquared).ToArray();
            double drop = 0;
            for (int i = 0; i + 1 < g.Length; i++) drop += Math.Max(0, g[i] - g[i + 1]);
            double range = g.Max() - g.Min();
            return range > 0 ? drop / range : 0;
        }
    }
}

/// <summary>The Fig. 4 (right) curves: one path per random logit set and the path of the average matrix.</summary>
/// <param name="Classes">K, the number of logits per set.</param>
/// <param name="Paths">One logit-scaling path per random logit set.</param>
/// <param name="AveragePath">Γ⁻² of the average of diag(p) − ppᵀ over all sets, along β.</param>
public sealed record GammaCurvesResult(int Classes, IReadOnlyList<GammaPath> Paths, IReadOnlyList<GammaPoint> AveragePath);

/// <summary>
/// Paper 000 Fig. 4 right: Γ_p⁻² of diag(p) − ppᵀ against the softmax entropy along logit-scaling paths p = softmax(βz),
/// β ∈ [1e-2, 1e2], for random logit sets z ~ N(0, I_K); plus the path of the average matrix over all sets (red curve).
/// Points where p is one-hot in float64 (Γ undefined) are left out.
/// </summary>
public static class GammaCurves
{
    /// <summary><paramref name="paths"/> random logit sets z ~ N(0, I_K) (K = <paramref name="classes"/>, seeded by <paramref name="seed"/>), each scaled by <paramref name="points"/> log-spaced β in [<paramref name="minScale"/>, <paramref name="maxScale"/>].</summary>
    public static GammaCurvesResult Run(int paths = 30, int classes = 10, int points = 81, long seed = 0, double minScale = 1e-2, double maxScale = 1e2)
    {
        if (paths < 1) throw new ArgumentOutOfRangeException(nameof(paths), paths, "at least one path is needed");
        if (classes < 3) throw new ArgumentOutOfRangeException(nameof(classes), classes, "the top-gap ratio needs K ≥ 3 classes");
        var rng = new Random((int)seed);
        var scales = Statistics.LogGrid(minScale, maxScale, points);
        var logits = Enumerable.Range(0, paths).Select(_ => Enumerable.Range(0, classes).Select(_ => Gaussian(rng)).ToArray()).ToArray();
        var result = logits.Select(z => new GammaPath(z, TopGapRatio(z), Path(scales, new[] { z }))).ToArray();
        return new GammaCurvesResult(classes, result, Path(scales, logits));
    }

    /// <summary>Γ⁻² of the average of diag(p) − ppᵀ over the given logit sets, along β.</summary>
    private static IReadOnlyList<GammaPoint> Path(double[] scales, double[][] logitSets)
    {
        var list = new List<GammaPoint>();
        foreach (var beta in scales)
        {
            var rows = logitSets.Select(z => SoftmaxCovariance.Softmax(z, temperature: 1 / beta)).ToArray();
            if (SoftmaxCovariance.TryGamma(rows) is not { } gamma) continue;
            list.Add(new GammaPoint(beta, rows.Average(SoftmaxCovariance.Entropy), 1 / (gamma * gamma)));
        }
        return list;
    }

    private static double TopGapRatio(double[] z)
    {
        var s = z.OrderByDescending(v => v).ToArray();
        return (s[0] - s[1]) / Math.Max(s[1] - s[2], 1e-300);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
