
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// The fast <see cref="ProjectedCurvature.Compute"/> (G from Jacobian products only, H-term from its own graph,
/// H = G + H-term) against the operator-by-operator oracle VᵀAV, one product per column for each operator.
/// </summary>
public sealed class ProjectedCurvatureTests
{
    private static void AssertMatchesOperatorPath(FlatModel model, Goldilocks.Data.Dataset data, double temperature, long batchSize, int d, long seed)
    {
        using var scope = torch.NewDisposeScope();
        var objective = Fixtures.CrossEntropyObjective(model, data, temperature, batchSize);
        var theta = model.InitialParameters(seed);
        var basis = SubspaceBasis.Create(model.ParameterCount, d, seed + 100);
        using var point = new LinearizationPoint(objective, theta);
        using var fast = ProjectedCurvature.Compute(point, basis);
        using var oraclePoint = new LinearizationPoint(objective, theta);
        var h = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(oraclePoint), basis));
        var g = DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(oraclePoint), basis));
        var ht = DenseMaterializer.Materialize(new ProjectedOperator(new HTermOperator(oraclePoint), basis));
        ClaimAssert.Close("G3", "projected Hessian VᵀHV (fast vs operator path)", fast.Hessian, h, 1e-10);
        ClaimAssert.Close("G3", "projected G-term VᵀGV (fast vs operator path)", fast.GTerm, g, 1e-10);
        ClaimAssert.Close("G3", "projected H-term Vᵀ(H-term)V (fast vs operator path)", fast.HTerm, ht, 1e-10);
    }

    [Test]
    public void Fast_projection_matches_operator_path_on_relu_mlp_with_batches()
    {
        var (model, data) = Fixtures.TinyReluNet(samples: 12);
        AssertMatchesOperatorPath(model, data, temperature: 0.7, batchSize: 5, d: 7, seed: 11);
    }

    [Test]
    public void Fast_projection_matches_operator_path_on_tanh_mlp_with_biases()
    {
        var (model, data) = Fixtures.TinyReluNet(seed: 2, samples: 9, activation: Activation.Tanh, bias: true);
        AssertMatchesOperatorPath(model, data, temperature: 2.0, batchSize: 0, d: 5, seed: 3);
    }

    [Test]
    public void Fast_projection_rejects_a_basis_of_the_wrong_height()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        using var point = new LinearizationPoint(Fixtures.CrossEntropyObjective(model, data), model.InitialParameters(1));
        var wrong = torch.zeros(model.ParameterCount + 1, 3, dtype: ScalarType.Float64);
        var act = () => ProjectedCurvature.Compute(point, wrong);
        act.Should().Throw<ArgumentException>().WithMessage("*basis must have shape*");
    }
}
