namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G13 tolerances, sizes and discard limit (specs/G13).</summary>
internal static class G13Constants
{
    /// <summary>FsCheck cases of each Eq. 8 property</summary>
    public const int PropertyCases = 100;

    /// <summary>Largest number of discarded (one-hot p) cases per property run; FsCheck gives up and the test fails beyond it (at the fixed seed the runs pass with a limit of 1)</summary>
    public const int MaxDiscards = 10;

    /// <summary>Relative tolerance of Eq. 8 against Tr/‖·‖_F of Eq. 7</summary>
    public const double Eq8Rtol = 1e-9;

    /// <summary>Tolerance of the App. B eigenvalues relative to the largest |λ|</summary>
    public const double SpectrumRtol = 1e-10;

    /// <summary>Relative round-off slack of "Eq. 8 is largest at uniform p"</summary>
    public const double UniformRtol = 1e-12;

    /// <summary>Monte Carlo draws of the G-term sample mean</summary>
    public const int Draws = 4000;

    /// <summary>Largest |mean − Eq. 7| / standard error over the entries</summary>
    public const double ZBound = 5.0;
}
