using Goldilocks.Curvature;
using Goldilocks.Runtime;

namespace Goldilocks.Spectral;

/// <summary>Eigen-decomposition of a small dense symmetric matrix (ascending eigenvalues), computed in float64.</summary>
/// <param name="Eigenvalues">Eigenvalues, ascending.</param>
/// <param name="Eigenvectors">Unit eigenvectors as columns [n, n], float64 on the CPU.</param>
/// <param name="Asymmetry">‖A − Aᵀ‖_F / ‖A‖_F of the input, removed before decomposing.</param>
public sealed record EigenDecomposition(double[] Eigenvalues, Tensor Eigenvectors, double Asymmetry);

/// <summary>Dense symmetric eigen-decompositions (LAPACK via torch.linalg) for small matrices and materialised operators.</summary>
public static class SymmetricEigen
{
    /// <summary>Relative asymmetry ‖A - Aᵀ‖_F / ‖A‖_F above which a matrix is rejected as not symmetric.</summary>
    public const double SymmetryTolerance = 1e-6;

    /// <summary>Eigenvalues (ascending) of a symmetric matrix; the round-off asymmetry is removed by (A + Aᵀ)/2.</summary>
    public static double[] Eigenvalues(Tensor matrix)
    {
        using var scope = torch.NewDisposeScope();
        var sym = Symmetrize(matrix, out _);
        return torch.linalg.eigvalsh(sym).data<double>().ToArray();
    }

    /// <summary>Eigenvalues (ascending) of a small operator, materialised densely first (<see cref="DenseMaterializer"/>).</summary>
    public static double[] Eigenvalues(ICurvatureOperator op) => Eigenvalues(DenseMaterializer.Materialize(op));

    /// <summary>Eigenvalues (ascending) and eigenvectors (columns, float64, on the CPU).</summary>
    public static EigenDecomposition Decompose(Tensor matrix)
    {
        using var scope = torch.NewDisposeScope();
        var sym = Symmetrize(matrix, out double asym);
        var (values, vectors) = torch.linalg.eigh(sym);
        return new EigenDecomposition(values.data<double>().ToArray(), vectors.MoveToOuterDisposeScope(), asym);
    }

    private static Tensor Symmetrize(Tensor matrix, out double asymmetry)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.dim() != 2 || matrix.shape[0] != matrix.shape[1])
            throw new ArgumentException($"a square matrix is required, got [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        Guard.Finite(matrix, nameof(matrix));
        var a = matrix.to(ScalarType.Float64).cpu();
        double norm = torch.linalg.matrix_norm(a).ToDouble();
        asymmetry = norm == 0 ? 0 : torch.linalg.matrix_norm(a - a.t()).ToDouble() / norm;
        if (asymmetry > SymmetryTolerance)
            throw new ArgumentException($"matrix is not symmetric: ‖A - Aᵀ‖_F/‖A‖_F = {asymmetry:E3}", nameof(matrix));
        return (a + a.t()) / 2;
    }
}
