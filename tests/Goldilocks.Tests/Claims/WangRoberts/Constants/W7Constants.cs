namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W7 tolerances (specs/W7).</summary>
internal static class W7Constants
{
    /// <summary>Relative tolerance of the depth-1 Hessian (constant) along the run</summary>
    public const double HessianRtol = 1e-12;

    /// <summary>1 − |cos(v₁(t), v₁(0))| at depth 1</summary>
    public const double DepthOneTolerance = 1e-9;

    /// <summary>Depth 2 must turn v₁ to |cos| below this in one unstable step</summary>
    public const double MaxDepthTwoCosine = 0.99;

    /// <summary>The deep linear net's smallest |cos| over the run must fall below this</summary>
    public const double MaxDeepCosine = 0.999;
}
