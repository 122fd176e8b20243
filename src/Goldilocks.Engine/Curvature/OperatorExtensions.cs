using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>Helpers for implementing and applying any <see cref="ICurvatureOperator"/>.</summary>
public static class OperatorExtensions
{
    /// <summary>Validates a vector for <see cref="ICurvatureOperator.Apply"/>.</summary>
    public static Tensor CheckVector(this ICurvatureOperator op, Tensor v, string name = "v")
    {
        ArgumentNullException.ThrowIfNull(v, name);
        Guard.Shape(v, name, op.Size);
        Guard.SameDTypeAndDevice(v, op.DType, op.Device, name);
        return Guard.Finite(v, name);
    }

    /// <summary>A V for a block of column vectors V [n, m], one product per column.</summary>
    public static Tensor ApplyColumns(this ICurvatureOperator op, Tensor columns)
    {
        if (columns.dim() != 2 || columns.shape[0] != op.Size)
            throw new ArgumentException($"columns must have shape [{op.Size}, m], got [{string.Join(", ", columns.shape)}]", nameof(columns));
        using var scope = torch.NewDisposeScope();
        var outs = new List<Tensor>();
        for (long j = 0; j < columns.shape[1]; j++) outs.Add(op.Apply(columns[.., (int)j].contiguous()));
        return torch.stack(outs, 1).MoveToOuterDisposeScope();
    }
}
