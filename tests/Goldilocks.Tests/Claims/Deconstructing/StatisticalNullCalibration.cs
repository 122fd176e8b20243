using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// Power and null pass probability of the statistical claims of paper 000 (specs "Tolerance and why"): each test runs
/// the claim's experiment at the seeds the seed sweep uses (offsets 0..49, <see cref="NullModel.AtOffset"/>), prints
/// the claim statistic per offset, and the share of permutation-null draws that pass the margin. Explicit: run with
/// <c>dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~StatisticalNullCalibration.&lt;Name&gt;" --logger "console;verbosity=detailed"</c>;
/// NULL_OFFSETS=n uses offsets 0..n-1, NULL_DRAWS=m permutations per offset.
/// </summary>
[Explicit("calibration: minutes; run by hand, results go to the specs")]
[Category("Calibration")]
public sealed class StatisticalNullCalibration
{
    private static readonly int Offsets = NullModel.Offsets(50);
    private static readonly int Draws = int.TryParse(Environment.GetEnvironmentVariable("NULL_DRAWS"), out int m) && m > 0 ? m : 200;

    [OneTimeSetUp]
    public void SingleThread() => torch.set_num_threads(1);

    /// <summary>For each candidate margin: offsets whose claim statistic passes, and null draws that pass (pooled).</summary>
    private static void Report(string what, IReadOnlyList<double> claim, IReadOnlyList<double> nulls, IEnumerable<double> margins, bool atLeast)
    {
        bool Pass(double v, double margin) => atLeast ? v >= margin : v <= margin;
        TestContext.Out.WriteLine($"{what}: claim min {F(claim.Min())} median {F(Statistics.Quantile(claim, 0.5))} max {F(claim.Max())}; "
            + $"null 1%/99% quantiles {F(Statistics.Quantile(nulls, 0.01))} / {F(Statistics.Quantile(nulls, 0.99))} over {nulls.Count} draws");
        foreach (var margin in margins)
            TestContext.Out.WriteLine($"  margin {(atLeast ? ">=" : "<=")} {F(margin)}: claim {claim.Count(v => Pass(v, margin))}/{claim.Count}, null {nulls.Count(v => Pass(v, margin))}/{nulls.Count}");
    }

    [Test]
    public void G15_prior_gradient_line()
    {
        var sizes = new[] { 60, 120, 240, G15Constants.Priors }.Distinct().Order().ToArray();
        int maxPriors = sizes[^1];
        var claim = sizes.ToDictionary(s => s, _ => new List<double>());
        var nulls = sizes.ToDictionary(s => s, _ => new List<double>());
        for (int k = 0; k < Offsets; k++)
        {
            long seed = NullModel.AtOffset(0, k);
            using var problem = Zone(seed, perClass: 50);
            using var theta = problem.Model.InitialParameters(seed);
            var r = PriorGradient.Run(problem.Model, problem.Data, theta, maxPriors, 300, seed);
            foreach (var s in sizes)
            {
                var x = r.Points.Take(s).Select(p => p.PriorDistance).ToArray();
                var y = r.Points.Take(s).Select(p => p.GradientNorm).ToArray();
                claim[s].Add(Statistics.Pearson(x, y));
                for (int i = 0; i < Draws; i++) nulls[s].Add(Statistics.Pearson(x, NullModel.Permuted(y, new Random(1000 * k + i))));
            }
            TestContext.Out.WriteLine($"offset {k}: r {string.Join(" ", sizes.Select(s => $"{s}:{F(claim[s][^1])}"))}");
        }
        foreach (var s in sizes) Report($"G15 Pearson r, {s} priors", claim[s], nulls[s], new[] { 0.1, 0.2, 0.25, 0.3, 0.35, 0.4 }, atLeast: true);
    }

