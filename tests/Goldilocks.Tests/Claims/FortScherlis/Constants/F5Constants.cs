namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F5 tolerances and sizes (specs/F5).</summary>
internal static class F5Constants
{
    /// <summary>Absolute tolerance of log Γ(0.5)</summary>
    public const double LogGammaSmallRoundOff = 1e-14;

    /// <summary>Absolute tolerance of log Γ(5)</summary>
    public const double LogGammaRoundOff = 1e-13;

    /// <summary>Absolute tolerance of log Γ(101) = log 100!</summary>
    public const double LogGammaLargeRoundOff = 1e-10;

    /// <summary>Relative tolerance of E χ_1, E χ_2, E χ_3</summary>
    public const double ChiMeanRtol = 1e-14;

    /// <summary>P of the isotropic draws</summary>
    public const int Dimension = 500;

    /// <summary>Isotropic radii drawn</summary>
    public const int Draws = 4000;

    /// <summary>Σ of the isotropic draws</summary>
    public const double Sigma = 0.3;

    /// <summary>Mean radius within this many standard errors of σ·E χ_P</summary>
    public const double MaxStandardErrors = 4.5;

    /// <summary>Relative tolerance of the radius spread</summary>
    public const double StdRtol = 0.08;

    /// <summary>Kaiming radii drawn</summary>
    public const int KaimingDraws = 600;

    /// <summary>Mean squared Kaiming radius within this many standard errors √(2/P_eff/draws) of Σσ²</summary>
    public const double KaimingVarianceStandardErrors = 4;

    /// <summary>Relative tolerance of the Kaiming shell width against 1/√(2P_eff)</summary>
    public const double WidthRtol = 0.12;

    /// <summary>The Kaiming shell must be thicker than MinThickening/√(2P)</summary>
    public const double MinThickening = 1.8;
}
