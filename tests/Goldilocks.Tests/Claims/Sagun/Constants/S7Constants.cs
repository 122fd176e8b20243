namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S7 margins (specs/S7): medians over consecutive seeds, calibrated on the windows starting at seeds 0..19.</summary>
internal static class S7Constants
{
    /// <summary>Consecutive seeds per median</summary>
    public const int Window = 5;

    /// <summary>Cluster separation of the data</summary>
    public const double Separation = 2.0;

    /// <summary>Median λ1(large batch)/λ1(small batch) must exceed this; calibrated min 1.048, median 1.163, max 1.192 (per seed ≤ 1 on 3 of 24)</summary>
    public const double MinTopRatio = 1;

    /// <summary>Window max of the loss above the chord between the two solutions; calibrated median 5.8e-4, max 8.8e-3</summary>
    public const double MaxBarrier = 0.02;
}