    [Test]
    public void G23_confidence()
    {
        var sizes = new[] { 60, 120, 240, G23Constants.Inits }.Distinct().Order().ToArray();
        int maxInits = sizes[^1];
        var margins = new[] { 0.05, 0.1, 0.12, 0.13, 0.14, 0.15, 0.2 };
        var lines = new List<string>();
        var claimMin = sizes.ToDictionary(s => s, _ => new List<double>());   // min over the three PC signs (sign-adjusted)
        var nullMin = sizes.ToDictionary(s => s, _ => new List<double>());
        var entLoss = sizes.ToDictionary(s => s, _ => new List<double>());
        var entLossNull = sizes.ToDictionary(s => s, _ => new List<double>());
        for (int k = 0; k < Offsets; k++)
        {
            long seed = NullModel.AtOffset(0, k);
            using var problem = Synthetic(seed: seed);
            var r = ConfidenceStudy.Run(problem.Model, problem.Data, Enumerable.Range(0, maxInits).Select(i => seed + i).ToArray(), dimension: 10);
            foreach (var s in sizes)
            {
                var pts = r.Points.Take(s).ToArray();
                var ent = pts.Select(p => p.MeanEntropy).ToArray();
                var grad = pts.Select(p => p.GradientNorm).ToArray();
                var loss = pts.Select(p => p.Loss).ToArray();
                double Signed(double[] pc) => Math.Min(Statistics.Spearman(pc, ent), Math.Min(-Statistics.Spearman(pc, grad), -Statistics.Spearman(pc, loss)));
                var pcs = pts.Select(p => p.PositiveCurvature).ToArray();
                claimMin[s].Add(Signed(pcs));
                entLoss[s].Add(Statistics.Spearman(ent, loss));
                for (int i = 0; i < Draws; i++)
                {
                    var rng = new Random(1000 * k + i);
                    nullMin[s].Add(Signed(NullModel.Permuted(pcs, rng)));
                    entLossNull[s].Add(Statistics.Spearman(ent, NullModel.Permuted(loss, rng)));
                }
            }
            TestContext.Out.WriteLine($"offset {k}: min signed rho {string.Join(" ", sizes.Select(s => $"{s}:{F(claimMin[s][^1])}"))} ent~loss {string.Join(" ", sizes.Select(s => $"{s}:{F(entLoss[s][^1])}"))}");
        }
        foreach (var s in sizes)
        {
            Report($"G23 min(ρ(PC,entropy), −ρ(PC,‖∇L‖), −ρ(PC,loss)), {s} inits", claimMin[s], nullMin[s], margins, atLeast: true);
            Report($"G23 ρ(entropy, loss), {s} inits", entLoss[s], entLossNull[s], new[] { -0.2, -0.3 }, atLeast: false);
        }
    }

    /// <summary>G16: the test's measurement at the sweep offsets; null model: the model's prior uniform in both
    /// measurements, i.e. the α = 0.01 measurements of two different offsets (i ≠ j, ordered) as "α = 1" and control.</summary>
    [Test]
    public void G16_gradient_cosines()
    {
        var rows = Enumerable.Range(0, Offsets).Select(k => StatisticalGradientTests.G16Cosines(NullModel.AtOffset(0, k), 1.0, 0.01)).ToList();
        foreach (var (r, k) in rows.Select((r, k) => (r, k)))
            TestContext.Out.WriteLine($"offset {k}: last(1) {F(r[0].LastLayerCosine)} last(0.01) {F(r[1].LastLayerCosine)} full(1) {F(r[0].Cosine)} full(0.01) {F(r[1].Cosine)} pass {DeconstructingVerdicts.G16(r[0], r[1]).Passed}");
        int claim = rows.Count(r => DeconstructingVerdicts.G16(r[0], r[1]).Passed);
        var pairs = (from i in Enumerable.Range(0, rows.Count) from j in Enumerable.Range(0, rows.Count) where i != j select (A: rows[i][1], B: rows[j][1])).ToList();
        int nulls = pairs.Count(p => DeconstructingVerdicts.G16(p.A, p.B).Passed);
        TestContext.Out.WriteLine($"G16: claim {claim}/{rows.Count}; null {nulls}/{pairs.Count} ordered pairs of α = 0.01 measurements; "
            + $"null last-layer cos ≥ 0.2 alone: {rows.Count(r => r[1].LastLayerCosine >= 0.2)}/{rows.Count}; control |cos| max {F(rows.Max(r => Math.Abs(r[1].LastLayerCosine)))}");
    }

