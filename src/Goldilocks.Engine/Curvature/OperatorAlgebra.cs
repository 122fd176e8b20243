namespace Goldilocks.Curvature;

/// <summary>
/// Sums, differences and multiples of operators (the operator algebra of curvlinops and hessian-eigenthings), e.g.
/// <c>new HessianOperator(point).Minus(new GTermOperator(point))</c>, which equals the H-term. Operands must agree in
/// size, dtype and device (an <see cref="ArgumentException"/> says which differs).
/// </summary>
public static class OperatorAlgebra
{
    /// <summary>A + B.</summary>
    public static LinearCombinationOperator Plus(this ICurvatureOperator a, ICurvatureOperator b) => Combine(a, 1, b, 1);

    /// <summary>A − B.</summary>
    public static LinearCombinationOperator Minus(this ICurvatureOperator a, ICurvatureOperator b) => Combine(a, 1, b, -1);

    /// <summary>c A.</summary>
    public static LinearCombinationOperator Scale(this ICurvatureOperator a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new LinearCombinationOperator(new[] { (c, a) });
    }

    private static LinearCombinationOperator Combine(ICurvatureOperator a, double ca, ICurvatureOperator b, double cb)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new LinearCombinationOperator(new[] { (ca, a), (cb, b) });
    }
}
