namespace Goldilocks.Curvature;

/// <summary>
/// A symmetric matrix A ∈ R^{n×n} known only through products v ↦ Av (the curvlinops design): the Hessian, the
/// G-term, the H-term, a subspace restriction, or an explicit matrix. Algorithms (Lanczos, Hutchinson, dense
/// materialisation) take any operator.
/// </summary>
public interface ICurvatureOperator
{
    /// <summary>n, the side of the square matrix.</summary>
    long Size { get; }

    /// <summary>Floating-point dtype of the vectors the operator takes and returns.</summary>
    ScalarType DType { get; }

    /// <summary>Device of the vectors the operator takes and returns.</summary>
    Device Device { get; }

    /// <summary>Av for v of shape [n] (dtype and device as the operator); returns a new tensor.</summary>
    Tensor Apply(Tensor v);
}