    /// <summary>G22: the test's Eq. 8 fit at the sweep offsets with 9 and 17 confidence levels; null model: Eq. 8 does not
    /// track the true G-term PC, i.e. the pairing of true and predicted PC across the levels is permuted (the hottest
    /// level's ratio then uses whichever prediction lands there).</summary>
    [Test]
    public void G22_eq8_tracking()
    {
        foreach (int levels in new[] { 9, G22Constants.Levels }.Distinct())
        {
            var rho = new List<double>();
            var hot = new List<double>();
            var nullRho = new List<double>();
            var nullHotOk = new List<bool>();
            for (int k = 0; k < Offsets; k++)
            {
                long seed = NullModel.AtOffset(0, k);
                using var problem = Synthetic(seed: seed);
                var r = RandomLogitFit.Run(problem.Model, problem.Data, Statistics.LogGrid(0.1, 10, levels), seed: seed, dimension: 50);
                var ok = r.Points.Where(p => p.TrueGTermPC is not null && p.PredictedPC is not null).ToArray();
                var t = ok.Select(p => p.TrueGTermPC!.Value).ToArray();
                var e = ok.Select(p => p.PredictedPC!.Value).ToArray();
                rho.Add(Statistics.Spearman(t, e));
                hot.Add(e[0] / t[0]);
                for (int i = 0; i < Draws; i++)
                {
                    var pe = NullModel.Permuted(e, new Random(1000 * k + i));
                    nullRho.Add(Statistics.Spearman(t, pe));
                    nullHotOk.Add(pe[0] / t[0] >= 1.0 && pe[0] / t[0] <= 2.5);
                }
                TestContext.Out.WriteLine($"levels {levels} offset {k}: defined {ok.Length}, rho {F(rho[^1])}, hot ratio {F(hot[^1])}");
            }
            foreach (double m in new[] { 0.75, 0.8, 0.85, 0.9 })
            {
                int claim = rho.Zip(hot).Count(p => p.First >= m && p.Second >= 1.0 && p.Second <= 2.5);
                int nulls = nullRho.Zip(nullHotOk).Count(p => p.First >= m && p.Second);
                TestContext.Out.WriteLine($"G22 {levels} levels, Spearman ≥ {F(m)} and hot ratio in [1, 2.5]: claim {claim}/{rho.Count}, null {nulls}/{nullRho.Count} (Spearman alone {nullRho.Count(v => v >= m)})");
            }
            TestContext.Out.WriteLine($"G22 {levels} levels: rho min {F(rho.Min())} median {F(Statistics.Quantile(rho, 0.5))}; hot ratio min {F(hot.Min())} max {F(hot.Max())}");
        }
    }

    /// <summary>G12: the test's 30 paths at the sweep offsets; null model: Γ⁻² permuted along each path. Counts paths
    /// (not only whole draws) that pass the per-path checks, and draws in which all 30 pass (the test's verdict).</summary>
    [Test]
    public void G12_gamma_paths()
    {
        int claim = 0, nullPaths = 0, nullAll = 0, paths = 0;
        double nullBest = double.PositiveInfinity;
        for (int k = 0; k < Offsets; k++)
        {
            var r = GammaCurves.Run(paths: 30, seed: NullModel.AtOffset(0, k));
            if (r.Paths.All(DeconstructingVerdicts.G12PathIsMonotone)) claim++;
            for (int i = 0; i < Draws; i++)
            {
                var rng = new Random(1000 * k + i);
                var permuted = r.Paths.Select(p => StatisticalSoftmaxTests.G12Permuted(p, rng)).ToArray();
                int pass = permuted.Count(DeconstructingVerdicts.G12PathIsMonotone);
                nullPaths += pass;
                paths += permuted.Length;
                if (pass == permuted.Length) nullAll++;
                nullBest = Math.Min(nullBest, permuted.Min(p => p.EntropyRankCorrelation));
            }
        }
        TestContext.Out.WriteLine($"G12: claim {claim}/{Offsets} offsets pass every path's rank and monotonicity checks; null: {nullAll}/{Offsets * Draws} draws pass, {nullPaths}/{paths} permuted paths pass, most negative permuted Spearman {F(nullBest)}");
    }

