using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G6: G ⪰ 0 with rank ≤ min(d, N(K − 1)), so PC(G) ∈ [1, √rank]; |PC(A)| ≤ √d for symmetric A.</summary>
[Claim("G6")]
public sealed class GTermRankTests
{
    /// <summary>Eigenvalues below this fraction of the largest count as zero when counting the rank.</summary>
    private const double RankCut = 1e-9;

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = 15)]
    public void GTerm_is_psd_low_rank_and_PC_is_within_1_and_sqrt_rank(NetCase net, FsCheck.PositiveInt dimension, TemperatureFactor t)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        int d = 1 + (dimension.Get - 1) % (int)model.ParameterCount;
        var basis = SubspaceBasis.Create(model.ParameterCount, d, net.Seed + 5);
        using var point = new LinearizationPoint(new Objective(model, data, new CrossEntropy(t.Tau)), theta);
        var g = DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(point), basis));
        var eig = SymmetricEigen.Eigenvalues(g);
        double max = eig.Max(Math.Abs);
        string where = $"{net}, d = {d}, T = {t.Tau:G4}";
        ClaimAssert.That("G6", eig.Min() >= -RankCut * max, $"G-term has a negative eigenvalue {eig.Min():E3} (max {max:E3}), {where}");
        int rank = eig.Count(l => l > RankCut * max);
        int bound = Math.Min(d, net.Samples * (net.Classes - 1));
        ClaimAssert.That("G6", rank <= bound, $"rank(G) = {rank} > min(d, N(K − 1)) = {bound}, {where}");
        if (max == 0)
        {
            // A dead ReLU net (every unit inactive on every sample, e.g. MLP 2-2-2-2 with N = 2) has J = 0, so G = 0:
            // the bound is vacuous and PC is undefined, which must be reported, not returned as NaN.
            FluentActions.Invoking(() => PositiveCurvature.Of(g)).Should().Throw<ArgumentException>().WithMessage("*undefined*");
            return;
        }
        double pc = PositiveCurvature.Of(g);
        ClaimAssert.That("G6", pc >= 1 - 1e-10 && pc <= Math.Sqrt(rank) + 1e-10, $"PC(G) = {pc:R} outside [1, √{rank}], {where}");
    }

    [ClaimProperty(MaxTest = 50)]
    public void Positive_curvature_of_any_symmetric_matrix_is_at_most_sqrt_d(FsCheck.PositiveInt size, int seed)
    {
        using var scope = torch.NewDisposeScope();
        int d = 1 + (size.Get - 1) % 12;
        var a = torch.randn(new long[] { d, d }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)(seed & 0x7fffffff)));
        a = a + a.t() + torch.eye(d, dtype: ScalarType.Float64) * (seed % 7);
        double pc = PositiveCurvature.Of(a);
        ClaimAssert.That("G6", Math.Abs(pc) <= Math.Sqrt(d) * (1 + 1e-12), $"|PC| = {Math.Abs(pc):R} > √d = {Math.Sqrt(d):R} for d = {d}, seed = {seed}");
    }

    [Test]
    public void Identity_attains_sqrt_d_and_rank_one_attains_1()
    {
        using var scope = torch.NewDisposeScope();
        ClaimAssert.Close("G6", "PC(I_9) = 3", PositiveCurvature.Of(torch.eye(9, dtype: ScalarType.Float64)), 3.0, 1e-14);
        var v = torch.arange(1, 6, dtype: ScalarType.Float64);
        ClaimAssert.Close("G6", "PC(vvᵀ) = 1", PositiveCurvature.Of(v.outer(v)), 1.0, 1e-14);
    }

    /// <summary>G = (1/N)Σ JᵀMJ with M = [diag(p) - ppᵀ]/T² ⪰ 0, so G is symmetric PSD: asymmetry ≤ 1e-12 relative and
    /// λ_min ≥ -1e-12·λ_max (eigvalsh's backward error is ≈ ε‖G‖₂).</summary>
    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.DenseArchitecturesAndTemperatures))]
    public void GTerm_is_symmetric_positive_semidefinite(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var g = DenseCurvature.At(c.Model, c.Data, c.Theta, temperature, batchSize: 5).GTerm;
        double asymmetry = ClaimAssert.RelativeError(g.t(), g);
        ClaimAssert.That("G6", asymmetry <= 1e-12, $"{architecture}, T = {temperature}: ‖G - Gᵀ‖/‖G‖ = {asymmetry:E3}");
        var eig = SymmetricEigen.Eigenvalues(g);
        double min = eig[0], max = eig[^1];
        ClaimAssert.That("G6", max > 0 && min >= -1e-12 * max, $"{architecture}, T = {temperature}: λ_min(G) = {min:E3}, λ_max(G) = {max:E3}");
    }
}
