namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S8 margins, tolerances and sizes (specs/S8; calibration over 29 seed offsets).</summary>
internal static class S8Constants
{
    /// <summary>FsCheck cases of the null-space property</summary>
    public const int PropertyCases = 15;

    /// <summary>Eigenvalues at most this share of the largest count as zero</summary>
    public const double ZeroRtol = 1e-12;

    /// <summary>Relative tolerance of the Marchenko-Pastur total mass</summary>
    public const double MassRtol = 1e-9;

    /// <summary>Relative tolerance of the Marchenko-Pastur mean (quadrature)</summary>
    public const double MeanRtol = 1e-5;

    /// <summary>A = P/N of the sample covariances</summary>
    public const double AspectRatio = 0.25;

    /// <summary>Largest relative edge error at P = 400; calibrated max 0.046</summary>
    public const double MaxEdgeError = 0.08;

    /// <summary>Largest KS distance to Marchenko-Pastur at P = 400; calibrated 0.0057-0.0100</summary>
    public const double MaxKs = 0.02;

    /// <summary>P of the spiked samples</summary>
    public const int BbpDimension = 400;

    /// <summary>N of the spiked samples</summary>
    public const int BbpSamples = 1600;

    /// <summary>Spiked draws averaged per spike (one draw fluctuates by ~3%)</summary>
    public const int BbpDraws = 8;

    /// <summary>Relative tolerance of the mean top eigenvalue against its BBP limit</summary>
    public const double BbpRtol = 0.04;

    /// <summary>Tolerance of the closed-form BBP limits</summary>
    public const double LimitRtol = 1e-12;

    /// <summary>Null model of the limit check: population variances 1 ∓ this on the two halves of the coordinates</summary>
    public const double NullVarianceSpread = 0.5;
}