    /// <summary>G20: the test's 21-point α sweep at the sweep offsets; null model: PC(H) permuted across the α points.
    /// Also prints each offset's PC(H) and ‖G‖₂/‖H-term‖₂ per α, for the spec's edge statistics.</summary>
    [Test]
    public void G20_zone()
    {
        int claim = 0, nulls = 0;
        for (int k = 0; k < Offsets; k++)
        {
            long seed = NullModel.AtOffset(0, k);
            using var problem = Zone(seed);
            var sweep = StatisticalZoneTests.DenseSweep(problem, seed);
            var pc = sweep.Select(p => p.HessianPC).ToArray();
            var verdict = DeconstructingVerdicts.G20(sweep);
            if (verdict.Passed) claim++;
            int n = Enumerable.Range(0, Draws).Count(i => DeconstructingVerdicts.G20(StatisticalZoneTests.WithHessianPC(sweep, NullModel.Permuted(pc, new Random(1000 * k + i)))).Passed);
            nulls += n;
            TestContext.Out.WriteLine($"offset {k}: {(verdict.Passed ? "passes" : "FAILS")} {verdict.Measured}; null passes {n}/{Draws}; PC {string.Join(" ", pc.Select(v => v.ToString("R")))} ratio {string.Join(" ", sweep.Select(p => p.DominanceRatio.ToString("R")))}");
        }
        TestContext.Out.WriteLine($"G20: claim {claim}/{Offsets}, null {nulls}/{Offsets * Draws}");
    }

    /// <summary>G18, G19 and G21 (shape part): their null model at NULL_OFFSETS offsets (run with 300 for a 1 % bound):
    /// the test's α grid, seed and subspace with T = α^L (<see cref="StatisticalZoneTests.SoftmaxHeldFixed"/>), so the softmax
    /// stays at its α = 1 value. Prints each criterion's verdict and the null statistic closest to its margin.</summary>
    [Test]
    public void G18_G19_G21_softmax_held_fixed()
    {
        int g18 = 0, g19 = 0, g21 = 0;
        double slopeMiss = double.PositiveInfinity, ratio18 = double.PositiveInfinity, collapsed = 0, ratio19 = double.PositiveInfinity, edge = double.PositiveInfinity;
        for (int k = 0; k < Offsets; k++)
        {
            long seed = NullModel.AtOffset(0, k);
            using var problem = Zone(seed);
            int l = problem.Model.HomogeneityDegree!.Value;
            var sweep = StatisticalZoneTests.SoftmaxHeldFixed(problem, seed);
            var v18 = DeconstructingVerdicts.G18(sweep, l);
            var v19 = DeconstructingVerdicts.G19(sweep);
            var t = StatisticalZoneTests.NullTemperatureSweep(sweep, l);
            var v21 = DeconstructingVerdicts.G21Temperature(t, Array.Empty<(CurvaturePoint, CurvaturePoint)>());
            g18 += v18.Passed ? 1 : 0;
            g19 += v19.Passed ? 1 : 0;
            g21 += v21.Passed ? 1 : 0;
            var small = sweep.Where(p => p.Alpha <= 1e-2).OrderBy(p => p.Alpha).ToArray();
            var a = small.Select(p => p.Alpha).ToArray();
            slopeMiss = Math.Min(slopeMiss, Math.Min(Math.Abs(Statistics.LogLogSlope(a, small.Select(p => p.GTerm.SpectralNorm).ToArray()) - (2 * l - 2)),
                Math.Abs(Statistics.LogLogSlope(a, small.Select(p => p.HTerm.SpectralNorm).ToArray()) - (l - 2))));
            ratio18 = Math.Min(ratio18, small[0].DominanceRatio);
            var top = sweep.MaxBy(p => p.Alpha)!;
            collapsed = Math.Max(collapsed, top.CollapsedFraction);
            ratio19 = Math.Min(ratio19, top.DominanceRatio);
            double peak = t.Max(p => p.HessianPC);
            edge = Math.Min(edge, Math.Max(t.MinBy(p => p.Temperature)!.HessianPC, t.MaxBy(p => p.Temperature)!.HessianPC) / peak);
            TestContext.Out.WriteLine($"offset {k}: G18 {v18.Measured} | G19 {v19.Measured} | G21 {v21.Measured}");
        }
        TestContext.Out.WriteLine($"null passes over {Offsets} offsets: G18 {g18}, G19 {g19}, G21 {g21}");
        TestContext.Out.WriteLine($"closest to the margins: G18 smallest slope miss {F(slopeMiss)} (margin {G18Constants.SlopeTolerance}), smallest ‖G‖₂/‖H-term‖₂ at α = 1e-3 {F(ratio18)} (margin < {G18Constants.MaxDominanceRatio}); "
            + $"G19 largest collapsed share at α = 100 {F(collapsed)} (margin ≥ {G19Constants.MinCollapsedFraction}), smallest ratio {F(ratio19)} (margin < {G19Constants.MaxDominanceRatio}); "
            + $"G21 smallest larger-end PC(H)/peak {F(edge)} (margin < {G21Constants.MaxEdgeShare})");
    }

