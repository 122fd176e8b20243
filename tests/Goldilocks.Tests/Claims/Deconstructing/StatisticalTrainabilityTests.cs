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
        ClaimAssert.Holds(DeconstructingVerdicts.G27Training(cells, G27Constants.Steps));
    }

    [Test]
    [Claim("G27")]
    public void UniformSoftmaxOutputModelDivergesAlongItsOwnWeights()
    {
        using var problem = Synthetic(seed: SeedOffset.Apply(0L));
        var uso = Trainability.UniformSoftmaxOutput(problem.Model, problem.Data, G27Constants.UsoLearningRate, G27Constants.Steps, SeedOffset.Apply(0L), 20);
        foreach (var u in uso) TestContext.Out.WriteLine($"step {u.Step}: ‖θ‖ {F(u.ParameterNorm)} ‖g‖ {F(u.GradientNorm)} cos(θ, θ₀) {F(u.CosineToInitial)} cos(θ, −g) {F(u.CosineToNegativeGradient)}");
        ClaimAssert.Holds(DeconstructingVerdicts.G27Uso(uso));
    }
}
