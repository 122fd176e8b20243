
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Fort &amp; Scherlis Sec. 3 / paper 000 Sec. 2: the Hessian restricted to θ₀ + span(V) is VᵀHV. The oracle differentiates
/// w ↦ L(θ₀ + Vw) twice with respect to w itself (row by row at w = 0), so it never forms H or calls the operators.
/// By the chain rule the identity is exact for any V, orthonormal (QR) or only nearly so (sparse ±1/√n).
/// </summary>
public sealed class SubspaceRestrictionTests
{
    private const int Dimension = 5;

    public static IEnumerable<TestCaseData> Cases() =>
        new[] { "MLP-Tanh-bias", "MLP-ReLU", "LeNet5-Max-1x16x16" }
            .SelectMany(a => new[] { BasisKind.GaussianOrthonormal, BasisKind.SparseSign }.Select(k => new TestCaseData(a, k)));

    [Claim("F1")]
    [TestCaseSource(nameof(Cases))]
    public void Projected_Hessian_equals_the_Hessian_of_the_loss_restricted_to_the_subspace(string architecture, BasisKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var objective = c.Objective(temperature: 0.9, batchSize: 4);
        var basis = SubspaceBasis.Create(c.Model.ParameterCount, Dimension, seed: 11, kind);
        using var point = new LinearizationPoint(objective, c.Theta);
        var projected = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), basis));

        var oracle = AutogradHessian.Rows(w => objective.Loss.Sum(objective.Model.Forward(c.Theta + basis.matmul(w), objective.Data.Inputs), objective.Data.Targets) / objective.Count,
            torch.zeros(Dimension, dtype: ScalarType.Float64));

        TestContext.Out.WriteLine($"{architecture}, {kind}: relative error {ClaimAssert.RelativeError(projected, oracle):E3}");
        ClaimAssert.Close("F1", $"{architecture}, {kind} basis: VᵀHV vs ∇²_w L(θ₀ + Vw)", projected, oracle, 1e-10);
    }
}
