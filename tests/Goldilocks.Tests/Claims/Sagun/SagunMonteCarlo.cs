using Goldilocks.Spectral;
using Goldilocks.Tests.Claims.Shared;

namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>The statistics of the Sagun et al. random-matrix and random-initialization tests (S8, S9), shared by each
/// test, its negative control and <see cref="SagunCalibration"/>. <c>seed</c> maps a test's base seed to the seed it
/// draws with: <c>SeedOffset.Apply</c> in the suite, <c>s =&gt; NullModel.AtOffset(s, k)</c> in the calibration.</summary>
internal static class SagunMonteCarlo
{
    /// <summary>Population variances 1 ∓ <see cref="S8Constants.NullVarianceSpread"/> on the two halves of the
    /// coordinates: the S8 null model (rows i.i.d. but not isotropic, same trace as I).</summary>
    private static Tensor NullPopulationScale(int p) =>
        torch.cat(new[]
        {
            torch.full(p / 2, Math.Sqrt(1 - S8Constants.NullVarianceSpread), dtype: ScalarType.Float64),
            torch.full(p - p / 2, Math.Sqrt(1 + S8Constants.NullVarianceSpread), dtype: ScalarType.Float64),
        });

    /// <summary>Largest relative edge error and Kolmogorov distance of the eigenvalues of <paramref name="w"/> to <paramref name="law"/>.</summary>
    private static (double Edge, double Ks) Misfit(Tensor w, MarchenkoPastur law)
    {
        var eig = SymmetricEigen.Eigenvalues(w);
        int p = eig.Length;
        double edge = Math.Max(Math.Abs(eig.Max() / law.Upper - 1), Math.Abs(eig.Min() / law.Lower - 1));
        double ks = eig.Select((l, i) => Math.Max(Math.Abs((i + 1.0) / p - law.CumulativeDistribution(l)), Math.Abs((double)i / p - law.CumulativeDistribution(l)))).Max();
        return (edge, ks);
    }

    /// <summary>S8 limit: W = XᵀX/N at a = <see cref="S8Constants.AspectRatio"/>, P = 50 and 400. Claim: at P = 400 edge
    /// error &lt; <see cref="S8Constants.MaxEdgeError"/> and KS &lt; <see cref="S8Constants.MaxKs"/>, and the KS distance
    /// smaller than at P = 50. Null: the same draws with population variances 1 ∓ ½ on the two halves of the
    /// coordinates (W_ij s_i s_j), judged by the same conditions against the same Marchenko-Pastur law. Statistic: KS at P = 400.</summary>
    public static McVerdict S8Spectra(Func<long, long> seed)
    {
        const double a = S8Constants.AspectRatio;
        var law = new MarchenkoPastur(a);
        var claim = new List<(double Edge, double Ks)>();
        var nul = new List<(double Edge, double Ks)>();
        foreach (int p in new[] { 50, 400 })
        {
            using var scope = torch.NewDisposeScope();
            var w = MarchenkoPastur.SampleCovariance((int)(p / a), p, seed(1000 + p));
            var s = NullPopulationScale(p);
            claim.Add(Misfit(w, law));
            nul.Add(Misfit(w * s.outer(s), law));
        }
        static bool Passes(List<(double Edge, double Ks)> m) =>
            m[1].Edge < S8Constants.MaxEdgeError && m[1].Ks < S8Constants.MaxKs && m[1].Ks < m[0].Ks;
        double nullDistance = Math.Max(Math.Max(nul[1].Edge - S8Constants.MaxEdgeError, nul[1].Ks - S8Constants.MaxKs), nul[0].Ks <= nul[1].Ks ? 0 : double.NegativeInfinity);
        string Line(string name, List<(double Edge, double Ks)> m) =>
            $"{name}: P = 400 edge error {m[1].Edge:F4} (limit {S8Constants.MaxEdgeError}), KS {m[1].Ks:F4} (limit {S8Constants.MaxKs}); KS at P = 50 {m[0].Ks:F4} (must exceed the KS at P = 400)";
        return new McVerdict(Passes(claim), Passes(nul), claim[1].Ks, nullDistance,
            $"{Line("isotropic", claim)}; {Line($"null, variances 1 ∓ {S8Constants.NullVarianceSpread}", nul)}");
    }

    /// <summary>S8 BBP: mean top eigenvalue of <see cref="S8Constants.BbpDraws"/> spiked draws for ℓ = 2 (limit
    /// (1 + ℓ)(1 + a/ℓ) = 3.375) and ℓ = 0.3 &lt; √a (the edge 2.25). Claim: both within <see cref="S8Constants.BbpRtol"/>.
    /// Null: the population value 1 + ℓ (3.0 and 1.3) in place of the limit, same margin. Statistic: the relative error at ℓ = 2.</summary>
    public static McVerdict S8Bbp(Func<long, long> seed)
    {
        const double a = S8Constants.AspectRatio;
        const int p = S8Constants.BbpDimension, n = S8Constants.BbpSamples;
        var rows = new[] { 2.0, 0.3 }.Select(spike =>
        {
            double top = Enumerable.Range(0, S8Constants.BbpDraws).Select(s =>
            {
                using var scope = torch.NewDisposeScope();
                var x = SpikedCovariance.Sample(n, p, new[] { spike }, seed(50 + s));
                return SymmetricEigen.Eigenvalues(x.t().matmul(x) / n).Max();
            }).Average();
            double limit = SpikedCovariance.TopEigenvalueLimit(spike, a);
            return (Spike: spike, Top: top, Limit: limit, Error: ClaimAssert.RelativeError(top, limit), NullError: ClaimAssert.RelativeError(top, 1 + spike));
        }).ToList();
        double tol = S8Constants.BbpRtol;
        return new McVerdict(rows.All(r => r.Error <= tol), rows.All(r => r.NullError <= tol), (rows[0].Top - rows[0].Limit) / rows[0].Limit, rows.Max(r => r.NullError) - tol,
            string.Join("; ", rows.Select(r => $"spike ℓ = {r.Spike}: mean top eigenvalue {r.Top:F4}, limit {r.Limit:F4} (relative error {r.Error:F4}), population 1 + ℓ = {1 + r.Spike} (relative error {r.NullError:F4})"))
            + $"; allowed {tol}");
    }

