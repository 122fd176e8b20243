using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>σ_c², σ_e² of the random logit model (paper 000 Sec. 4) estimated from projected logit gradients g_{μk} = Vᵀ∇z_k(x_μ):
/// c_k = mean_μ g_{μk}, σ_c² = mean_k ‖c_k‖²/d, σ_e² = mean_{μ,k} ‖g_{μk} − c_k‖²/d.</summary>
/// <param name="SigmaC2">σ_c².</param>
/// <param name="SigmaE2">σ_e².</param>
/// <param name="Dimension">d, the subspace dimension.</param>
public sealed record LogitGradientStatistics(double SigmaC2, double SigmaE2, int Dimension);

/// <summary>One confidence level: α, mean entropy, PC of the true projected G-term and the Eq. 8 prediction (null if collapsed).</summary>
/// <param name="Alpha">Scale α.</param>
/// <param name="MeanEntropy">Mean softmax entropy at α.</param>
/// <param name="TrueGTermPC">PC of the true projected G-term; null when it is zero.</param>
/// <param name="PredictedPC">Eq. 8 at the measured Γ; null when p is collapsed.</param>
public sealed record Eq8Point(double Alpha, double MeanEntropy, double? TrueGTermPC, double? PredictedPC);

/// <summary>The Fig. 3 comparison: the σ's fitted at the unscaled initialisation, and one point per confidence level α.</summary>
/// <param name="Fit">σ_c², σ_e² estimated from the projected logit gradients.</param>
/// <param name="Points">One point per α, in the order given.</param>
public sealed record Eq8Result(LogitGradientStatistics Fit, IReadOnlyList<Eq8Point> Points);

/// <summary>
/// Paper 000 Fig. 3: Eq. 8, PC(E G) = √d(σ_c² + σ_e²) / √(σ_e⁴ + 2σ_e²σ_c² + dσ_c⁴Γ_p⁻²), with σ's from a real network's
/// logit gradients, against the PC of the true projected G-term (1/N) Σ_μ (J_μV)ᵀ[diag p'_μ − p'_μp'_μᵀ](J_μV) at the
/// softmax outputs p' = σ(α^L z) of the scaled model (Eq. 5; the factor α^{2L−2} does not change PC).
/// </summary>
public static class RandomLogitFit
{
    /// <summary>J V as [N, K, d]: each column of V pushed through the logit Jacobian (double-backward JVPs).</summary>
    public static Tensor ProjectedJacobian(FlatModel model, Dataset data, Tensor theta, Tensor basis)
    {
        using var scope = torch.NewDisposeScope();
        using var point = new LinearizationPoint(new Objective(model, data, new CrossEntropy()), theta);
        var columns = new List<Tensor>();
        for (long j = 0; j < basis.shape[1]; j++)
        {
            using var inner = torch.NewDisposeScope();
            var v = basis.select(1, j);
            var parts = point.Graphs().Select(b => LinearizationPoint.JacobianProduct(b, v)).ToList();
            columns.Add(torch.cat(parts, 0).MoveToOuterDisposeScope());
        }
        return torch.stack(columns, 2).MoveToOuterDisposeScope();
    }

    /// <summary>σ_c², σ_e² (definitions in <see cref="LogitGradientStatistics"/>) from a projected Jacobian J V [N, K, d].</summary>
    public static LogitGradientStatistics Estimate(Tensor projectedJacobian)
    {
        using var scope = torch.NewDisposeScope();
        long d = projectedJacobian.shape[2];
        var means = projectedJacobian.mean(new long[] { 0 });
        double c2 = means.pow(2).sum(1).mean().ToDouble() / d;
        double e2 = (projectedJacobian - means.unsqueeze(0)).pow(2).sum(2).mean().ToDouble() / d;
        return new LogitGradientStatistics(c2, e2, (int)d);
    }

    /// <summary>Fits the σ's of <paramref name="model"/> at its Kaiming initialisation (seed <paramref name="seed"/>) on a <paramref name="dimension"/>-dimensional subspace, then compares Eq. 8 with the true projected G-term at each α in <paramref name="alphas"/>.</summary>
    public static Eq8Result Run(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed = 0, int dimension = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        int degree = model.HomogeneityDegree ?? throw new ArgumentException($"{model.Name} is not homogeneous; Eq. 5 needs f(αθ) = α^L f(θ)", nameof(model));
        using var scope = torch.NewDisposeScope();
        var theta = SeedRule.InitialParameters(model, seed, data.DType, data.Device);
        var basis = SubspaceBasis.Create(model.ParameterCount, dimension, SeedRule.Basis(seed), BasisKind.GaussianOrthonormal, data.DType, data.Device);
        var jv = ProjectedJacobian(model, data, theta, basis);
        var fit = Estimate(jv);
        var logits = new Objective(model, data, new CrossEntropy()).Logits(theta);
        var points = new List<Eq8Point>();
        foreach (var alpha in alphas)
        {
            using var inner = torch.NewDisposeScope();
            var p = torch.softmax(logits * Math.Pow(alpha, degree), 1);
            var rows = SoftmaxCovariance.Rows(p);
            double? gamma = SoftmaxCovariance.TryGamma(rows);
            double? truePC = CurvatureProbe.Summarize(ExplicitGTerm.Of(jv, p)).PositiveCurvature;
            points.Add(new Eq8Point(alpha, rows.Average(SoftmaxCovariance.Entropy), truePC,
                gamma is { } g ? RandomLogitModel.ExpectedPositiveCurvature(fit.Dimension, fit.SigmaC2, fit.SigmaE2, g) : null));
        }
        return new Eq8Result(fit, points);
    }
}
