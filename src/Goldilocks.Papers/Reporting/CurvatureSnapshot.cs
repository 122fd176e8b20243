using System.Text.Json.Nodes;
using Goldilocks.Curvature;
using Goldilocks.Objectives;
using Goldilocks.Spectral;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// What <c>goldilocks curvature</c> reports at one point θ (issue 2 item 8): the loss, ‖∇L‖, and for each of the
/// Hessian H, the G-term and the H-term restricted to a random d-dimensional subspace (paper 000 Sec. 2-3, Eq. 2-4)
/// the trace, Frobenius norm, spectral norm, positive curvature Tr/‖·‖_F and local convexity.
/// </summary>
/// <param name="Loss">L(θ).</param>
/// <param name="GradientNorm">‖∇L(θ)‖.</param>
/// <param name="Parameters">P.</param>
/// <param name="Dimension">Subspace dimension d.</param>
/// <param name="Hessian">Summary of VᵀHV.</param>
/// <param name="GTerm">Summary of VᵀGV.</param>
/// <param name="HTerm">Summary of Vᵀ(H-term)V.</param>
public sealed record CurvatureSnapshot(
    double Loss, double GradientNorm, long Parameters, int Dimension,
    CurvatureSummary Hessian, CurvatureSummary GTerm, CurvatureSummary HTerm)
{
    /// <summary>The three operators in report order with their names.</summary>
    public IEnumerable<(string Name, CurvatureSummary Summary)> Operators()
    {
        yield return ("H", Hessian);
        yield return ("G-term", GTerm);
        yield return ("H-term", HTerm);
    }

    /// <summary>Measures the snapshot of <paramref name="objective"/> at <paramref name="theta"/> on a <paramref name="dimension"/>-dimensional random subspace.</summary>
    /// <param name="objective">The objective.</param>
    /// <param name="theta">The point θ [P].</param>
    /// <param name="dimension">Subspace dimension d.</param>
    /// <param name="basisSeed">Seed of the Gaussian orthonormal subspace basis V ∈ R^{P×d}.</param>
    public static CurvatureSnapshot Compute(Objective objective, Tensor theta, int dimension, long basisSeed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        long p = objective.Model.ParameterCount;
        if (dimension < 1 || dimension > p)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"subspace dimension d must be in [1, P = {p}] for {objective.Model.Name}, got {dimension}");
        using var scope = torch.NewDisposeScope();
        var (loss, gradient) = objective.ValueAndGradient(theta);
        double gradNorm = gradient.norm().ToDouble();
        var basis = SubspaceBasis.Create(p, dimension, basisSeed, BasisKind.GaussianOrthonormal, theta.dtype, theta.device);
        using var point = new LinearizationPoint(objective, theta);
        using var m = ProjectedCurvature.Compute(point, basis);
        // ProjectedCurvature.Compute returns exactly symmetric H, G and H-term = H - G (it symmetrises H and G before
        // the subtraction), so the shared summary serves all three.
        return new CurvatureSnapshot(loss, gradNorm, p, dimension,
            CurvatureProbe.Summarize(m.Hessian), CurvatureProbe.Summarize(m.GTerm), CurvatureProbe.Summarize(m.HTerm));
    }

    /// <summary>The snapshot as the <c>curvature</c> command's JSON object.</summary>
    public JsonObject ToJson()
    {
        var ops = new JsonObject();
        foreach (var (name, s) in Operators()) ops[name] = SummaryJson(s);
        return new JsonObject
        {
            ["loss"] = ReportJson.Number(Loss),
            ["gradientNorm"] = ReportJson.Number(GradientNorm),
            ["parameters"] = Parameters,
            ["dimension"] = Dimension,
            ["operators"] = ops,
        };
    }

    /// <summary>One operator's summary as a JSON object (undefined quantities as null).</summary>
    public static JsonObject SummaryJson(CurvatureSummary s) => new()
    {
        ["trace"] = ReportJson.Number(s.Trace),
        ["frobenius"] = ReportJson.Number(s.Frobenius),
        ["spectralNorm"] = ReportJson.Number(s.SpectralNorm),
        ["positiveCurvature"] = ReportJson.Number(s.PositiveCurvature),
        ["localConvexity"] = ReportJson.Number(s.LocalConvexity),
        ["minEigenvalue"] = ReportJson.Number(s.MinEigenvalue),
        ["maxEigenvalue"] = ReportJson.Number(s.MaxEigenvalue),
    };
}
