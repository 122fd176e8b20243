namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G5 tolerances and sizes (specs/G5).</summary>
internal static class G5Constants
{
    /// <summary>GD steps per trajectory</summary>
    public const int Steps = 8;

    /// <summary>Learning rate of the unscaled trajectory</summary>
    public const double Eta = 0.05;

    /// <summary>FsCheck cases of each property</summary>
    public const int PropertyCases = 10;

    /// <summary>Largest max_t ‖θ'_t/α − θ_t‖/‖θ_t‖ of the equivalent trajectories</summary>
    public const double Rtol = 1e-9;

    /// <summary>The unscaled learning rate must break the equivalence by more than this</summary>
    public const double MinControlDeviation = 1e-2;
}
