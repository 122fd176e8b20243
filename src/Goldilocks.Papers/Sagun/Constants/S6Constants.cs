namespace Goldilocks.Papers.Sagun;

/// <summary>S6 margins (specs/S6): medians over consecutive seeds, calibrated on the windows starting at seeds 0..19.</summary>
internal static class S6Constants
{
    /// <summary>Consecutive seeds per median</summary>
    public const int Window = 5;

    /// <summary>Median λ1(width 32)/λ1(width 8) must lie in (1/MaxTopRatio, MaxTopRatio); calibrated min 0.636, median 0.917, max 1.526 (P-proportional scaling gives 4)</summary>
    public const double MaxTopRatio = 2;

    /// <summary>Largest |λmin|/λmax over the window; calibrated at most 0.0569 (0.0626 over 50 windows)</summary>
    public const double MaxNegative = 0.1;

    /// <summary>Training steps of the null: the same nets at their Kaiming initialization</summary>
    public const int NullSteps = 0;
}
