using Goldilocks.Runtime;

namespace Goldilocks.Spectral;

/// <summary>Positive curvature Tr(A)/‖A‖_F (paper 000 Eq. 2) of an explicit symmetric matrix.</summary>
public static class PositiveCurvature
{
    /// <summary>Tr(A)/‖A‖_F; throws when A = 0, where the ratio is undefined, and (OverflowException) when ‖A‖_F overflows float64.</summary>
    public static double Of(Tensor matrix)
    {
        Guard.Finite(matrix, nameof(matrix));
        if (matrix.dim() != 2 || matrix.shape[0] != matrix.shape[1])
            throw new ArgumentException($"a square matrix is required, got [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        using var scope = torch.NewDisposeScope();
        var a = matrix.to(ScalarType.Float64);
        double frob = torch.linalg.matrix_norm(a).ToDouble();
        Guard.FiniteResult(frob, "‖A‖_F");   // finite entries whose squares overflow float64: report it, never Tr(A)/∞ = 0
        if (frob == 0) throw new ArgumentException("positive curvature Tr(A)/‖A‖_F is undefined for the zero matrix", nameof(matrix));
        return torch.trace(a).ToDouble() / frob;
    }
}
