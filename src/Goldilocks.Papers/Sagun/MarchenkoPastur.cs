
namespace Goldilocks.Papers.Sagun;

/// <summary>
/// The Marčenko-Pastur law (Sagun et al. App. B) for W = XᵀX/N with X ∈ R^{N×P} of i.i.d. entries of variance σ²,
/// in the limit N, P → ∞ with P/N → a. Its non-trivial eigenvalues fill [σ²(1-√a)², σ²(1+√a)²]; for a &gt; 1 a
/// fraction 1 - 1/a of the P eigenvalues is exactly zero (rank W ≤ N).
/// </summary>
/// <param name="Ratio">a = P/N.</param>
/// <param name="Variance">σ², the variance of the entries of X.</param>
public sealed record MarchenkoPastur(double Ratio, double Variance = 1.0)
{
    private readonly double _ratio = Guard.PositiveFinite(Ratio, nameof(Ratio));
    private readonly double _variance = Guard.PositiveFinite(Variance, nameof(Variance));

    /// <summary>a = P/N, a positive finite number (also when set by a <c>with</c> expression).</summary>
    public double Ratio { get => _ratio; init => _ratio = Guard.PositiveFinite(value, nameof(Ratio)); }

    /// <summary>σ², a positive finite number.</summary>
    public double Variance { get => _variance; init => _variance = Guard.PositiveFinite(value, nameof(Variance)); }

    /// <summary>Lower edge σ²(1 − √a)² of the continuous part.</summary>
    public double Lower => Variance * Math.Pow(1 - Math.Sqrt(Ratio), 2);

    /// <summary>Upper edge σ²(1 + √a)² of the continuous part.</summary>
    public double Upper => Variance * Math.Pow(1 + Math.Sqrt(Ratio), 2);

    /// <summary>Mass of the atom at zero, max(0, 1 - 1/a).</summary>
    public double ZeroMass => Math.Max(0, 1 - 1 / Ratio);

    /// <summary>Density of the continuous part (integrates to 1 - ZeroMass) at x.</summary>
    public double Density(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x is NaN");
        if (x <= Lower || x >= Upper || x <= 0) return 0;
        return Math.Sqrt((Upper - x) * (x - Lower)) / (2 * Math.PI * Variance * Ratio * x);
    }

    /// <summary>Fraction of eigenvalues ≤ x (atom included), by Simpson integration of the density (n panels).</summary>
    public double CumulativeDistribution(double x, int panels = 2000)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x is NaN");
        Guard.InRange(panels, 1, 1 << 30, nameof(panels));
        double mass = x >= 0 ? ZeroMass : 0;
        double hi = Math.Min(x, Upper);
        if (hi <= Lower) return mass;
        // Substitute x = c + h cos φ to remove the square-root endpoints: dx √((U-x)(x-L)) = h² sin² φ dφ.
        double c = (Upper + Lower) / 2, h = (Upper - Lower) / 2;
        double phiHi = Math.PI, phiLo = Math.Acos(Math.Clamp((hi - c) / h, -1, 1));
        double Integrand(double phi)
        {
            // For a = 1 (Lower = 0, c = h) the 1/x pole cancels: h² sin²φ/x = h(1 - cos φ).
            double numerator = Lower <= 0 ? h * (1 - Math.Cos(phi)) : h * h * Math.Sin(phi) * Math.Sin(phi) / (c + h * Math.Cos(phi));
            return numerator / (2 * Math.PI * Variance * Ratio);
        }
        int n = panels % 2 == 0 ? panels : panels + 1;
        double step = (phiHi - phiLo) / n, sum = Integrand(phiLo) + Integrand(phiHi);
        for (int i = 1; i < n; i++) sum += (i % 2 == 1 ? 4 : 2) * Integrand(phiLo + i * step);
        return mass + sum * step / 3;
    }

    /// <summary>A sample covariance W = XᵀX/N [P, P] with X ~ N(0, σ²) of shape [N, P].</summary>
    public static Tensor SampleCovariance(int samples, int dimension, long seed, double variance = 1.0, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "N must be ≥ 1");
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "P must be ≥ 1");
        Guard.PositiveFinite(variance, nameof(variance));
        using var scope = torch.NewDisposeScope();
        var x = (torch.randn(new long[] { samples, dimension }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed)) * Math.Sqrt(variance))
            .to(device ?? torch.CPU);
        return x.t().matmul(x).div_(samples).MoveToOuterDisposeScope();
    }
}
