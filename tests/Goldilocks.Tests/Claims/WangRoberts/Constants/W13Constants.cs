namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W13 margins and sizes (specs/W13).</summary>
internal static class W13Constants
{
    /// <summary>Smallest Spearman ρ(log η, accuracy) of each row of the Fig. 7 reference table</summary>
    public const double MinSpearman = 0.9;

    /// <summary>GD steps per rate of the laptop sweep</summary>
    public const int SweepSteps = 30;

    /// <summary>Test samples of the laptop sweep</summary>
    public const int TestSamples = 64;

    /// <summary>Final train loss the two stable rates must reach</summary>
    public const double MaxTrainLoss = 1.2;
}
