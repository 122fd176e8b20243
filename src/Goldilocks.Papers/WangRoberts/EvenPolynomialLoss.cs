
namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// The loss z(Θ) of a diagonal linear network as a function of its output Θ (Wang &amp; Roberts Sec. 3.1): a
/// non-negative convex even polynomial z(Θ) = Σ_j c_j Θ^{q_j} with even q_j ≥ 2 and c_j ≥ 0, unique minimum at 0.
/// <see cref="Monomial"/> gives z = Θ^q. Values and derivatives in closed form; <see cref="Apply"/> is the same
/// function on tensors (for autograd oracles and training).
/// </summary>
public sealed class EvenPolynomialLoss
{
    private readonly (int Power, double Coefficient)[] _terms;

    /// <summary>z(Θ) = Σ_j c_j Θ^{q_j} from (q_j, c_j) pairs with every q_j even ≥ 2 and c_j &gt; 0.</summary>
    public EvenPolynomialLoss(params (int Power, double Coefficient)[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Length == 0) throw new ArgumentException("z needs at least one term", nameof(terms));
        foreach (var (p, c) in terms)
        {
            if (p < 2 || p % 2 != 0) throw new ArgumentOutOfRangeException(nameof(terms), p, $"every power must be even and ≥ 2, got {p}");
            Guard.PositiveFinite(c, "coefficient");
        }
        _terms = terms.ToArray();
    }

    /// <summary>z(Θ) = Θ^q (q even ≥ 2).</summary>
    public static EvenPolynomialLoss Monomial(int q) => new((q, 1.0));

    /// <summary>True when z has a single term: then r₂ = 2(z' + z''Θ)/z'' is exactly proportional to Θ (App. B.2).</summary>
    public bool IsMonomial => _terms.Length == 1;

    /// <summary>The degree max_j q_j (q for a monomial z = cΘ^q).</summary>
    public int Degree => _terms.Max(t => t.Power);

    /// <summary>z(Θ).</summary>
    public double Value(double theta) => _terms.Sum(t => t.Coefficient * Math.Pow(theta, t.Power));

    /// <summary>z'(Θ).</summary>
    public double First(double theta) => _terms.Sum(t => t.Coefficient * t.Power * Math.Pow(theta, t.Power - 1));

    /// <summary>z''(Θ).</summary>
    public double Second(double theta) => _terms.Sum(t => t.Coefficient * t.Power * (t.Power - 1) * Math.Pow(theta, t.Power - 2));

    /// <summary>z applied elementwise to a tensor (differentiable).</summary>
    public Tensor Apply(Tensor theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        Tensor? total = null;
        foreach (var (p, c) in _terms)
        {
            var term = theta.pow(p) * c;
            total = total is null ? term : total + term;
        }
        return total!;
    }

    /// <summary>The polynomial, e.g. "z(Θ) = 1Θ^2".</summary>
    public override string ToString() => "z(Θ) = " + string.Join(" + ", _terms.Select(t => $"{t.Coefficient:G4}Θ^{t.Power}"));
}
