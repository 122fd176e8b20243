using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>An explicit symmetric matrix as an operator (for tests, theory and small dense problems).</summary>
public sealed class MatrixOperator : ICurvatureOperator
{
    public MatrixOperator(Tensor matrix)
    {
        Guard.Finite(matrix, nameof(matrix));
        if (matrix.dim() != 2 || matrix.shape[0] != matrix.shape[1] || matrix.shape[0] == 0)
            throw new ArgumentException($"a non-empty square matrix is required, got [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        Matrix = matrix;
    }

    public Tensor Matrix { get; }
    public long Size => Matrix.shape[0];
    public ScalarType DType => Matrix.dtype;
    public Device Device => Matrix.device;

    public Tensor Apply(Tensor v) => Matrix.matmul(this.CheckVector(v));
}
