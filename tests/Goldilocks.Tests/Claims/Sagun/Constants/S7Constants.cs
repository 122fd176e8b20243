namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>S7 margins (specs/S7): medians over consecutive seeds, calibrated on the windows starting at seeds 0..19.</summary>
internal static class S7Constants
{
    /// <summary>Consecutive seeds whose barriers are checked (the first seeds of the ratio window)</summary>
    public const int Window = 5;

    /// <summary>Consecutive seeds per median of λ1(large batch)/λ1(small batch); 5 could not separate the claim from the same-batch null</summary>
    public const int RatioWindow = 25;

    /// <summary>Cluster separation of the data</summary>
    public const double Separation = 2.0;

    /// <summary>Median λ1(large batch)/λ1(small batch) over RatioWindow seeds must exceed this (formerly 1 over 5 seeds, which the same-batch null passed half of the time)</summary>
    public const double MinTopRatio = 1.05;

    /// <summary>Window max of the loss above the chord between the two solutions; calibrated median 5.8e-4, max 8.8e-3</summary>
    public const double MaxBarrier = 0.02;

    /// <summary>Batch size of both runs of the null (the claim's small batch)</summary>
    public const long NullBatch = 10;

    /// <summary>The null's second run draws its batch order from seed + NullSamplingShift (between two sweep offsets' windows)</summary>
    public const long NullSamplingShift = 50_001;
}
