namespace Goldilocks.Spectral;

/// <summary>
/// Eigenpairs returned by every iterative eigen-solver of the engine (<see cref="Lanczos"/>,
/// <see cref="PowerIteration"/>, <see cref="SubspaceIteration"/>): the values in the solver's order, the unit
/// vectors as the columns of one tensor, the residual ‖Av − λv‖₂ of each pair, the number of operator products spent
/// and whether every returned pair met the solver's tolerance.
/// </summary>
/// <param name="Eigenvalues">The k eigenvalue estimates, ordered from the requested end of the spectrum (for
/// <see cref="PowerIteration"/>, the one eigenvalue of largest magnitude, with its sign).</param>
/// <param name="Eigenvectors">The matching unit eigenvector estimates as the columns of an [n, k] tensor, in the
/// operator's dtype and device; the caller owns it.</param>
/// <param name="Residuals">‖Av − λv‖₂ of each pair (Lanczos reports the β_m|s_m| bound, equal to it in exact
/// arithmetic).</param>
/// <param name="Iterations">Operator products spent (one per vector for block methods).</param>
/// <param name="Converged">True when every returned pair has residual ≤ tolerance·max(|λ|) (the solver's own
/// criterion), or an invariant subspace was found.</param>
public sealed record EigenResult(double[] Eigenvalues, Tensor Eigenvectors, double[] Residuals, int Iterations, bool Converged)
{
    /// <summary>The first eigenvalue: the largest one for <see cref="SpectrumEnd.LargestAlgebraic"/> (the sharpness
    /// when the operator is the Hessian).</summary>
    public double Top => Eigenvalues[0];

    /// <summary>Number of returned pairs.</summary>
    public int Count => Eigenvalues.Length;

}
