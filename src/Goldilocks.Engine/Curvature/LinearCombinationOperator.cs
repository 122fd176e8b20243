using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// Σᵢ cᵢ Aᵢ for operators of one size, dtype and device: the sum, difference and scaling of
/// <see cref="OperatorAlgebra"/> (e.g. H − G, which is the H-term of paper 000 Eq. 4). A product costs one product of
/// each term.
/// </summary>
public sealed class LinearCombinationOperator : ICurvatureOperator
{
    private readonly (double Coefficient, ICurvatureOperator Operator)[] _terms;

    /// <summary>Σᵢ cᵢ Aᵢ over <paramref name="terms"/> (at least one; all of the same size, dtype and device; finite
    /// coefficients).</summary>
    public LinearCombinationOperator(IEnumerable<(double Coefficient, ICurvatureOperator Operator)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = terms.ToArray();
        if (_terms.Length == 0) throw new ArgumentException("a linear combination needs at least one operator", nameof(terms));
        var first = _terms[0].Operator ?? throw new ArgumentException("operator 0 is null", nameof(terms));
        for (int i = 0; i < _terms.Length; i++)
        {
            var (c, op) = _terms[i];
            if (op is null) throw new ArgumentException($"operator {i} is null", nameof(terms));
            if (!double.IsFinite(c)) throw new ArgumentException($"coefficient {i} must be finite, got {c}", nameof(terms));
            if (op.Size != first.Size)
                throw new ArgumentException($"operator {i} ({op.GetType().Name}) has size {op.Size}, operator 0 ({first.GetType().Name}) has {first.Size}", nameof(terms));
            if (op.DType != first.DType)
                throw new ArgumentException($"operator {i} ({op.GetType().Name}) has dtype {op.DType}, operator 0 ({first.GetType().Name}) has {first.DType}", nameof(terms));
            if (op.Device.ToString() != first.Device.ToString())
                throw new ArgumentException($"operator {i} ({op.GetType().Name}) is on {op.Device}, operator 0 ({first.GetType().Name}) on {first.Device}", nameof(terms));
        }
        Size = first.Size;
        DType = first.DType;
        Device = first.Device;
    }

    /// <summary>The terms (cᵢ, Aᵢ).</summary>
    public IReadOnlyList<(double Coefficient, ICurvatureOperator Operator)> Terms => _terms;

    /// <inheritdoc/>
    public long Size { get; }

    /// <inheritdoc/>
    public ScalarType DType { get; }

    /// <inheritdoc/>
    public Device Device { get; }

    /// <inheritdoc/>
    public Tensor Apply(Tensor v)
    {
        this.CheckVector(v);
        using var scope = torch.NewDisposeScope();
        Tensor? total = null;
        foreach (var (c, op) in _terms)
        {
            var part = op.Apply(v);
            total = total is null ? part.mul_(c) : total.add_(part, alpha: c);
        }
        return Guard.FiniteResult(total!, "the linear combination's product").MoveToOuterDisposeScope();
    }
}
