using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Spectral;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// The Fig. 1-2 statistics at one point: curvature summaries of the projected H, G-term and H-term (paper 000 Eq. 2,
/// 4 on a random d-dimensional subspace), the loss, mean softmax entropy and the share of collapsed (one-hot) outputs.
/// </summary>
/// <param name="Alpha">Scale α of the point θ = αθ₀.</param>
/// <param name="Temperature">Softmax temperature T.</param>
/// <param name="Seed">Seed of θ₀ and of the subspace.</param>
/// <param name="Hessian">Summary of the projected Hessian VᵀHV.</param>
/// <param name="GTerm">Summary of the projected G-term.</param>
/// <param name="HTerm">Summary of the projected H-term.</param>
/// <param name="Loss">Mean loss at θ.</param>
/// <param name="MeanEntropy">Mean softmax entropy.</param>
/// <param name="CollapsedFraction">Share of samples whose softmax is one-hot (<see cref="CurvatureProbe.CollapseTolerance"/>).</param>
public sealed record CurvaturePoint(
    double Alpha, double Temperature, long Seed,
    CurvatureSummary Hessian, CurvatureSummary GTerm, CurvatureSummary HTerm,
    double Loss, double MeanEntropy, double CollapsedFraction)
{
    /// <summary>PC(H), or 0 when H is the zero matrix (no curvature at all).</summary>
    public double HessianPC => Hessian.PositiveCurvature ?? 0;

    /// <summary>PC(G), or 0 when the G-term vanished (softmax collapse).</summary>
    public double GTermPC => GTerm.PositiveCurvature ?? 0;

    /// <summary>‖G‖₂ / ‖H-term‖₂ (Eq. 6), +∞ when the H-term is zero.</summary>
    public double DominanceRatio => HTerm.SpectralNorm > 0 ? GTerm.SpectralNorm / HTerm.SpectralNorm : double.PositiveInfinity;
}

/// <summary>Measures the Fig. 1-2 statistics (<see cref="CurvaturePoint"/>) of a model at one point θ, and the softmax output statistics they need.</summary>
public static class CurvatureProbe
{
    /// <summary>A sample counts as collapsed when 1 − max_k p_k is below this (one-hot in float64 to 8 digits).</summary>
    public const double CollapseTolerance = 1e-8;

    /// <summary>Measures the point θ (already scaled) under cross-entropy at <paramref name="temperature"/>.</summary>
    public static CurvaturePoint Measure(FlatModel model, Dataset data, Tensor theta, double temperature, Tensor basis,
        double alpha = 1.0, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = torch.NewDisposeScope();
        var loss = new CrossEntropy(temperature);
        var objective = new Objective(model, data, loss);
        using var point = new LinearizationPoint(objective, theta);
        using var projected = ProjectedCurvature.Compute(point, basis);
        var (meanLoss, entropy, collapsed) = OutputStatistics(objective, theta, loss);
        return new CurvaturePoint(alpha, temperature, seed,
            Summarize(projected.Hessian), Summarize(projected.GTerm), Summarize(projected.HTerm), meanLoss, entropy, collapsed);
    }

    /// <summary>Mean loss, mean softmax entropy and the fraction of samples whose softmax is one-hot.</summary>
    public static (double Loss, double MeanEntropy, double CollapsedFraction) OutputStatistics(Objective objective, Tensor theta, CrossEntropy loss)
    {
        using var scope = torch.NewDisposeScope();
        var logp = torch.nn.functional.log_softmax(objective.Logits(theta) / loss.Temperature, 1);
        double entropy = Entropies(logp).mean().ToDouble();
        double collapsed = CollapsedFraction(logp.exp());
        return (objective.Value(theta), entropy, collapsed);
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
