
namespace Goldilocks.Tests.Claims.Bridges;

/// <summary>
/// X1: the Goldilocks rescaling θ → αθ, T = α^L, η → ηα² (paper 000, G4) maps a GD run onto the scaled run, so every
/// Wang &amp; Roberts quantity is invariant except the raw sharpness: η'S' = ηS, equal eigenvector cosines.
/// </summary>
public sealed class BridgeGoldilocksRescalingTests
{
    private static EigenTrackingResult Run(double alpha, double eta)
    {
        var (model, data) = Fixtures.TinyReluNet();
        int depth = model.HomogeneityDegree!.Value;
        var objective = Fixtures.CrossEntropyObjective(model, data, temperature: Math.Pow(alpha, depth));
        using var theta0 = model.InitialParameters(5) * alpha;
        return EigenTracking.Run(objective, theta0, eta * alpha * alpha, X1Constants.Steps, new EigenTrackingOptions(TopK: 3, RecordEvery: 3, KeepEigenvectors: true, KeepParameters: true), new LanczosSolver(tolerance: 1e-12));
    }

    [TestCase(2.0, X1Constants.PowerOfTwoRtol)]
    [TestCase(0.5, X1Constants.PowerOfTwoRtol)]
    [TestCase(1.3, X1Constants.GeneralRtol)]
    [Category(Categories.Slow)]
    [Claim("X1")]
    public void Rescaled_unstable_run_has_the_same_W_quantities_except_raw_sharpness(double alpha, double rtol)
    {
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        using var theta0 = model.InitialParameters(5);
        double s0 = EigenTracking.TopEigenpairs(objective, theta0, 1).Top;
        double eta = 3.0 / s0; // unstable from the start: ηS₀ = 3 > 2
        var baseRun = Run(1.0, eta);
        var scaled = Run(alpha, eta);
        ClaimAssert.That("X1", baseRun.Records.Any(s => eta * s.Sharpness > 2), $"premise: the run must be unstable (ηS > 2): max ηS = {baseRun.Records.Max(s => eta * s.Sharpness):R} at η = {eta:R}");
        ClaimAssert.That("X1", baseRun.Records.Count == scaled.Records.Count && !baseRun.Diverged && !scaled.Diverged, $"both runs complete: {baseRun.Records.Count} vs {scaled.Records.Count} records, diverged {baseRun.Diverged} / {scaled.Diverged} (α = {alpha:R})");
        double etaScaled = eta * alpha * alpha;
        var b0 = baseRun.Records[0];
        var c0 = scaled.Records[0];
        for (int i = 0; i < baseRun.Records.Count; i++)
        {
            var b = baseRun.Records[i];
            var c = scaled.Records[i];
            string at = $"α = {alpha}, step {b.Step}";
            ClaimAssert.Close("X1", $"θ' = αθ ({at})", c.Parameters!, b.Parameters! * alpha, rtol);
            ClaimAssert.Close("X1", $"loss ({at})", c.Loss, b.Loss, rtol);
            for (int k = 0; k < 3; k++)
                ClaimAssert.Close("X1", $"η'λ'_{k + 1} = ηλ_{k + 1} ({at})", etaScaled * c.Eigenvalues[k], eta * b.Eigenvalues[k], rtol);
            if (alpha != 1.0 && Math.Abs(Math.Log(alpha)) > 0.1)
                ClaimAssert.That("X1", Math.Abs(c.Sharpness / b.Sharpness - 1) > X1Constants.MinSharpnessChange, $"raw sharpness must change by more than {X1Constants.MinSharpnessChange:P0} ({at}): {b.Sharpness:R} vs {c.Sharpness:R}");
            ClaimAssert.Close("X1", $"|cos(v₁(t), v₁(0))| ({at})",
                EigenvectorSimilarity.AbsCosine(c.Eigenvectors![.., 0], c0.Eigenvectors![.., 0]),
                EigenvectorSimilarity.AbsCosine(b.Eigenvectors![.., 0], b0.Eigenvectors![.., 0]), rtol);
            ClaimAssert.Close("X1", $"top-3 Grassmann similarity to step 0 ({at})",
                EigenvectorSimilarity.GrassmannSimilarity(c.Eigenvectors!, c0.Eigenvectors!),
                EigenvectorSimilarity.GrassmannSimilarity(b.Eigenvectors!, b0.Eigenvectors!), rtol);
            ClaimAssert.That("X1", 1 - EigenvectorSimilarity.GrassmannSimilarity(c.Eigenvectors!, b.Eigenvectors!) <= rtol,
                $"the top-3 eigen-subspaces of the two runs coincide ({at}): 1 − Grassmann similarity = {1 - EigenvectorSimilarity.GrassmannSimilarity(c.Eigenvectors!, b.Eigenvectors!):E3} > {rtol:E1}");
        }
    }
}
