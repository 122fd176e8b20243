using Goldilocks.Spectral;

namespace Goldilocks.Training;

/// <summary>
/// Wang &amp; Roberts App. G (Fig. 10): remove the update component along every Hessian eigen-direction whose
/// eigenvalue exceeds 2/η (learning rate 0 along unstable directions), so d ← d − Σ_{λ_i &gt; 2/η} (v_iᵀd) v_i.
/// <see cref="Directions"/> eigenpairs are computed per step; if all of them are unstable some may be missed, which
/// <see cref="Apply"/> reports as an exception rather than silently.
/// </summary>
public sealed class EigenDirectionSuppression(int directions = 8)
{
    /// <summary>Number of top eigenpairs computed per step (≥ 1).</summary>
    public int Directions { get; } = directions >= 1 ? directions
        : throw new ArgumentOutOfRangeException(nameof(directions), directions, "at least one direction must be computed");

    /// <summary>The update direction with its components along every eigenvector of <paramref name="pairs"/> whose eigenvalue exceeds 2/<paramref name="learningRate"/> removed, and how many were removed; throws when every computed eigenvalue is unstable.</summary>
    public (Tensor Direction, int Suppressed) Apply(Tensor direction, EigenResult pairs, double learningRate)
    {
        double limit = 2 / learningRate;
        int unstable = pairs.Eigenvalues.Count(l => l > limit);
        if (unstable == pairs.Eigenvalues.Length)
            throw new InvalidOperationException($"all {unstable} computed eigenvalues exceed 2/η = {limit:G6}; compute more directions");
        if (unstable == 0) return (direction, 0);
        var v = pairs.Eigenvectors.narrow(1, 0, unstable).to(direction.dtype).to(direction.device);
        return (direction - v.matmul(v.t().matmul(direction)), unstable);
    }
}
