
namespace Goldilocks.Tests.Training;

public sealed class GradientDescentTests
{
    [Test]
    public void Default_direction_is_the_loss_gradient()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data, temperature: 1.7, batchSize: 5);
        var theta = model.InitialParameters(2);
        var (loss, direction) = GradientDescent.Direction(objective, theta, LogitCoefficients.LossGradient(objective.Loss));
        var (loss2, gradient) = objective.ValueAndGradient(theta);
        loss.Should().BeApproximately(loss2, 1e-14 * Math.Abs(loss2));
        ClaimAssert.Close("G2", "GD direction vs ValueAndGradient", direction, gradient, 1e-13);
    }

    [Test]
    public void One_step_moves_by_minus_eta_times_gradient_and_loss_decreases_for_small_eta()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var theta = model.InitialParameters(5);
        var result = GradientDescent.Run(objective, theta, 0.05, 1);
        var (loss0, g) = objective.ValueAndGradient(theta);
        ClaimAssert.Close("G5", "θ₁ = θ₀ − ηg", result.FinalParameters, theta - 0.05 * g, 1e-13);
        result.Records.Should().HaveCount(2);
        result.Records[1].Loss.Should().BeLessThan(loss0);
        result.Diverged.Should().BeFalse();
    }

    [Test]
    public void Divergence_stops_the_run_instead_of_returning_NaN()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var result = GradientDescent.Run(objective, model.InitialParameters(5), 1e150, 20);
        result.Diverged.Should().BeTrue();
        result.Records.Should().OnlyContain(r => double.IsFinite(r.Loss));
    }
}
