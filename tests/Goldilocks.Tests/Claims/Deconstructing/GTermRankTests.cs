using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G6: G ⪰ 0 with rank ≤ min(d, N(K − 1)), so PC(G) ∈ [1, √rank]; |PC(A)| ≤ √d for symmetric A.</summary>
[Claim("G6")]
public sealed class GTermRankTests
{
    /// <summary>Numerical rank: eigenvalues above <see cref="G6Constants.RankCut"/> times the largest |λ|.</summary>
    private static int Rank(IReadOnlyList<double> eig) => eig.Count(l => l > G6Constants.RankCut * eig.Max(Math.Abs));

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G6Constants.PropertyCases)]
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
        ClaimAssert.That("G6", eig.Min() >= -G6Constants.RankCut * max, $"G-term has a negative eigenvalue {eig.Min():E3} (max {max:E3}, allowed −{G6Constants.RankCut} max), {where}");
        int rank = Rank(eig);
        int bound = Math.Min(d, net.Samples * (net.Classes - 1));
        ClaimAssert.That("G6", rank <= bound, $"rank(G) = {rank} > min(d, N(K − 1)) = {bound}, {where}");
        if (max == 0)
        {
            // A dead ReLU net (every unit inactive on every sample, e.g. MLP 2-2-2-2 with N = 2) has J = 0, so G = 0:
            // the bound is vacuous and PC is undefined, which must be reported, not returned as NaN.
            FluentActions.Invoking(() => PositiveCurvature.Of(g)).Should().Throw<ArgumentException>("[G6] PC of G = 0 is undefined, {0}", where).WithMessage("*undefined*");
        }
        else
        {
            double pc = PositiveCurvature.Of(g);
            ClaimAssert.That("G6", pc >= 1 - G6Constants.PcSlack && pc <= Math.Sqrt(rank) + G6Constants.PcSlack, $"PC(G) = {pc:R} outside [1, √{rank}] = [1, {Math.Sqrt(rank):R}] ± {G6Constants.PcSlack}, {where}");
        }
    }

    /// <summary>Negative control: the same rank bound on a G-term built with the wrong softmax Hessian M = diag(p)
    /// (the −ppᵀ that removes one direction per sample dropped). Each sample then contributes rank K, not K − 1, so on a
    /// net with P ≥ NK the rank is N·K and exceeds min(d, N(K − 1)); the true G-term of the same net stays within it.</summary>
    [Test]
    [Category(Categories.NegativeControl)]
    public void A_G_term_without_the_minus_ppT_term_exceeds_the_rank_bound()
    {
        using var scope = torch.NewDisposeScope();
        var net = new NetCase(4, new[] { 8 }, Activation.Tanh, Classes: 3, Samples: 3, Seed: 3);
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model) * 0.3; // p well away from one-hot, so no sample's M is numerically 0
        var jacobian = ExplicitGaussNewton.Jacobian(model, theta, data.Inputs);
        var p = torch.softmax(model.Forward(theta, data.Inputs), 1);
        var truth = ExplicitGaussNewton.GTerm(jacobian, p);
        var broken = torch.einsum("nkp,nk,nkq->pq", jacobian, p, jacobian) / jacobian.shape[0];
        int bound = (int)Math.Min(model.ParameterCount, net.Samples * (net.Classes - 1));
        double[] trueEig = SymmetricEigen.Eigenvalues(truth), brokenEig = SymmetricEigen.Eigenvalues(broken);
        int trueRank = Rank(trueEig), brokenRank = Rank(brokenEig);
        static string Top(double[] e) => string.Join(", ", e.OrderByDescending(x => x).Take(10).Select(x => x.ToString("E2")));
        TestContext.Out.WriteLine($"{net}, P = {model.ParameterCount}: bound min(P, N(K − 1)) = {bound}; rank of the true G-term {trueRank} (top eigenvalues {Top(trueEig)}), of JᵀMJ with M = diag(p) {brokenRank} ({Top(brokenEig)})");
        ClaimAssert.That("G6", trueRank <= bound, $"control premise: the true G-term has rank {trueRank} > {bound}");
        ClaimAssert.That("G6", brokenRank > bound, $"the rank check does not see a wrong G-term: rank(Jᵀdiag(p)J) = {brokenRank} ≤ {bound}");
    }

    [ClaimProperty(MaxTest = G6Constants.SymmetricCases)]
    public void Positive_curvature_of_any_symmetric_matrix_is_at_most_sqrt_d(FsCheck.PositiveInt size, int seed)
    {
        using var scope = torch.NewDisposeScope();
        int d = 1 + (size.Get - 1) % 12;
        var a = torch.randn(new long[] { d, d }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)(seed & 0x7fffffff)));
        a = a + a.t() + torch.eye(d, dtype: ScalarType.Float64) * (seed % 7);
        double pc = PositiveCurvature.Of(a);
        ClaimAssert.That("G6", Math.Abs(pc) <= Math.Sqrt(d) * (1 + G6Constants.SqrtDRtol), $"|PC| = {Math.Abs(pc):R} > √d = {Math.Sqrt(d):R} for d = {d}, seed = {seed}; SqrtDRtol = {G6Constants.SqrtDRtol}");
    }

    [Test]
    public void Identity_attains_sqrt_d_and_rank_one_attains_1()
    {
        using var scope = torch.NewDisposeScope();
        ClaimAssert.Close("G6", "PC(I_9) = 3", PositiveCurvature.Of(torch.eye(9, dtype: ScalarType.Float64)), 3.0, G6Constants.AttainedRtol);
        var v = torch.arange(1, 6, dtype: ScalarType.Float64);
        ClaimAssert.Close("G6", "PC(vvᵀ) = 1", PositiveCurvature.Of(v.outer(v)), 1.0, G6Constants.AttainedRtol);
    }

    /// <summary>G = (1/N)Σ JᵀMJ with M = [diag(p) - ppᵀ]/T² ⪰ 0, so G is symmetric PSD: asymmetry and −λ_min/λ_max at
    /// most <see cref="G6Constants.PsdRtol"/> (eigvalsh's backward error is ≈ ε‖G‖₂).</summary>
    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.DenseArchitecturesAndTemperatures))]
    public void GTerm_is_symmetric_positive_semidefinite(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var g = DenseCurvature.At(c.Model, c.Data, c.Theta, temperature, batchSize: 5).GTerm;
        double asymmetry = ClaimAssert.RelativeError(g.t(), g);
        ClaimAssert.That("G6", asymmetry <= G6Constants.PsdRtol, $"{architecture}, T = {temperature}: ‖G - Gᵀ‖/‖G‖ = {asymmetry:E3} > {G6Constants.PsdRtol}");
        var eig = SymmetricEigen.Eigenvalues(g);
        double min = eig[0], max = eig[^1];
        ClaimAssert.That("G6", max > 0 && min >= -G6Constants.PsdRtol * max, $"{architecture}, T = {temperature}: λ_min(G) = {min:E3}, λ_max(G) = {max:E3} (need λ_max > 0, λ_min ≥ −{G6Constants.PsdRtol} λ_max)");
    }
}
