namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W11 tolerances of the subspace machinery (specs/W11).</summary>
internal static class W11Constants
{
    /// <summary>1 − Grassmann similarity of the tracked top-3 subspace to dense eigh</summary>
    public const double TrackingSubspaceTolerance = 1e-8;

    /// <summary>Relative tolerance of basis-free and self-similarity identities, and the slack of the principal-cosine bound</summary>
    public const double SimilarityRtol = 1e-12;

    /// <summary>Grassmann similarity of orthogonal subspaces (0 up to round-off squared)</summary>
    public const double OrthogonalSimilarityMax = 1e-24;

    /// <summary>Relative tolerance of Grassmann distance = √Σθ²</summary>
    public const double DistanceRtol = 1e-14;
}
