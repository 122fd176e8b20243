
namespace Goldilocks.Papers.FortScherlis;

/// <summary>
/// Fort &amp; Scherlis Sec. 2.2 (Eq. 1-2): Gaussian initializations live on a thin spherical shell. For θ ~ N(0, σ²I_P)
/// the radius r = ‖θ‖ is σ·χ_P: density ∝ r^{P-1}exp(-r²/2σ²), peaked at σ√(P-1), mean ≈ σ√P, relative width
/// ≈ 1/√(2P). For block-wise variances (Kaiming: σ_b² = 2/fan_in) the same holds with P replaced by the
/// participation ratio P_eff = (Σ n_b σ_b²)²/Σ n_b σ_b⁴ ≤ P.
/// </summary>
public static class ThinShell
{
    /// <summary>E‖θ‖ = σ√2 Γ((P+1)/2)/Γ(P/2) for θ ~ N(0, σ²I_P) (exact).</summary>
    public static double ChiMean(long dimension, double sigma = 1.0)
    {
        Positive(dimension);
        Guard.PositiveFinite(sigma, nameof(sigma));
        return sigma * Math.Sqrt(dimension) * Math.Exp(LogChiMeanOverSqrtP(dimension));
    }

    /// <summary>log(E χ_P/√P) = lnΓ(x+½) - lnΓ(x) - ½ ln x with x = P/2; by its asymptotic series for x ≥ 20
    /// (-1/(8x) + 1/(192x³) - 1/(640x⁵) + 17/(14336x⁷), the terms [B_{k+1}(½) - B_{k+1}]/(k(k+1)xᵏ); error &lt; 1e-14), which
    /// avoids cancelling two large lnΓ.</summary>
    private static double LogChiMeanOverSqrtP(long dimension)
    {
        double x = dimension / 2.0;
        if (x < 20) return LogGamma(x + 0.5) - LogGamma(x) - 0.5 * Math.Log(x);
        double i = 1 / x, i2 = i * i;
        return i * (-1.0 / 8 + i2 * (1.0 / 192 - i2 * (1.0 / 640 - i2 * 17.0 / 14336)));
    }

    /// <summary>std(‖θ‖)/E‖θ‖ = √(P/m² - 1), m = E‖θ‖/σ (exact); ≈ 1/√(2P) for large P.</summary>
    public static double RelativeWidth(long dimension)
    {
        // P/m² - 1 = expm1(-2 log(m/√P)), computed without cancellation.
        double t = -2 * LogChiMeanOverSqrtP(Positive(dimension));
        return Math.Sqrt(Math.Abs(t) < 1e-5 ? t + t * t / 2 + t * t * t / 6 : Math.Exp(t) - 1);
    }

    /// <summary>The large-P approximation 1/√(2P) of <see cref="RelativeWidth"/>.</summary>
    public static double AsymptoticRelativeWidth(long dimension) => 1 / Math.Sqrt(2.0 * Positive(dimension));

    /// <summary>The peak σ√(P-1) of the radial density Eq. 2.</summary>
    public static double ModeRadius(long dimension, double sigma = 1.0) => sigma * Math.Sqrt(Positive(dimension) - 1);

    /// <summary>Per-parameter initialization variances of <see cref="FlatModel.InitialParameters"/>: 2/fan_in for weights, 0 for (zero) biases.</summary>
    public static double[] KaimingVariances(FlatModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var v = new double[model.ParameterCount];
        foreach (var b in model.Blocks.Where(b => !b.IsBias))
            Array.Fill(v, 2.0 / b.FanIn, (int)b.Offset, (int)b.Count);
        return v;
    }

    /// <summary>E‖θ‖² = Σ σ_i².</summary>
    public static double ExpectedSquaredRadius(IReadOnlyList<double> variances) => Check(variances).Sum();

    /// <summary>Participation ratio P_eff = (Σ σ_i²)²/Σ σ_i⁴: Var‖θ‖² = 2Σσ⁴ = 2(E‖θ‖²)²/P_eff, so the relative width of
    /// ‖θ‖ is ≈ 1/√(2 P_eff), and the cosine of two independent draws has variance ≈ 1/P_eff (Sagun et al. Sec. 4.1).</summary>
    public static double EffectiveDimension(IReadOnlyList<double> variances)
    {
        // Scaled by the largest variance: Σσ⁴ neither overflows (σ² ≳ 1e154) nor underflows to 0 (σ² ≲ 1e-162).
        double max = Check(variances).Max();
        if (max == 0) throw new ArgumentException("all variances are zero", nameof(variances));
        double s2 = variances.Sum(v => v / max), s4 = variances.Sum(v => v / max * (v / max));
        return s2 * s2 / s4;
    }

    /// <summary>log Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, 9 terms; relative error ~1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0) || !double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "log Γ needs a finite x > 0");
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        double a = LanczosCoefficients[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += LanczosCoefficients[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    private static readonly double[] LanczosCoefficients =
    {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    };

    private static IReadOnlyList<double> Check(IReadOnlyList<double> variances)
    {
        ArgumentNullException.ThrowIfNull(variances);
        if (variances.Count == 0 || variances.Any(v => !(v >= 0) || !double.IsFinite(v)))
            throw new ArgumentException("variances must be a non-empty list of finite values ≥ 0", nameof(variances));
        return variances;
    }

    private static long Positive(long dimension) =>
        dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension P must be ≥ 1");
}
