namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S3 tolerances and case counts (specs/S3).</summary>
internal static class S3Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 6;

    /// <summary>Relative tolerance of H = G at interpolation</summary>
    public const double Rtol = 1e-12;

    /// <summary>‖H-term‖ relative to ‖H‖ at interpolation</summary>
    public const double HTermRtol = 1e-13;

    /// <summary>With non-zero residuals ‖H − G‖/‖H‖ must exceed this</summary>
    public const double MinResidualGap = 1e-2;
}
