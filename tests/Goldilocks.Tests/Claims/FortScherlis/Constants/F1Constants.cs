namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>F1 tolerances and sizes (specs/F1).</summary>
internal static class F1Constants
{
    /// <summary>FsCheck cases of the hyperplane property</summary>
    public const int PropertyCases = 8;

    /// <summary>Relative tolerance of d²L(P + Mw)/dw² and ∇²_w L(θ₀ + Vw) against MᵀHM</summary>
    public const double Rtol = 1e-10;

    /// <summary>The hypersphere's surface Hessian must differ from MᵀHM by more than this</summary>
    public const double MinSphereGap = 1e-3;

    /// <summary>Step h of the central differences</summary>
    public const double FiniteDifferenceStep = 1e-5;

    /// <summary>Relative tolerance of the chain-rule gradient against O(h²) central differences</summary>
    public const double GradientRtol = 1e-7;

    /// <summary>Subspace dimension of the restriction test cases</summary>
    public const int RestrictionDimension = 5;
}
