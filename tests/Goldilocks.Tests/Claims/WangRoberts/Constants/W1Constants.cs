namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W1 tolerances and case counts (specs/W1).</summary>
internal static class W1Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 100;

    /// <summary>Per-component slack of the GD step relative to (1 + ηλ_max)‖θ‖</summary>
    public const double RoundOff = 1e-12;

    /// <summary>Relative tolerance of the loss change Σ½λc²((1−ηλ)²−1)</summary>
    public const double LossRtol = 1e-11;

    /// <summary>Relative round-off slack of the descent-lemma bound</summary>
    public const double DescentRtol = 1e-12;
}
