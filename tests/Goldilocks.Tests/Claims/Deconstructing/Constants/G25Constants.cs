namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G25 tolerances and sizes (specs/G25).</summary>
internal static class G25Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 10;

    /// <summary>Α^L of the down-scaled net</summary>
    public const double ScaledOutput = 1e-12;

    /// <summary>States are compared while α^L · spread(z) stays below this</summary>
    public const double UniformDeparture = 1e-9;

    /// <summary>Largest relative deviation of USO vs the down-scaled net over those states; measured ≤ 2.0e-12</summary>
    public const double Rtol = 1e-8;

    /// <summary>With non-uniform output the USO update must differ by more than this</summary>
    public const double MinControlDeviation = 1e-3;
}
