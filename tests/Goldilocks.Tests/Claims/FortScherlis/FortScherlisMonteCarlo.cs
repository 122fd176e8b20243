using Goldilocks.Tests.Claims.Shared;
using static Goldilocks.Tests.Claims.Shared.PropertyGenerators;

namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>The statistics of the Fort &amp; Scherlis Monte Carlo ("exact in expectation") tests, shared by each test, its
/// negative control and <see cref="FortScherlisCalibration"/>. <c>seed</c> maps a test's base seed to the seed it draws
/// with: <c>SeedOffset.Apply</c> in the suite, <c>s =&gt; NullModel.AtOffset(s, k)</c> in the calibration.</summary>
internal static class FortScherlisMonteCarlo
{
    /// <summary>F2: off-diagonal Gram entries of <see cref="F2Constants.Bases"/> sparse bases. Claim: mean 0 and mean
    /// square 1/D, each within <see cref="F2Constants.MaxStandardErrors"/> SE. Null: orthonormal columns (mean square 0).</summary>
    public static McVerdict F2(long? nonZeros, Func<long, long> seed)
    {
        const int p = F2Constants.Dimension, d = F2Constants.Columns;
        var offDiagonal = new List<double>();
        for (int s = 0; s < F2Constants.Bases; s++)
        {
            using var scope = torch.NewDisposeScope();
            var m = SubspaceBasis.Create(p, d, seed(100L + s), BasisKind.SparseSign, nonZeros: nonZeros);
            var gram = m.t().matmul(m).data<double>().ToArray();
            for (int a = 0; a < d; a++)
                for (int b = a + 1; b < d; b++) offDiagonal.Add(gram[a * d + b]);
        }
        var mean = Goldilocks.Spectral.Hutchinson.MeanWithError(offDiagonal);
        var ms = Goldilocks.Spectral.Hutchinson.MeanWithError(offDiagonal.Select(x => x * x).ToList());
        double k = F2Constants.MaxStandardErrors, zMean = mean.Value / mean.StandardError;
        double zClaim = (ms.Value - 1.0 / p) / ms.StandardError, zNull = ms.Value / ms.StandardError;
        bool meanOk = Math.Abs(zMean) < k;
        return new McVerdict(meanOk && Math.Abs(zClaim) < k, meanOk && Math.Abs(zNull) < k, zClaim, Math.Abs(zNull) - k,
            $"n={nonZeros?.ToString() ?? "random"}: mean {mean.Value:E3} ± {mean.StandardError:E2} (z {zMean:F2}), mean square {ms.Value:E4} ± {ms.StandardError:E2}: {zClaim:F2} SE from 1/D = {1.0 / p:E4}, {zNull:F1} SE from the null 0 (allowed {k})");
    }

    /// <summary>F3, uniform unit directions on a shifted random H: claim variance 2(D‖H‖² − Tr²)/(D²(D+2)) within
    /// <see cref="F3Constants.UnitVarianceRtol"/> (and the mean within <see cref="F3Constants.UnitMeanStandardErrors"/> SE);
    /// null: the Gaussian-direction variance 2‖H‖²/D². Statistic: sample variance over the sphere variance.</summary>
    public static McVerdict F3Unit(Func<long, long> seed)
    {
        using var scope = torch.NewDisposeScope();
        const int dim = F3Constants.UnitDimension, count = F3Constants.UnitDirections;
        var h = SymmetricMatrix(dim, checked((int)seed(11)), shift: 1.5);
        double trace = torch.trace(h).item<double>(), frob2 = h.pow(2).sum().item<double>();
        var c = RandomDirections.Curvatures(h, count, seed(12), DirectionKind.UniformSphere);
        double mean = c.Average(), sampleVar = c.Select(x => (x - mean) * (x - mean)).Sum() / (count - 1);
        double sphereVar = RandomDirections.SphereCurvatureVariance(trace, frob2, dim), gaussVar = RandomDirections.GaussianCurvatureVariance(frob2, dim);
        double meanErr = ClaimAssert.RelativeError(mean, trace / dim), meanTol = F3Constants.UnitMeanStandardErrors * Math.Sqrt(sphereVar / count) / Math.Abs(trace / dim);
        double claimErr = ClaimAssert.RelativeError(sampleVar, sphereVar), nullErr = ClaimAssert.RelativeError(sampleVar, gaussVar);
        bool meanOk = meanErr <= meanTol;
        return new McVerdict(meanOk && claimErr <= F3Constants.UnitVarianceRtol, meanOk && nullErr <= F3Constants.UnitVarianceRtol, sampleVar / sphereVar, nullErr - F3Constants.UnitVarianceRtol,
            $"unit sphere: mean {mean:E4} vs Tr/D {trace / dim:E4} (relative error {meanErr:E2}, allowed {meanTol:E2}); sample var {sampleVar:E4}, sphere var {sphereVar:E4} (relative error {claimErr:F3}), Gaussian formula {gaussVar:E4} (relative error {nullErr:F3}); allowed {F3Constants.UnitVarianceRtol}");
    }

