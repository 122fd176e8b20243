using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G27 [full], laptop analogue of Sec. 5 / Fig. 8 / App. E: full-batch GD on synthetic clusters over α × η₀ with
/// η = η₀α^{2−L}, and the USO model. Full scale (LeNet-300-100 / LeNet-5, 20,000 epochs) is a CLI run: specs/G27.
/// </summary>
[TestFixture]
[Category(Categories.Statistical)]
[Category(Categories.Slow)]
public sealed class StatisticalTrainabilityTests
{
    [Test]
    [Claim("G27")]
    public void AdmissibleRatesTrainAndInadmissibleOnesDoNot()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var cells = Trainability.Run(problem.Model, problem.Data, new[] { 0.1, 1.0, 10.0 }, new[] { 0.01, 0.1, 1.0, 10.0 }, G27Constants.Steps, SeedOffset.Apply(0L));
        foreach (var c in cells)
            TestContext.Out.WriteLine($"α {F(c.Alpha)} η₀ {F(c.BaseRate)}: best acc {F(c.BestAccuracy)}, max ‖θ‖ {F(c.MaxParameterNorm)}, zero-logit share {F(c.ZeroLogitShare)}, η‖H‖₂ {F(c.SharpnessProduct)}, diverged {c.Diverged}");
        // Margins from 20 seeds (spec G27): best admissible accuracy at α = 1 is 1.0 in 20/20; the inadmissible cells at
        // α = 1 (η₀ = 10, η‖H‖₂ 47-161) reach at most 0.317 (chance 0.1). At α = 10 the sharpness at αθ₀ over-predicts
        // failure (η‖H‖₂ up to 535 trained to 100%), so the inadmissibility check is restricted to α ≤ 1.
        var admissible = cells.Where(c => c.Alpha == 1 && c.SharpnessProduct < G27Constants.MaxAdmissibleSharpness).ToArray();
        ClaimAssert.That("G27", admissible.Length > 0, $"no admissible (η‖H‖₂ < {G27Constants.MaxAdmissibleSharpness}) rate at α = 1 in the grid: η‖H‖₂ at α = 1 is {string.Join(", ", cells.Where(c => c.Alpha == 1).Select(c => F(c.SharpnessProduct)))}");
        double bestAdmissible = admissible.Max(c => c.BestAccuracy);
        ClaimAssert.That("G27", bestAdmissible >= G27Constants.MinAdmissibleAccuracy, $"best accuracy at α = 1 with an admissible rate is {F(bestAdmissible)} < {G27Constants.MinAdmissibleAccuracy}");
        var wild = cells.Where(c => c.Alpha <= 1 && c.SharpnessProduct > G27Constants.MinInadmissibleSharpness).ToArray();
        ClaimAssert.That("G27", wild.Length > 0, $"the grid has no clearly inadmissible cell (η‖H‖₂ > {G27Constants.MinInadmissibleSharpness}) at α ≤ 1: largest η‖H‖₂ {F(cells.Where(c => c.Alpha <= 1).Max(c => c.SharpnessProduct))}");
        foreach (var c in wild)
            ClaimAssert.That("G27", c.Diverged || c.BestAccuracy <= G27Constants.MaxInadmissibleAccuracy,
                $"α {F(c.Alpha)}, η₀ {F(c.BaseRate)} with η‖H‖₂ = {F(c.SharpnessProduct)} reached accuracy {F(c.BestAccuracy)} > {G27Constants.MaxInadmissibleAccuracy} (admissible runs: {F(bestAdmissible)})");
    }

    [Test]
    [Claim("G27")]
    public void UniformSoftmaxOutputModelDivergesAlongItsOwnWeights()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var uso = Trainability.UniformSoftmaxOutput(problem.Model, problem.Data, G27Constants.UsoLearningRate, G27Constants.Steps, SeedOffset.Apply(0L), 20);
        foreach (var u in uso) TestContext.Out.WriteLine($"step {u.Step}: ‖θ‖ {F(u.ParameterNorm)} ‖g‖ {F(u.GradientNorm)} cos(θ, θ₀) {F(u.CosineToInitial)} cos(θ, −g) {F(u.CosineToNegativeGradient)}");
        for (int i = 1; i < uso.Count; i++)
        {
            ClaimAssert.That("G27", uso[i].ParameterNorm > uso[i - 1].ParameterNorm, $"USO ‖θ‖ did not grow between steps {uso[i - 1].Step} and {uso[i].Step}: {F(uso[i - 1].ParameterNorm)} → {F(uso[i].ParameterNorm)}");
            ClaimAssert.That("G27", uso[i].GradientNorm > uso[i - 1].GradientNorm, $"USO ‖g‖ did not grow between steps {uso[i - 1].Step} and {uso[i].Step}: {F(uso[i - 1].GradientNorm)} → {F(uso[i].GradientNorm)}");
        }
        ClaimAssert.That("G27", uso[^1].CosineToNegativeGradient > uso[0].CosineToNegativeGradient, $"USO: cos(θ, −g) should increase (alignment of the divergence): {F(uso[0].CosineToNegativeGradient)} at step {uso[0].Step}, {F(uso[^1].CosineToNegativeGradient)} at step {uso[^1].Step}");
        ClaimAssert.That("G27", uso[^1].CosineToInitial < G27Constants.UsoMaxFinalCosine, $"USO: the parameter vector did not rotate away from θ₀ (cos = {F(uso[^1].CosineToInitial)} ≥ {G27Constants.UsoMaxFinalCosine})");
    }
}