    /// <summary>G24: the test's two curves at the sweep offsets; null model: the Hutchinson curve permuted across α.</summary>
    [Test]
    public void G24_hutchinson_shape()
    {
        int levels = int.TryParse(Environment.GetEnvironmentVariable("G24_LEVELS"), out int l) ? l : G24Constants.Levels;
        int claim = 0, nulls = 0;
        var pearson = new List<double>();
        for (int k = 0; k < Offsets; k++)
        {
            var (alphas, proj, hut) = StatisticalAppendixTests.G24Curves(NullModel.AtOffset(0, k), levels);
            pearson.Add(Statistics.Pearson(proj, hut));
            if (DeconstructingVerdicts.G24(alphas, proj, hut).Passed) claim++;
            nulls += Enumerable.Range(0, Draws).Count(i => DeconstructingVerdicts.G24(alphas, proj, NullModel.Permuted(hut, new Random(1000 * k + i))).Passed);
        }
        TestContext.Out.WriteLine($"G24 Pearson over {Offsets} offsets: min {F(pearson.Min())} median {F(Statistics.Quantile(pearson, 0.5))}");
        TestContext.Out.WriteLine($"G24 {levels} levels, the test's criterion: claim {claim}/{Offsets}, null {nulls}/{Offsets * Draws}");
    }

    /// <summary>G26 null model: the test's window statistics at α = 1 (<see cref="StatisticalAppendixTests.G26NullPoint"/>),
    /// far from collapse, at the sweep seeds of offsets 0..NULL_OFFSETS-1; a draw passes when both window margins hold.</summary>
    [Test]
    public void G26_far_from_collapse()
    {
        var points = Enumerable.Range(0, Offsets).Select(k => StatisticalAppendixTests.G26NullPoint(NullModel.AtOffset(0, k))).ToList();
        foreach (var (p, k) in points.Select((p, k) => (p, k)))
            TestContext.Out.WriteLine($"offset {k}: PC(G₁) {F(p.GTermPC ?? double.NaN)} dominance {F(p.DominanceError ?? double.NaN)} alignment {F(p.InputAlignment ?? double.NaN)}");
        var dom = points.Select(p => p.DominanceError!.Value).ToList();
        var al = points.Select(p => p.InputAlignment!.Value).ToList();
        TestContext.Out.WriteLine($"G26 at α = 1 over {Offsets} offsets: PC(G₁) min {F(points.Min(p => p.GTermPC!.Value))}; dominance error min {F(dom.Min())} median {F(Statistics.Quantile(dom, 0.5))} "
            + $"(≤ {G26Constants.MaxDominanceError} on {dom.Count(d => d <= G26Constants.MaxDominanceError)}); alignment median {F(Statistics.Quantile(al, 0.5))} max {F(al.Max())} "
            + $"(≥ {G26Constants.MinInputAlignment} on {al.Count(a => a >= G26Constants.MinInputAlignment)}); both margins hold on {points.Count(StatisticalAppendixTests.G26MarginsHold)}");
    }

