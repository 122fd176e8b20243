using static Goldilocks.Tests.Claims.Deconstructing.StatisticalProblems;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// Calibration runs for the statistical claims: each prints one line per seed (20 seeds) with the statistic its test
/// bounds; the specs record the distributions and the margins chosen. Explicit: run with
/// <c>dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~StatisticalCalibration" --logger "console;verbosity=detailed"</c>.
/// GOLDILOCKS_CALIBRATION_SEEDS=n runs seeds 0..n-1 instead of 0..19.
/// </summary>
[Explicit("calibration: minutes; run by hand, results go to the specs")]
[Category("Calibration")]
public sealed class StatisticalCalibration
{
    private static readonly long[] Seeds = Enumerable.Range(0,
        int.TryParse(Environment.GetEnvironmentVariable("GOLDILOCKS_CALIBRATION_SEEDS"), out int n) && n > 0 ? n : 20).Select(i => (long)i).ToArray();

    [OneTimeSetUp]
    public void SingleThread() => torch.set_num_threads(1);

    /// <summary>Writes to the test output and appends to $TMPDIR/goldilocks-calibration.log so long runs can be followed.</summary>
    private static void Log(string line)
    {
        TestContext.Out.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "goldilocks-calibration.log"), $"{TestContext.CurrentContext.Test.Name} {line}\n");
    }

    [Test]
    public void ZoneAlphaSweep()
    {
        foreach (var seed in Seeds)
        {
            using var problem = Zone(seed);
            var alphas = new[] { 1e-3, 3e-3, 1e-2, 0.1, 0.3, 1, 3, 10, 100 };
            var pts = ZoneSweep.Run(problem.Model, problem.Data, new ZoneSweepOptions(alphas, new[] { seed })).ForSeed(seed);
            var small = pts.Take(3).ToArray();
            double gSlope = Statistics.LogLogSlope(small.Select(p => p.Alpha).ToArray(), small.Select(p => p.GTerm.SpectralNorm).ToArray());
            double hSlope = Statistics.LogLogSlope(small.Select(p => p.Alpha).ToArray(), small.Select(p => p.HTerm.SpectralNorm).ToArray());
            double max = pts.Max(p => p.HessianPC);
            var argmax = pts.MaxBy(p => p.HessianPC)!.Alpha;
            var zone = pts.Skip(2).ToArray();
            int agree = zone.Count(p => (p.HessianPC >= 0.5 * max) == (p.DominanceRatio >= 1));
            Log($"seed {seed}: gSlope {F(gSlope)} hSlope {F(hSlope)} argmax {F(argmax)} max {F(max)} " +
                $"pc(1e-2)/max {F(pts[2].HessianPC / max)} pc(100)/max {F(pts[^1].HessianPC / max)} collapsed(100) {F(pts[^1].CollapsedFraction)} " +
                $"ratio(100) {F(pts[^1].DominanceRatio)} ratio(1e-2) {F(pts[2].DominanceRatio)} ratio(1) {F(pts[5].DominanceRatio)} agree {agree}/{zone.Length} " +
                $"PCs {string.Join(" ", pts.Select(p => F(p.HessianPC)))} ratios {string.Join(" ", pts.Select(p => F(p.DominanceRatio)))}");
        }
    }

    [Test]
    public void ZoneTemperatureSweep()
    {
        foreach (var seed in Seeds)
        {
            using var problem = Zone(seed);
            int l = problem.Model.HomogeneityDegree!.Value;
            // The grid of StatisticalZoneTests.TemperatureAloneRecreatesTheZone: T = α^{-L}, α ∈ {1e-2, 0.1, 1, 1e3}.
            var temps = new[] { 1e-2, 1e-1, 1, 1e3 }.Select(a => Math.Pow(a, -l)).ToArray();
            var t = TemperatureSweep.Run(problem.Model, problem.Data, temps, new[] { seed }).ForSeed(seed);
            double max = t.Max(p => p.HessianPC);
            Log($"seed {seed}: argmaxT {F(t.MaxBy(p => p.HessianPC)!.Temperature)} T=1/max {F(t.Single(p => p.Temperature == 1).HessianPC / max)} " +
                $"lowT/max {F(t[0].HessianPC / max)} highT/max {F(t[^1].HessianPC / max)} PCs {string.Join(" ", t.Select(p => F(p.HessianPC)))}");
        }
    }

    [Test]
    public void GammaMonotonicity()
    {
        foreach (var seed in Seeds)
        {
            var r = GammaCurves.Run(paths: G12Constants.Paths, seed: seed);
            var bad = r.Paths.Where(p => p.MonotonicityViolation > 1e-9).ToArray();
            Log($"seed {seed}: maxRho {F(r.Paths.Max(p => p.EntropyRankCorrelation))} maxViol {F(r.Paths.Max(p => p.MonotonicityViolation))} violating {bad.Length}/30 viol {string.Join(",", bad.Select(p => F(p.MonotonicityViolation) + "@gap" + F(p.TopGapRatio)))} " +
                $"minGapOfMonotone {F(r.Paths.Where(p => p.MonotonicityViolation <= 1e-9).Min(p => p.TopGapRatio))} avgViol {F(new GammaPath(Array.Empty<double>(), 0, r.AveragePath).MonotonicityViolation)}");
        }
    }

    [Test]
    public void Eq8()
    {
        foreach (var seed in Seeds)
        {
            using var problem = Synthetic(seed: seed);
            var r = RandomLogitFit.Run(problem.Model, problem.Data, Statistics.LogGrid(0.1, 10, G22Constants.Levels), seed, G22Constants.Dimension);
            var ok = r.Points.Where(p => p.TrueGTermPC is not null && p.PredictedPC is not null).ToArray();
            var rel = ok.Select(p => Math.Abs(p.PredictedPC!.Value - p.TrueGTermPC!.Value) / p.TrueGTermPC.Value).ToArray();
            Log($"seed {seed}: sc2 {F(r.Fit.SigmaC2)} se2 {F(r.Fit.SigmaE2)} maxRel {F(rel.Max())} medRel {F(Statistics.Quantile(rel, 0.5))} " +
                $"spearman {F(Statistics.Spearman(ok.Select(p => p.TrueGTermPC!.Value).ToArray(), ok.Select(p => p.PredictedPC!.Value).ToArray()))} " +
                $"true {string.Join(" ", ok.Select(p => F(p.TrueGTermPC!.Value)))} pred {string.Join(" ", ok.Select(p => F(p.PredictedPC!.Value)))}");
        }
    }

    [Test]
    public void PriorGradientLine()
    {
        foreach (var seed in Seeds)
        {
            using var problem = Zone(seed, perClass: G15Constants.PerClass);
            using var theta = problem.Model.InitialParameters(seed);
            var r = PriorGradient.Run(problem.Model, problem.Data, theta, G15Constants.Priors, G15Constants.SubsetSize, seed);
            Log($"seed {seed}: r {F(r.Fit.R)} slope {F(r.Fit.Slope)} intercept {F(r.Fit.Intercept)} interceptRel {F(r.Fit.Intercept / (r.Fit.Slope * r.Points.Average(p => p.PriorDistance)))} predicted {F(r.PredictedSlope)} ratio {F(r.Fit.Slope / r.PredictedSlope)}");
        }
    }

    [Test]
    public void GradientCosines()
    {
        foreach (var seed in Seeds)
        {
            using var a = Zone(seed);
            using var noise = GradientCosine.GaussianNoise((int)a.Data.Count, a.Model.InputShape, a.Data.Classes, seed + 77);
            var r = GradientCosine.Run(a.Model, a.Data, noise, seed, new[] { 1.0, 0.01 });
            Log($"seed {seed}: cos(1) {F(r[0].Cosine)} cos(0.01) {F(r[1].Cosine)} last(1) {F(r[0].LastLayerCosine)} last(0.01) {F(r[1].LastLayerCosine)} gap {F(r[0].PriorGapA)} {F(r[0].PriorGapB)} / {F(r[1].PriorGapA)}");
        }
    }

    [Test]
    public void Confidence()
    {
        // As the test runs under GOLDILOCKS_SEED_OFFSET = s (data seed s, initializations s … s + Inits − 1), for
        // s = 100 … 119: offsets the seed sweep (0 … 49) does not use.
        foreach (var offset in Seeds.Select(s => s + 100L))
        {
            using var problem = Synthetic(seed: offset);
            var r = ConfidenceStudy.Run(problem.Model, problem.Data, Enumerable.Range(0, G23Constants.Inits).Select(i => offset + i).ToArray(), G23Constants.Dimension);
            Log($"offset {offset}: pc~ent {F(r.PcVsEntropy)} pc~grad {F(r.PcVsGradientNorm)} pc~loss {F(r.PcVsLoss)} ent~loss {F(r.EntropyVsLoss)}");
        }
    }

    [Test]
    public void HutchinsonShape()
    {
        foreach (var seed in Seeds)
        {
            using var problem = Synthetic(seed: seed);
            var r = HutchinsonComparison.Run(problem.Model, problem.Data, Statistics.LogGrid(1e-2, 1e2, 9), seed, G24Constants.Dimension, G24Constants.Probes);
            var proj = r.Select(p => p.ProjectedPC).ToArray();
            var hut = r.Select(p => p.HutchinsonPC ?? 0).ToArray();
            Log($"seed {seed}: pearson {F(Statistics.Pearson(proj, hut))} argmax {Array.IndexOf(proj, proj.Max())} {Array.IndexOf(hut, hut.Max())} spearman {F(Statistics.Spearman(proj, hut))} edgesP {HutchinsonComparison.Edges(proj, 0.5)} edgesH {HutchinsonComparison.Edges(hut, 0.5)} proj {string.Join(" ", proj.Select(F))} hut {string.Join(" ", hut.Select(F))}");
        }
    }

    [Test]
    public void PreCollapseWindow()
    {
        foreach (var seed in Seeds)
        {
            using var problem = Synthetic(seed: seed);
            var r = PreCollapse.RunToWindow((Goldilocks.Models.Mlp)problem.Model, problem.Data, Statistics.LogGrid(1, 100, 13), seed);
            var w = r.FirstOrDefault(PreCollapse.InWindow);
            Log($"seed {seed}: pc(1) {r[0].GTermPC?.ToString("G4") ?? "-"} window " + (w is null ? "none" : $"a {F(w.Alpha)} dom {w.DominanceError:G3} al {w.InputAlignment:G4}"));
            Log($"seed {seed}: " + string.Join(" | ", r.Select(p => $"a {F(p.Alpha)} pc {(p.GTermPC is { } g ? F(g) : "-")} dom {(p.DominanceError is { } d ? F(d) : "-")} al {(p.InputAlignment is { } x ? F(x) : "-")} col {F(p.CollapsedFraction)}")));
        }
    }

    [Test]
    public void TrainabilityGrid()
    {
        foreach (var seed in Seeds)
        {
            var cells = StatisticalTrainabilityTests.Grid(seed);
            foreach (var c in cells)
                Log($"seed {seed}: a {F(c.Alpha)} eta0 {F(c.BaseRate)} acc {F(c.BestAccuracy)} maxNorm {F(c.MaxParameterNorm)} zero {F(c.ZeroLogitShare)} etaH {F(c.SharpnessProduct)} div {c.Diverged}");
            // The statistics StatisticalTrainabilityTests.AdmissibleRatesTrainAndInadmissibleOnesDoNot bounds.
            var admissible = cells.Where(c => c.Alpha == 1 && c.SharpnessProduct < 2).ToArray();
            var wild = cells.Where(c => c.SharpnessProduct > 20).ToArray();
            Log($"seed {seed}: summary admissible {admissible.Length} bestAdmissible {(admissible.Length > 0 ? F(admissible.Max(c => c.BestAccuracy)) : "-")} " +
                $"wild {wild.Length} wildBestAcc {(wild.Length > 0 ? F(wild.Max(c => c.Diverged ? 0 : c.BestAccuracy)) : "-")} " +
                $"minWildEtaH {(wild.Length > 0 ? F(wild.Min(c => c.SharpnessProduct)) : "-")} maxTrainedEtaH {F(cells.Where(c => c.BestAccuracy >= 0.8).Select(c => c.SharpnessProduct).DefaultIfEmpty(0).Max())}");
            using var problem = Synthetic(seed: seed);
            var uso = Trainability.UniformSoftmaxOutput(problem.Model, problem.Data, 0.1, 200, seed, 50);
            Log($"seed {seed}: USO " + string.Join(" | ", uso.Select(u => $"{u.Step}: n {F(u.ParameterNorm)} g {F(u.GradientNorm)} c0 {F(u.CosineToInitial)} cg {F(u.CosineToNegativeGradient)}")));
        }
    }
}