    /// <summary>S9: cosines of <see cref="S9Constants.Pairs"/> pairs of initializations of a 100-5-5 MLP, isotropic
    /// N(0, I) or Kaiming. Claim: P_eff·E[cos²] within <see cref="S9Constants.VarianceStandardErrors"/> SE √(2/pairs)
    /// of 1 and the KS distance of √P_eff·cos to N(0, 1) below <see cref="S9Constants.KsCritical"/>/√pairs (Kaiming:
    /// also P·E[cos²] &gt; <see cref="S9Constants.MinMisfit"/>). Null, isotropic: the second draw of each pair reuses the
    /// first draw's entries on its first ⌈√P⌉ coordinates (a generator state shared for 23 of 525 entries), which moves
    /// E[P·cos²] from 1 to about 2;
    /// Kaiming: the variance 1/P in place of 1/P_eff. Both judged by the variance and KS conditions. Statistic: P_eff·E[cos²].</summary>
    public static McVerdict S9(bool kaiming, Func<long, long> seed)
    {
        const int pairs = S9Constants.Pairs;
        var model = new Mlp(100, new[] { 5 }, 5);
        long p = model.ParameterCount;
        double pEff = kaiming ? ThinShell.EffectiveDimension(ThinShell.KaimingVariances(model)) : p;
        int sharedEntries = (int)Math.Ceiling(Math.Sqrt(p));
        var gen = new torch.Generator((ulong)seed(9L));
        var cosines = Enumerable.Range(0, pairs).Select(i =>
        {
            using var scope = torch.NewDisposeScope();
            var (u, v) = kaiming
                ? (model.InitialParameters(seed(2L * i + 1)), model.InitialParameters(seed(2L * i + 2)))
                : (torch.randn(new[] { p }, generator: gen), torch.randn(new[] { p }, generator: gen));
            var shared = torch.cat(new[] { u.narrow(0, 0, sharedEntries), v.narrow(0, sharedEntries, p - sharedEntries) });
            return (Claim: EigenvectorSimilarity.Cosine(u, v), Dependent: EigenvectorSimilarity.Cosine(u, shared));
        }).ToArray();
        double varianceTol = S9Constants.VarianceStandardErrors * Math.Sqrt(2.0 / pairs), ksTol = S9Constants.KsCritical / Math.Sqrt(pairs);
        (double Scaled, double Ks) Judge(IEnumerable<double> cos, double dimension)
        {
            var c = cos.ToArray();
            return (c.Average(x => x * x) * dimension, KolmogorovSmirnovToNormal(c.Select(x => x * Math.Sqrt(dimension)).ToArray()));
        }
        bool Passes((double Scaled, double Ks) j) => Math.Abs(j.Scaled - 1) < varianceTol && j.Ks < ksTol;
        double Distance((double Scaled, double Ks) j) => Math.Max(Math.Abs(j.Scaled - 1) - varianceTol, j.Ks - ksTol);
        var claim = Judge(cosines.Select(c => c.Claim), pEff);
        var nul = kaiming ? Judge(cosines.Select(c => c.Claim), p) : Judge(cosines.Select(c => c.Dependent), p);
        double misfit = claim.Scaled * p / pEff;
        bool claimPasses = Passes(claim) && (!kaiming || misfit > S9Constants.MinMisfit);
        string nullName = kaiming ? "null 1/P" : $"null, {sharedEntries} entries shared";
        return new McVerdict(claimPasses, Passes(nul), claim.Scaled, Distance(nul),
            $"{(kaiming ? "Kaiming" : "isotropic")}: P = {p}, P_eff = {pEff:F1}; P_eff·E cos² = {claim.Scaled:F4} (allowed 1 ± {varianceTol:F4}), KS of √P_eff·cos to N(0,1) {claim.Ks:F4} (1% critical value {ksTol:F4})"
            + (kaiming ? $", P·E cos² = {misfit:F3} (must exceed {S9Constants.MinMisfit})" : "")
            + $"; {nullName}: scaled E cos² {nul.Scaled:F4}, KS {nul.Ks:F4}");
    }

    private static double KolmogorovSmirnovToNormal(double[] samples)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        int n = sorted.Length;
        return sorted.Select((x, i) => { double f = NormalCdf(x); return Math.Max(Math.Abs((i + 1.0) / n - f), Math.Abs((double)i / n - f)); }).Max();
    }

    private static double NormalCdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    // Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7, far below the KS resolution 1/√pairs).
    private static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
