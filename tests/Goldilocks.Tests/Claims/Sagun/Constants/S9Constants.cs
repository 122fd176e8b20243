namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S9 margins and sizes (specs/S9).</summary>
internal static class S9Constants
{
    /// <summary>Pairs of initializations</summary>
    public const int Pairs = 1500;

    /// <summary>P_eff·E[cos²] must lie within this many standard errors √(2/Pairs) of 1</summary>
    public const double VarianceStandardErrors = 4;

    /// <summary>KS distance must be below KsCritical/√Pairs (the 1% critical value)</summary>
    public const double KsCritical = 1.63;

    /// <summary>With P instead of P_eff the Kaiming variance P·E[cos²] must exceed this</summary>
    public const double MinMisfit = 3;
}