    /// <summary>Variance of Tr(QᵀHQ) over Haar d-frames Q in R^D (test-side oracle): the projection QQᵀ has
    /// E[P_ij P_kl] from the Weingarten calculus, giving 2d(D − d)/(D(D − 1)(D + 2)) · ‖H − (Tr H/D) I‖_F²
    /// (d = 1: the unit-sphere variance 2(D‖H‖² − Tr²)/(D²(D + 2)); d = D: 0).</summary>
    public static double HaarProjectedTraceVariance(double trace, double frob2, int dim, int d) =>
        2.0 * d * (dim - d) / ((double)dim * (dim - 1) * (dim + 2)) * (frob2 - trace * trace / dim);

    /// <summary>Mean, sample variance and z-score of Tr(QᵀHQ) over <paramref name="count"/> frames from <paramref name="frame"/>.</summary>
    public static (double Mean, double Variance, double Z, double Expected, double ExpectedVariance) ProjectedTraceMoments(Tensor h, int d, int count, Func<int, Tensor> frame)
    {
        int dim = (int)h.shape[0];
        var traces = Enumerable.Range(0, count).Select(i =>
        {
            using var scope = torch.NewDisposeScope();
            var q = frame(i);
            return torch.trace(q.t().matmul(h).matmul(q)).item<double>();
        }).ToArray();
        double trace = torch.trace(h).item<double>(), frob2 = h.pow(2).sum().item<double>();
        double mean = traces.Average(), variance = traces.Sum(x => (x - mean) * (x - mean)) / (count - 1);
        double expected = RandomDirections.ExpectedProjectedTrace(trace, dim, d), expectedVariance = HaarProjectedTraceVariance(trace, frob2, dim, d);
        return (mean, variance, (mean - expected) / Math.Sqrt(expectedVariance / count), expected, expectedVariance);
    }

    /// <summary>F3, Haar d-frames (SubspaceBasis): claim mean d·Tr/D within <see cref="F3Constants.MaxZ"/> and the Haar
    /// variance within <see cref="F3Constants.VarianceRtol"/>; null: d independent unit columns, variance (D − 1)/(D − d)
    /// times the Haar variance. Statistic: sample variance over the Haar variance.</summary>
    public static McVerdict F3Haar(Func<long, long> seed)
    {
        using var scope = torch.NewDisposeScope();
        const int dim = F3Constants.SubspaceDimension, d = F3Constants.SubspaceRank;
        var h = SymmetricMatrix(dim, checked((int)seed(31)), shift: 1.5);
        var m = ProjectedTraceMoments(h, d, F3Constants.Frames, i => SubspaceBasis.Create(dim, d, seed(1000 + i)));
        double nullVariance = (dim - 1.0) / (dim - d) * m.ExpectedVariance;
        double claimErr = ClaimAssert.RelativeError(m.Variance, m.ExpectedVariance), nullErr = ClaimAssert.RelativeError(m.Variance, nullVariance);
        bool meanOk = Math.Abs(m.Z) < F3Constants.MaxZ;
        return new McVerdict(meanOk && claimErr <= F3Constants.VarianceRtol, meanOk && nullErr <= F3Constants.VarianceRtol, m.Variance / m.ExpectedVariance, nullErr - F3Constants.VarianceRtol,
            $"Haar frames (D = {dim}, d = {d}, {F3Constants.Frames}): mean {m.Mean:F5} vs d·Tr/D {m.Expected:F5} (z = {m.Z:F2}, allowed {F3Constants.MaxZ}); variance {m.Variance:F5} vs Haar {m.ExpectedVariance:F5} (relative error {claimErr:F3}) vs independent columns {nullVariance:F5} (relative error {nullErr:F3}); allowed {F3Constants.VarianceRtol}");
    }

