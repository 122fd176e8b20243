namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W8 tolerances (specs/W8).</summary>
internal static class W8Constants
{
    /// <summary>Relative tolerance of the sum of multiplications against the forward pass</summary>
    public const double Rtol = 1e-12;

    /// <summary>Σ = I paths must miss a ReLU net with inactive units by more than this</summary>
    public const double MinControlError = 1e-3;
}
