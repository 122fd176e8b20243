namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S1 tolerances and case counts (specs/S1).</summary>
internal static class S1Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 8;

    /// <summary>Relative tolerance of H and the G-term against (1/N)Σ(diag p − ppᵀ)/T² ⊗ xxᵀ</summary>
    public const double Rtol = 1e-12;

    /// <summary>‖H-term‖ of the linear model relative to ‖closed form‖</summary>
    public const double HTermRtol = 1e-13;
}