    /// <summary>F3 on the Hessian of a tiny ReLU net, Gaussian N(0, 1/D) subspaces: claim E Tr(H_d) = d·Tr/D and
    /// E‖H_d‖² = [d Tr² + d(d+1)‖H‖²]/D², each within <see cref="F3Constants.MaxZ"/> SE; null: the fluctuation term
    /// dropped, E‖H_d‖² = ‖E H_d‖² = d Tr²/D². Statistic: the Frobenius z-score against the claim.</summary>
    public static McVerdict F3Network(Func<long, long> seed)
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet(2);
        var objective = Fixtures.CrossEntropyObjective(model, data);
        using var point = new LinearizationPoint(objective, model.InitialParameters(2));
        var h = DenseMaterializer.Materialize(new HessianOperator(point));
        long dim = model.ParameterCount;
        double trace = torch.trace(h).item<double>(), frob2 = h.pow(2).sum().item<double>();
        const int d = F3Constants.SubspaceRank, draws = F3Constants.NetworkDraws;
        var m = torch.randn(new[] { draws, dim, (long)d }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed(77L))) / Math.Sqrt(dim);
        var hd = m.transpose(1, 2).matmul(h).matmul(m);                                       // [draws, d, d]
        var tr = Goldilocks.Spectral.Hutchinson.MeanWithError(hd.diagonal(0, 1, 2).sum(dim: 1).data<double>().ToList());
        var fr = Goldilocks.Spectral.Hutchinson.MeanWithError(hd.pow(2).sum(new long[] { 1, 2 }).data<double>().ToList());
        double expectedTrace = RandomDirections.ExpectedProjectedTrace(trace, dim, d);
        double expectedFrob = RandomDirections.GaussianProjectedFrobeniusSquared(trace, frob2, dim, d), nullFrob = d * trace * trace / ((double)dim * dim);
        double zTrace = (tr.Value - expectedTrace) / tr.StandardError, zFrob = (fr.Value - expectedFrob) / fr.StandardError, zNull = (fr.Value - nullFrob) / fr.StandardError;
        bool traceOk = Math.Abs(zTrace) < F3Constants.MaxZ;
        return new McVerdict(traceOk && Math.Abs(zFrob) < F3Constants.MaxZ, traceOk && Math.Abs(zNull) < F3Constants.MaxZ, zFrob, Math.Abs(zNull) - F3Constants.MaxZ,
            $"E Tr(H_d): {tr.Value:E4} ± {tr.StandardError:E1} vs {expectedTrace:E4} (z {zTrace:F2}); E‖H_d‖²: {fr.Value:E4} ± {fr.StandardError:E1} vs {expectedFrob:E4} (z {zFrob:F2}) vs the null d·Tr²/D² = {nullFrob:E4} (z {zNull:F1}); allowed {F3Constants.MaxZ}");
    }

    /// <summary>F5, isotropic Gaussian radii: claim mean σ·E χ_P within <see cref="F5Constants.MaxStandardErrors"/> SE and
    /// spread σ·E χ_P·√(P/m² − 1) ≈ σ/√2 within <see cref="F5Constants.StdRtol"/>; null: the relative width 1/√P of a
    /// shell without the factor ½ of the delta method. Statistic: sample spread over the claimed spread.</summary>
    public static McVerdict F5Isotropic(Func<long, long> seed)
    {
        using var scope = torch.NewDisposeScope();
        const int p = F5Constants.Dimension, draws = F5Constants.Draws;
        const double sigma = F5Constants.Sigma;
        var r = torch.linalg.vector_norm(torch.randn(new long[] { draws, p }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed(5L))) * sigma, dims: new long[] { 1 });
        double mean = r.mean().item<double>(), std = r.std().item<double>();
        double expectedMean = ThinShell.ChiMean(p, sigma), expectedStd = expectedMean * ThinShell.RelativeWidth(p), nullStd = expectedMean / Math.Sqrt(p);
        double z = (mean - expectedMean) / (expectedStd / Math.Sqrt(draws));
        double claimErr = ClaimAssert.RelativeError(std, expectedStd), nullErr = ClaimAssert.RelativeError(std, nullStd);
        bool meanOk = Math.Abs(z) < F5Constants.MaxStandardErrors;
        return new McVerdict(meanOk && claimErr <= F5Constants.StdRtol, meanOk && nullErr <= F5Constants.StdRtol, std / expectedStd, nullErr - F5Constants.StdRtol,
            $"mean r {mean:F6} vs σ·E χ_P {expectedMean:F6} ({z:F2} SE, allowed {F5Constants.MaxStandardErrors}); std {std:F6} vs {expectedStd:F6} (relative error {claimErr:F3}) vs the null σ·E χ_P/√P = {nullStd:F6} (relative error {nullErr:F3}); allowed {F5Constants.StdRtol}");
    }

    /// <summary>F5, Kaiming draws of a 100-5-5 MLP: claim E r² = Σσ² and relative width 1/√(2P_eff) within
    /// <see cref="F5Constants.WidthRtol"/>, thicker than <see cref="F5Constants.MinThickening"/>/√(2P); null: the width
    /// 1/√(2P) of an equal-variance shell. Statistic: relative width times √(2P_eff).</summary>
    public static McVerdict F5Kaiming(Func<long, long> seed)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(100, new[] { 5 }, 5);               // 500 weights at σ² = 0.02, 25 at σ² = 0.4
        var variances = ThinShell.KaimingVariances(model);
        double pEff = ThinShell.EffectiveDimension(variances), expectedR2 = ThinShell.ExpectedSquaredRadius(variances);
        const int draws = F5Constants.KaimingDraws;
        var radii = Enumerable.Range(0, draws).Select(s => { using var _ = torch.NewDisposeScope(); return model.InitialParameters(seed(s)).norm().item<double>(); }).ToArray();
        double meanR2 = radii.Average(r => r * r), meanR = radii.Average();
        double relWidth = Math.Sqrt(radii.Sum(r => (r - meanR) * (r - meanR)) / (draws - 1)) / meanR;
        double claimWidth = 1 / Math.Sqrt(2 * pEff), nullWidth = 1 / Math.Sqrt(2.0 * model.ParameterCount);
        double r2Err = ClaimAssert.RelativeError(meanR2, expectedR2), r2Tol = F5Constants.KaimingVarianceStandardErrors * Math.Sqrt(2 / pEff / draws);
        double claimErr = ClaimAssert.RelativeError(relWidth, claimWidth), nullErr = ClaimAssert.RelativeError(relWidth, nullWidth);
        bool r2Ok = r2Err <= r2Tol, thick = relWidth > F5Constants.MinThickening * nullWidth;
        return new McVerdict(r2Ok && thick && claimErr <= F5Constants.WidthRtol, r2Ok && nullErr <= F5Constants.WidthRtol, relWidth / claimWidth, nullErr - F5Constants.WidthRtol,
            $"P = {model.ParameterCount}, P_eff = {pEff:F1}; E r² {meanR2:F3} vs {expectedR2:F3} (relative error {r2Err:E2}, allowed {r2Tol:E2}); relative width {relWidth:F4} vs 1/√(2P_eff) = {claimWidth:F4} (relative error {claimErr:F3}) vs the null 1/√(2P) = {nullWidth:F4} (relative error {nullErr:F3}, thicker than {F5Constants.MinThickening}/√(2P): {thick}); allowed {F5Constants.WidthRtol}");
    }

    /// <summary>F7 on a smooth tanh net at its Kaiming radius: claim the mean of Tr H − [∂²⟨L⟩ + (D−1)/r ∂⟨L⟩] over the
    /// points of <see cref="F7Constants.Frames"/> cross-polytopes within <see cref="F7Constants.MaxStandardErrors"/> SE
    /// of 0; null: the first-derivative term (D − 1)/r ∂⟨L⟩ dropped, ⟨Tr H⟩ = ∂²⟨L⟩. (The flat-space count D/r in place of
    /// D − 1 moves the mean by ∂⟨L⟩/r, well inside one standard error here, so this test cannot separate it; the quartic
    /// control does.) Statistic: the claim's z-score.</summary>
    public static McVerdict F7Tanh(Func<long, long> seed)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 4 }, 3, Activation.Tanh, bias: true);
        var objective = Fixtures.CrossEntropyObjective(model, SyntheticClusters.Generate(12, 4, 3, seed(1)));
        double r = model.InitialParameters(seed(1L)).norm().item<double>();
        var diffs = new List<double>();
        var nullDiffs = new List<double>();
        long p = model.ParameterCount;
        for (int frame = 0; frame < F7Constants.Frames; frame++)
        {
            var directions = SphericalMean.CrossPolytope(p, seed(40 + frame));
            for (long j = 0; j < directions.shape[1]; j++)
            {
                var sides = SphericalMean.Estimate(objective, r, directions.narrow(1, j, 1));
                diffs.Add(sides.MeanTrace - sides.RadialLaplacian);
                nullDiffs.Add(sides.MeanTrace - sides.SecondRadialDerivative);
            }
        }
        var est = Goldilocks.Spectral.Hutchinson.MeanWithError(diffs);
        var nul = Goldilocks.Spectral.Hutchinson.MeanWithError(nullDiffs);
        double z = est.Value / est.StandardError, zNull = nul.Value / nul.StandardError, k = F7Constants.MaxStandardErrors;
        return new McVerdict(Math.Abs(z) < k, Math.Abs(zNull) < k, z, Math.Abs(zNull) - k,
            $"tanh: mean of Tr H − [∂²⟨L⟩ + (D−1)/r ∂⟨L⟩] over {diffs.Count} points = {est.Value:E3} ± {est.StandardError:E2} (z {z:F2}); without the (D−1)/r ∂⟨L⟩ term: {nul.Value:E3} ± {nul.StandardError:E2} (z {zNull:F1}); allowed {k}");
    }
}
