using Goldilocks.Curvature;

namespace Goldilocks.Spectral;

/// <summary>
/// A solver for the top eigenpairs of a symmetric operator, the pluggable part of
/// <see cref="Training.EigenTracking"/>: <see cref="LanczosSolver"/> (converged to a tolerance at every call) or
/// <see cref="WarmStartedSubspaceIteration"/> (a few block products per call, started from the previous call's block).
/// </summary>
public interface IEigenSolver
{
    /// <summary>At least <paramref name="k"/> eigenpairs of <paramref name="op"/> from the largest eigenvalue down;
    /// the caller owns the vectors of the result.</summary>
    EigenResult Solve(ICurvatureOperator op, int k);
}
