namespace Goldilocks.Papers.WangRoberts;

/// <summary>W9 margins and sizes (specs/W9; calibration: WangRobertsEdgeOfStabilityCalibration, seeds 0..107).</summary>
internal static class W9Constants
{
    /// <summary>Runs that start below the edge (ηS/2 &lt; 1) whose medians are checked</summary>
    public const int Window = 5;

    /// <summary>Seeds tried, in order, to find Window stable starts</summary>
    public const int MaxSeeds = 10;

    /// <summary>Median rise of ηS/2 from step 0 to the late window</summary>
    public const double MinRise = 0.05;

    /// <summary>Median fraction of late records with ηS/2 in [0.8, 1.3]</summary>
    public const double MinFractionNear = 0.8;

    /// <summary>Plain-GD runs whose step-to-step loss increases are counted</summary>
    public const int LossWindow = 10;

    /// <summary>Total loss increases over LossWindow runs (non-monotone training)</summary>
    public const int MinLossIncreases = 1;

    /// <summary>Median final/initial loss</summary>
    public const double MaxLossFraction = 0.05;

    /// <summary>Relative tolerance of the tracked top eigenvalues against dense eigh</summary>
    public const double TrackingRtol = 1e-9;
}
