using Goldilocks.Runtime;

namespace Goldilocks.Models;

/// <summary>The measured degree of positive homogeneity of a model (paper 000 Sec. 2, "Homogeneous networks").</summary>
/// <param name="Degree">The integer L with f(αθ, x) = α^L f(θ, x) at every tested α, or null when no L up to
/// <paramref name="MaxDegree"/> fits.</param>
/// <param name="RelativeError">max over α of ‖f(αθ) − α^L f(θ)‖ / ‖α^L f(θ)‖ for the best-fitting L (NaN when it could not
/// be computed).</param>
/// <param name="BestDegree">The L with the smallest relative error (equal to <paramref name="Degree"/> when one fits).</param>
/// <param name="Alphas">The scales α tested.</param>
/// <param name="Tolerance">The relative error below which L is accepted.</param>
/// <param name="MaxDegree">The largest L tried.</param>
/// <param name="Reason">Why no degree was found (null when one was).</param>
public sealed record HomogeneityMeasurement(int? Degree, double RelativeError, int BestDegree, IReadOnlyList<double> Alphas,
    double Tolerance, int MaxDegree, string? Reason);

/// <summary>
/// Measures the homogeneity degree of any model: checks f(αθ) = α^L f(θ) on a batch of inputs at several α for
/// L = 1 … <c>maxDegree</c>. Used for modules, whose degree cannot be declared; for the built-in models it cross-checks
/// the declared <see cref="FlatModel.HomogeneityDegree"/>.
/// </summary>
public static class Homogeneity
{
    /// <summary>The scales tested by default: one below 1 and two above (2 and 3 tell L apart from powers of each other).</summary>
    public static readonly IReadOnlyList<double> DefaultAlphas = new[] { 0.5, 2.0, 3.0 };

    /// <summary>Default largest degree tried.</summary>
    public const int DefaultMaxDegree = 20;

    /// <summary>Measures the degree of <paramref name="model"/> at θ on <paramref name="inputs"/> (no graph is built).</summary>
    /// <param name="model">The model.</param>
    /// <param name="theta">Parameters [P] at which to measure (finite, not all giving zero logits).</param>
    /// <param name="inputs">A batch [N, ...InputShape] of the model's dtype and device.</param>
    /// <param name="maxDegree">The largest L tried.</param>
    /// <param name="tolerance">Relative error accepted (default 1e-10 for float64, 1e-4 for lower precision).</param>
    /// <param name="alphas">The scales α (positive, ≠ 1; default 0.5, 2, 3).</param>
    public static HomogeneityMeasurement Measure(FlatModel model, Tensor theta, Tensor inputs, int maxDegree = DefaultMaxDegree,
        double? tolerance = null, IReadOnlyList<double>? alphas = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(inputs);
        Guard.InRange(maxDegree, 1, 1000, nameof(maxDegree));
        Guard.Finite(theta, nameof(theta));
        alphas ??= DefaultAlphas;
        if (alphas.Count == 0 || alphas.Any(a => !double.IsFinite(a) || a <= 0 || a == 1))
            throw new ArgumentException("every α must be a positive finite number other than 1", nameof(alphas));
        double tol = tolerance ?? (theta.dtype == ScalarType.Float64 ? 1e-10 : 1e-4);
        Guard.PositiveFinite(tol, nameof(tolerance));

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var f0 = model.Forward(theta, inputs);
        double norm0 = f0.norm().ToDouble();
        HomogeneityMeasurement None(double error, int best, string reason) => new(null, error, best, alphas.ToArray(), tol, maxDegree, reason);
        if (!double.IsFinite(norm0)) return None(double.NaN, 0, "f(θ) is not finite on the probe batch");
        if (norm0 == 0) return None(double.NaN, 0, "f(θ) = 0 on the probe batch, so the degree cannot be measured");
        var scaled = alphas.Select(a => model.Forward(theta * a, inputs)).ToArray();

        int bestDegree = 1;
        double bestError = double.PositiveInfinity;
        for (int degree = 1; degree <= maxDegree; degree++)
        {
            double error = 0;
            for (int i = 0; i < alphas.Count; i++)
            {
                double power = Math.Pow(alphas[i], degree);
                error = Math.Max(error, (scaled[i] - f0 * power).norm().ToDouble() / (norm0 * power));
            }
            if (error < bestError) (bestDegree, bestError) = (degree, error);
        }
        if (bestError <= tol) return new HomogeneityMeasurement(bestDegree, bestError, bestDegree, alphas.ToArray(), tol, maxDegree, null);
        if (!double.IsFinite(bestError)) return None(bestError, bestDegree, "f(αθ) is not finite on the probe batch");
        return None(bestError, bestDegree,
            $"f(αθ) ≠ α^L f(θ) for every L in 1..{maxDegree} at α = {string.Join(", ", alphas)}: the closest, L = {bestDegree}, " +
            $"is off by {bestError:E2} relative (tolerance {tol:E0}); biases or a non-homogeneous activation (e.g. tanh) break homogeneity");
    }
}
