namespace Goldilocks.Papers.Deconstructing;

/// <summary>G16 margins (specs/G16; calibration over 50 seeds).</summary>
internal static class G16Constants
{
    /// <summary>Smallest last-layer gradient cosine (data vs Gaussian noise) at α = 1; calibrated min 0.225</summary>
    public const double MinLastLayerCosine = 0.2;

    /// <summary>Largest |last-layer cosine| at α = 0.01 (uniform output); calibrated max 0.298</summary>
    public const double MaxUniformCosine = 0.35;

    /// <summary>Smallest paired gap between the two; calibrated min 0.169</summary>
    public const double MinGap = 0.1;
}