    /// <summary>G27 power and null of the trainability check: at sweep offsets 0..NULL_OFFSETS-1 the test's
    /// <see cref="G27Constants.Seeds"/> grids (seeds 0.., offset-shifted); designs judging the first 1..Seeds grids. Null
    /// model: η‖H‖₂ permuted across each grid's cells (NULL_DRAWS per offset).</summary>
    [Test]
    public void G27_trainability()
    {
        int seeds = G27Constants.Seeds;
        var grids = new List<IReadOnlyList<TrainabilityCell>[]>();
        static bool Holds(IReadOnlyList<TrainabilityCell> g) => DeconstructingVerdicts.G27Training(g, G27Constants.Steps).Passed;
        for (int k = 0; k < Offsets; k++)
        {
            grids.Add(Enumerable.Range(0, seeds).Select(s => StatisticalTrainabilityTests.Grid(NullModel.AtOffset(s, k))).ToArray());
            TestContext.Out.WriteLine($"offset {k}: grids {string.Join(" ", grids[^1].Select(g => Holds(g) ? "hold" : "fail"))}");
        }
        var flat = grids.SelectMany(w => w).ToList();
        int single = 0;
        foreach (var g in flat) single += NullModel.Passes(Draws, 7, rng => Holds(StatisticalTrainabilityTests.SharpnessPermuted(g, rng)));
        TestContext.Out.WriteLine($"G27 per grid: claim {flat.Count(Holds)}/{flat.Count}, null {single}/{flat.Count * Draws}");
        for (int w = 1; w <= seeds; w++)
        {
            int claim = grids.Count(o => o.Take(w).All(Holds));
            int nulls = 0;
            for (int k = 0; k < grids.Count; k++)
                nulls += NullModel.Passes(Draws, 1000 * k, rng => grids[k].Take(w).Select(g => StatisticalTrainabilityTests.SharpnessPermuted(g, rng)).ToList().All(Holds));
            TestContext.Out.WriteLine($"G27 with {w} grid(s): claim {claim}/{grids.Count}, null {nulls}/{grids.Count * Draws}");
        }
    }

    /// <summary>G27 power and null of the USO check: at sweep offsets 0..NULL_OFFSETS-1 the test's USO run, and its null
    /// model, the same run with the cross-entropy gradient (plain GD from the same θ₀).</summary>
    [Test]
    public void G27_uso()
    {
        int claim = 0, nulls = 0;
        for (int k = 0; k < Offsets; k++)
        {
            long seed = NullModel.AtOffset(0, k);
            using var problem = Synthetic(seed: seed);
            var uso = Trainability.UniformSoftmaxOutput(problem.Model, problem.Data, G27Constants.UsoLearningRate, G27Constants.Steps, seed, G27Constants.UsoRecordEvery);
            var plain = Trainability.Trajectory(problem.Model, problem.Data, G27Constants.UsoLearningRate, G27Constants.Steps, seed, G27Constants.UsoRecordEvery, null);
            bool holds = DeconstructingVerdicts.G27Uso(uso).Passed, passes = DeconstructingVerdicts.G27Uso(plain).Passed;
            claim += holds ? 1 : 0;
            nulls += passes ? 1 : 0;
            TestContext.Out.WriteLine($"offset {k}: USO {(holds ? "holds" : "fails")} ({uso.Count} records, ‖θ‖ {F(uso[0].ParameterNorm)} → {F(uso[^1].ParameterNorm)}); plain GD {(passes ? "passes" : "fails")} "
                + $"(‖g‖ {F(plain[0].GradientNorm)} → {F(plain[1].GradientNorm)} at step {plain[1].Step} → {F(plain[^1].GradientNorm)})");
        }
        TestContext.Out.WriteLine($"G27 USO: claim {claim}/{Offsets}, plain-GD null {nulls}/{Offsets} (95 % upper bound {NullModel.UpperBound95(nulls, Offsets):P2})");
    }
}
