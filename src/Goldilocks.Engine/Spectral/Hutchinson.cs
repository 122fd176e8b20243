using Goldilocks.Curvature;

namespace Goldilocks.Spectral;

/// <summary>An estimate with its standard error (sample standard deviation / √probes).</summary>
/// <param name="Value">The sample mean.</param>
/// <param name="StandardError">Sample standard deviation / √probes.</param>
/// <param name="Probes">Number of samples.</param>
public sealed record Estimate(double Value, double StandardError, int Probes);

/// <summary>Hutchinson estimates of Tr(A) and ‖A‖_F² from the same Rademacher probes (paper 000 App. F).</summary>
/// <param name="Trace">Estimate of Tr(A) = E[vᵀAv].</param>
/// <param name="FrobeniusSquared">Estimate of ‖A‖_F² = E‖Av‖².</param>
public sealed record HutchinsonResult(Estimate Trace, Estimate FrobeniusSquared)
{
    /// <summary>Tr(A)/√(‖A‖_F²) from the two estimates (a ratio estimator: biased at O(1/probes)); null if ‖A‖_F² ≤ 0.</summary>
    public double? PositiveCurvature => FrobeniusSquared.Value > 0 ? Trace.Value / Math.Sqrt(FrobeniusSquared.Value) : null;
}

/// <summary>Hutchinson's stochastic trace estimator (Hutchinson 1989) over any operator, using only products.</summary>
public static class Hutchinson
{
    /// <summary>Tr(A) ≈ mean vᵀAv and ‖A‖_F² ≈ mean ‖Av‖² over <paramref name="probes"/> Rademacher vectors v ∈ {±1}^n.</summary>
    public static HutchinsonResult Estimate(ICurvatureOperator op, int probes, long seed)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (probes < 2) throw new ArgumentOutOfRangeException(nameof(probes), probes, "Hutchinson needs at least 2 probes for a standard error");
        var gen = new torch.Generator((ulong)seed);
        var traces = new double[probes];
        var squares = new double[probes];
        for (int i = 0; i < probes; i++)
        {
            using var scope = torch.NewDisposeScope();
            var v = (torch.randint(0, 2, new[] { op.Size }, generator: gen, dtype: ScalarType.Float64) * 2 - 1).to(op.DType).to(op.Device);
            var av = op.Apply(v);
            traces[i] = v.dot(av).ToDouble();
            squares[i] = av.dot(av).ToDouble();
        }
        return new HutchinsonResult(MeanWithError(traces), MeanWithError(squares));
    }

    /// <summary>The sample mean of <paramref name="samples"/> with standard error s/√n (s the sample standard deviation, n − 1 in the denominator).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 samples: the standard error is undefined.</exception>
    public static Estimate MeanWithError(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int n = samples.Count;
        if (n < 2) throw new ArgumentException($"a standard error needs at least 2 samples, got {n}", nameof(samples));
        double mean = samples.Average();
        double variance = samples.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        return new Estimate(mean, Math.Sqrt(variance / n), n);
    }
}
