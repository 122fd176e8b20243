using System.Text.Json.Serialization;
using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Spectral;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// The Fig. 1-2 statistics at one point θ = α·θ₀: the loss, ‖∇L‖, curvature summaries of the projected H, G-term and
/// H-term (paper 000 Eq. 2, 4 on a random d-dimensional subspace), the mean softmax entropy and the share of collapsed
/// (one-hot) outputs. The record is what <c>curvature</c>, <c>zone</c> and <c>temperature</c> write, serialised as it is.
/// </summary>
/// <param name="Alpha">Scale α of the point θ = αθ₀.</param>
/// <param name="Temperature">Softmax temperature T.</param>
/// <param name="Seed">Seed of θ₀ and of the subspace.</param>
/// <param name="Hessian">Summary of the projected Hessian VᵀHV.</param>
/// <param name="GTerm">Summary of the projected G-term.</param>
/// <param name="HTerm">Summary of the projected H-term.</param>
/// <param name="Loss">Mean loss at θ.</param>
/// <param name="GradientNorm">‖∇L(θ)‖ in the full parameter space.</param>
/// <param name="MeanEntropy">Mean softmax entropy.</param>
/// <param name="CollapsedFraction">Share of samples whose softmax is one-hot (<see cref="CurvatureProbe.CollapseTolerance"/>).</param>
/// <param name="FullSpace">λ_max and Tr of the same three operators in all P dimensions, when measured (<c>curvature</c>);
/// null, and absent from the JSON, otherwise.</param>
public sealed record CurvaturePoint(
    double Alpha, double Temperature, long Seed,
    double Loss, double GradientNorm, double MeanEntropy, double CollapsedFraction,
    CurvatureSummary Hessian, CurvatureSummary GTerm, CurvatureSummary HTerm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FullSpaceCurvature? FullSpace = null)
{
    /// <summary>PC(H), or 0 when H is the zero matrix (no curvature at all).</summary>
    [JsonIgnore]
    public double HessianPC => Hessian.PositiveCurvature ?? 0;

    /// <summary>PC(G), or 0 when the G-term vanished (softmax collapse).</summary>
    [JsonIgnore]
    public double GTermPC => GTerm.PositiveCurvature ?? 0;

    /// <summary>‖G‖₂ / ‖H-term‖₂ (Eq. 6), +∞ when the H-term is zero.</summary>
    [JsonIgnore]
    public double DominanceRatio => HTerm.SpectralNorm > 0 ? GTerm.SpectralNorm / HTerm.SpectralNorm : double.PositiveInfinity;

    /// <summary>The three projected operators in report order, under the names the JSON and CSV use.</summary>
    public IEnumerable<(string Name, CurvatureSummary Summary)> Operators()
    {
        yield return (CurvatureProbe.OperatorNames[0], Hessian);
        yield return (CurvatureProbe.OperatorNames[1], GTerm);
        yield return (CurvatureProbe.OperatorNames[2], HTerm);
    }
}

/// <summary>Measures the Fig. 1-2 statistics (<see cref="CurvaturePoint"/>) of a model at one point θ, and the softmax output statistics they need.</summary>
public static class CurvatureProbe
{
    /// <summary>A sample counts as collapsed when 1 − max_k p_k is below this (one-hot in float64 to 8 digits).</summary>
    public const double CollapseTolerance = 1e-8;

    /// <summary>The operators' names in every JSON document and CSV table: the Hessian H, the G-term and the H-term.</summary>
    public static readonly IReadOnlyList<string> OperatorNames = new[] { "hessian", "gTerm", "hTerm" };

    /// <summary>
    /// Measures the point θ (already scaled by α) of <paramref name="objective"/>, whose loss must be cross-entropy (its
    /// temperature and the objective's batch size are used as they are), on the subspace spanned by <paramref name="basis"/> [P, d];
    /// with <paramref name="fullSpace"/>, also in the full space (<see cref="FullSpaceCurvature"/>, solver seed <paramref name="seed"/>).
    /// </summary>
    public static CurvaturePoint Measure(Objective objective, Tensor theta, Tensor basis, double alpha = 1.0, long seed = 0, FullSpaceOptions? fullSpace = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var loss = objective.Loss as CrossEntropy
                   ?? throw new ArgumentException($"the curvature probe measures cross-entropy, got {objective.Loss.GetType().Name}", nameof(objective));
        using var scope = torch.NewDisposeScope();
        var (value, gradient) = objective.ValueAndGradient(theta);
        using var point = new LinearizationPoint(objective, theta);
        using var projected = ProjectedCurvature.Compute(point, basis);
        var (entropy, collapsed) = OutputStatistics(objective, theta, loss);
        var full = fullSpace is null ? null : FullSpaceCurvature.Measure(point, fullSpace, seed);
        return new CurvaturePoint(alpha, loss.Temperature, seed, value, gradient.norm().ToDouble(), entropy, collapsed,
            Summarize(projected.Hessian), Summarize(projected.GTerm), Summarize(projected.HTerm), full);
    }

    /// <summary>Mean softmax entropy and the fraction of samples whose softmax is one-hot.</summary>
    public static (double MeanEntropy, double CollapsedFraction) OutputStatistics(Objective objective, Tensor theta, CrossEntropy loss)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(loss);
        using var scope = torch.NewDisposeScope();
        var logp = torch.nn.functional.log_softmax(objective.Logits(theta) / loss.Temperature, 1);
        return (Entropies(logp).mean().ToDouble(), CollapsedFraction(logp.exp()));
    }

    /// <summary>Entropy −Σ_k p_k log p_k of each row of log-probabilities [N, K] (0·log 0 = 0).</summary>
    public static Tensor Entropies(Tensor logProbabilities) =>
        -(logProbabilities.exp() * logProbabilities).nan_to_num(0.0).sum(1);

    /// <summary>Fraction of rows of p [N, K] that are one-hot: 1 − max_k p_k below <see cref="CollapseTolerance"/>.</summary>
    public static double CollapsedFraction(Tensor probabilities)
    {
        using var scope = torch.NewDisposeScope();
        return ((1 - probabilities.max(1).values) < CollapseTolerance).to(ScalarType.Float64).mean().ToDouble();
    }

    /// <summary>
    /// Curvature summary of the symmetric part (A + Aᵀ)/2. A projected matrix is assembled from d operator products and
    /// is symmetric only up to their round-off; at extreme α (a G-term of 1e-30·‖H‖ under softmax collapse) that
    /// round-off can be a visible fraction of the matrix itself, so the symmetric part is summarised, as Eq. 2 intends.
    /// </summary>
    public static CurvatureSummary Summarize(Tensor matrix)
    {
        using var scope = torch.NewDisposeScope();
        return CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues((matrix + matrix.T) / 2));
    }
}
