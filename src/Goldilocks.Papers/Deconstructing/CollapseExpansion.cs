namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// Appendix C of paper 000: the family p(S, ε) (S − 1 entries equal to ε, one entry 1 − (S − 1)ε, the rest 0) and
/// the closed forms of Tr(M)² and ‖M‖_F² for M = diag(p) − ppᵀ along it (Eq. 10-12). With m = S − 1:
/// Tr(M) = 2mε − m(m + 1)ε² and ‖M‖_F² = mε²(1 − ε)² + (m² + 2m)ε²(1 − mε)² + m(m − 1)ε⁴, both exact.
/// </summary>
public static class CollapseExpansion
{
    /// <summary>p(S, ε) with K entries (2 ≤ S ≤ K, 0 &lt; ε ≤ 1/S).</summary>
    public static double[] Probabilities(int s, double epsilon, int classes)
    {
        Check(s, epsilon);
        if (classes < s) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"K must be ≥ S = {s}");
        var p = new double[classes];
        for (int k = 0; k < s - 1; k++) p[k] = epsilon;
        p[s - 1] = 1 - (s - 1) * epsilon;
        return p;
    }

    /// <summary>Tr(M)² along p(S, ε), exact: (2mε − m(m+1)ε²)². Eq. 11's numerator is its ε² term, (4S² − 8S + 4)ε².</summary>
    public static double TraceSquared(int s, double epsilon)
    {
        Check(s, epsilon);
        double m = s - 1, t = 2 * m * epsilon - m * (m + 1) * epsilon * epsilon;
        return t * t;
    }

    /// <summary>‖M‖_F² along p(S, ε), exact. Eq. 11's denominator is its ε² term, (S² + S − 2)ε².</summary>
    public static double FrobeniusSquared(int s, double epsilon)
    {
        Check(s, epsilon);
        double m = s - 1, e = epsilon, big = 1 - m * e;
        return m * e * e * (1 - e) * (1 - e) + (m * m + 2 * m) * e * e * big * big + m * (m - 1) * e * e * e * e;
    }

    /// <summary>ε² coefficient of Tr(M)² (Eq. 11): 4S² − 8S + 4.</summary>
    public static double NumeratorLeadingCoefficient(int s) => 4.0 * s * s - 8.0 * s + 4;

    /// <summary>ε² coefficient of ‖M‖_F² (Eq. 11): S² + S − 2.</summary>
    public static double DenominatorLeadingCoefficient(int s) => (double)s * s + s - 2;

    /// <summary>lim_{ε→0} Γ_p²(S, ε) = 4(S − 1)/(S + 2) (Eq. 11): 3 for S = 10, 1 for S = 2.</summary>
    public static double LimitGammaSquared(int s) => 4.0 * (s - 1) / (s + 2);

    /// <summary>
    /// First-order correction (derived here, not in the paper): Γ_p²(S, ε) = lim · [1 + c₁ε + O(ε²)] with
    /// c₁ = S(S − 2)/(S + 2); it vanishes for S = 2, where Γ_p = 1 exactly for every ε.
    /// </summary>
    public static double FirstOrderCoefficient(int s) => (double)s * (s - 2) / (s + 2);

    /// <summary>Eq. 12, exact: for p(2, ε) the only non-zero eigenvalue of M is 2ε(1 − ε) (the paper's "≈ 2ε").</summary>
    public static double TwoClassEigenvalue(double epsilon)
    {
        Check(2, epsilon);
        return 2 * epsilon * (1 - epsilon);
    }

    private static void Check(int s, double epsilon)
    {
        if (s < 2) throw new ArgumentOutOfRangeException(nameof(s), s, "S must be ≥ 2");
        if (!(epsilon > 0) || epsilon > 1.0 / s) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"ε must be in (0, 1/S = {1.0 / s}]");
    }
}
