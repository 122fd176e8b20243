using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>An explicit symmetric matrix as an operator (for tests, theory and small dense problems).</summary>
public sealed class MatrixOperator : ICurvatureOperator
{
    /// <summary>Wraps a finite, non-empty square <paramref name="matrix"/> (symmetry is the caller's promise; it is not checked).</summary>
    public MatrixOperator(Tensor matrix)
    {
        Guard.Finite(matrix, nameof(matrix));
        if (matrix.dim() != 2 || matrix.shape[0] != matrix.shape[1] || matrix.shape[0] == 0)
            throw new ArgumentException($"a non-empty square matrix is required, got [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        Matrix = matrix;
    }

    /// <summary>The wrapped matrix A.</summary>
    public Tensor Matrix { get; }
    /// <inheritdoc/>
    public long Size => Matrix.shape[0];
    /// <inheritdoc/>
    public ScalarType DType => Matrix.dtype;
    /// <inheritdoc/>
    public Device Device => Matrix.device;

    /// <inheritdoc/>
    public Tensor Apply(Tensor v) => Matrix.matmul(this.CheckVector(v));
}
