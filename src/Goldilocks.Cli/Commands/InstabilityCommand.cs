using Goldilocks.Cli.Plotting;
using Goldilocks.Spectral;
using Goldilocks.Training;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks instability</c> (Wang &amp; Roberts): sharpness η·λ_max/2 and the rotation of the top Hessian
/// eigenvector along full-batch GD at learning rates given as fractions of 2/λ_max(θ₀): the two-parameter DLN
/// L = z(θ₁θ₂) (Fig. 1, exact 2×2 Hessian); and, at fixed learning rates, the squared-error tanh MLP of
/// <see cref="SquaredErrorSetup"/> (Sec. 2.1 / Cohen et al. 2021; claim W9), where the sharpness rises to 2/η and hovers
/// there (cross-entropy on the separable clusters flattens instead: specs/W9), tracked by <see cref="EigenTracking"/> with <see cref="WarmStartedSubspaceIteration"/>.</summary>
public static class InstabilityCommand
{
    private static readonly Option<double[]> Factors = new Option<double[]>("--factors")
    {
        Description = "DLN learning rates as fractions c of 2/λ_max at the start: η = c·2/λ_max(θ₀).",
        DefaultValueFactory = _ => new[] { 0.5, 0.9, 1.2 }, AllowMultipleArgumentsPerToken = true,
    }.PositiveFinite();

    private static readonly Option<double[]> Rates = new Option<double[]>("--rates")
    {
        Description = "Learning rates η of the squared-error MLP runs (specs/W9 uses 0.3; each run's sharpness rises towards its own 2/η).",
        DefaultValueFactory = _ => new[] { 0.15, 0.3, 0.45 }, AllowMultipleArgumentsPerToken = true,
    }.PositiveFinite();

    private static readonly Option<int> Steps = new Option<int>("--steps") { Description = "GD steps of the MLP runs.", DefaultValueFactory = _ => 160 }.AtLeast(2);

    private static readonly Option<int> RecordEvery = new Option<int>("--record-every") { Description = "Top-eigenpair record interval of the MLP runs (steps).", DefaultValueFactory = _ => 5 }.AtLeast(1);

    private static readonly Option<int> DlnSteps = new Option<int>("--dln-steps") { Description = "GD steps of the two-parameter DLN.", DefaultValueFactory = _ => 60 }.AtLeast(2);

    private static readonly Option<double[]> DlnStart = new Option<double[]>("--dln-start")
    {
        Description = "Initial (θ₁, θ₂) of the DLN with z(Θ) = Θ⁴/4 + Θ²/2.", DefaultValueFactory = _ => new[] { 1.2, 0.3 }, AllowMultipleArgumentsPerToken = true,
    };

    public static readonly ExperimentCommand Command = new("instability",
        "Sharpness and top-eigenvector rotation along GD near 2/λ_max: two-parameter DLN (W&R Fig. 1) and a squared-error tanh MLP (Sec. 2.1, Fig. 2).",
        new Option[] { Factors, Rates, Steps, RecordEvery, DlnSteps, DlnStart }, Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var factors = parse.GetValue(Factors)!;
        var rates = parse.GetValue(Rates)!;
        var start = parse.GetValue(DlnStart)!;
        if (start.Length != 2 || start.Any(v => !double.IsFinite(v))) throw new CliUsageException("--dln-start needs two finite numbers θ₁ θ₂");
        int steps = parse.GetValue(Steps), every = parse.GetValue(RecordEvery), dlnSteps = parse.GetValue(DlnSteps);
        var settings = ctx.BaseSettings(device);
        settings["factors"] = Array(factors);
        settings["steps"] = steps;
        settings["recordEvery"] = every;
        settings["dlnSteps"] = dlnSteps;
        settings["dlnStart"] = Array(start);
        settings["dlnLoss"] = "z(Θ) = Θ⁴/4 + Θ²/2";
        settings["rates"] = Array(rates);
        settings["mlp"] = $"{SquaredErrorSetup.Default}, loss ½‖z − y‖² on one-hot targets, full-batch GD";
        var output = new OutputSet(ctx);
        var csv = new CsvTable("system", "factor", "learningRate", "step", "loss", "sharpnessRatio", "eigenvectorOverlap");
        var results = new JsonObject();

        // Two-parameter DLN: exact 2×2 Hessian (W&R Eq. 4); overlap = |cos| between consecutive top eigenvectors.
        var z = new EvenPolynomialLoss((2, 0.5), (4, 0.25));
        var dln0 = new TwoParameterDln(z, start[0], start[1]);
        var dlnRuns = new JsonArray();
        var dlnRatio = new List<Series>();
        var dlnAngle = new List<Series>();
        foreach (var c in factors)
        {
            double eta = c * dln0.StabilityLimit;
            var state = dln0;
            var rows = new List<(int Step, double Loss, double Ratio, double Angle)>();
            for (int t = 0; t <= dlnSteps && double.IsFinite(state.Output) && Math.Abs(state.Output) < 1e6; t++)
            {
                var h = state.Hessian();
                double angle = 0.5 * Math.Atan2(2 * h[0, 1], h[0, 0] - h[1, 1]) * 180 / Math.PI;
                rows.Add((t, z.Value(state.Output), eta * state.Eigenvalues().Top / 2, angle));
                state = state.Step(eta);
            }
            foreach (var r in rows) csv.Add("dln", c, eta, r.Step, r.Loss, r.Ratio, r.Angle);
            var st = rows.Select(r => (double)r.Step).ToArray();
            dlnRatio.Add(new Series($"η = {c:G3}·2/λ₀", st, rows.Select(r => r.Ratio).ToArray()));
            dlnAngle.Add(new Series($"η = {c:G3}·2/λ₀", st, rows.Select(r => r.Angle).ToArray()));
            dlnRuns.Add(new JsonObject
            {
                ["factor"] = c, ["learningRate"] = eta, ["steps"] = rows.Count - 1, ["finalLoss"] = ReportJson.Number(rows[^1].Loss),
                ["sharpnessRatio"] = Array(rows.Select(r => r.Ratio)), ["topEigenvectorAngleDegrees"] = Array(rows.Select(r => r.Angle)),
            });
        }
        results["dln"] = dlnRuns;
        output.Figure("instability-dln-sharpness.png", $"Two-parameter DLN {settings["dlnLoss"]}: η·λ_max/2 along GD (1 = edge of stability)",
            LinePlot.Render("Two-parameter DLN: sharpness", "GD step (count)", "η·λ_max/2 (dimensionless)", dlnRatio));
        output.Figure("instability-dln-rotation.png", "Two-parameter DLN: angle of the top Hessian eigenvector to the θ₁ axis along GD",
            LinePlot.Render("Two-parameter DLN: top eigenvector", "GD step (count)", "angle to θ₁ axis (degrees)", dlnAngle));

        // Squared-error tanh MLP (SquaredErrorSetup, specs/W9): top eigenpair by warm-started subspace iteration every
        // --record-every steps; overlap = |cos| between consecutive recorded top eigenvectors.
        var (objective, initial) = SquaredErrorSetup.Default.Create(ctx.Seed);
        using var _ = objective.Data;
        using var __ = initial;
        var mlpRuns = new JsonArray();
        var ratio = new List<Series>();
        var overlap = new List<Series>();
        var losses = new List<Series>();
        double initialSharpness = double.NaN;
        foreach (var eta in rates)
        {
            EigenTrackingResult run;
            using (var solver = new WarmStartedSubspaceIteration(blockSize: 4, iterations: 2, seed: ctx.Seed))
                run = EigenTracking.Run(objective, initial, eta, steps, new EigenTrackingOptions(TopK: 1, RecordEvery: every, KeepEigenvectors: true), solver);
            run.FinalParameters?.Dispose();
            var records = run.Records;
            if (records.Count > 0 && double.IsNaN(initialSharpness)) initialSharpness = records[0].Sharpness;
            var ov = records.Select((r, i) => i == 0 ? double.NaN : EigenvectorSimilarity.AbsCosine(r.Eigenvectors![.., 0], records[i - 1].Eigenvectors![.., 0])).ToArray();
            var st = records.Select(r => (double)r.Step).ToArray();
            var rr = run.StabilityRatio;
            for (int i = 0; i < records.Count; i++) csv.Add("mlp", double.NaN, eta, records[i].Step, records[i].Loss, rr[i], ov[i]);
            string label = $"η = {eta:G3}";
            ratio.Add(new Series(label, st, rr));
            overlap.Add(new Series(label, st, ov));
            losses.Add(new Series(label, st, run.Losses));
            var summary = !run.Diverged && records.Count >= 2 ? EdgeOfStabilityStatistics.Sharpening(run) : null;
            mlpRuns.Add(new JsonObject
            {
                ["learningRate"] = eta, ["diverged"] = run.Diverged, ["records"] = records.Count,
                ["initialRatio"] = ReportJson.Number(summary?.InitialRatio), ["peakRatio"] = ReportJson.Number(summary?.PeakRatio),
                ["lateMedianRatio"] = ReportJson.Number(summary?.LateMedianRatio), ["lateFractionNearLimit"] = ReportJson.Number(summary?.LateFractionNearLimit),
                ["lossIncreases"] = summary?.LossIncreases, ["finalLossFraction"] = ReportJson.Number(summary?.FinalLossFraction),
                ["steps"] = Array(records.Select(r => (long)r.Step)), ["sharpnessRatio"] = Array(rr), ["eigenvectorOverlap"] = Array(ov),
                ["loss"] = Array(run.Losses),
            });
            foreach (var r in records) r.Eigenvectors?.Dispose();
        }
        results["mlpInitialSharpness"] = ReportJson.Number(initialSharpness);
        results["mlp"] = mlpRuns;
        output.Csv("instability.csv", csv);
        output.Figure("instability-mlp-sharpness.png", $"Squared-error tanh MLP: η·S/2 along full-batch GD (S = λ_max by subspace iteration; S(θ₀) = {initialSharpness:G3}; 1 = edge of stability 2/η)",
            LinePlot.Render("Squared-error tanh MLP: sharpness relative to 2/η", "GD step (count)", "η·λ_max/2 (dimensionless)", ratio));
        output.Figure("instability-mlp-rotation.png", $"Squared-error tanh MLP: |cos| between top Hessian eigenvectors {every} steps apart (1 = no rotation)",
            LinePlot.Render("Squared-error tanh MLP: top-eigenvector rotation", "GD step (count)", "|⟨v_t, v_{t−k}⟩| (dimensionless)", overlap));
        output.Figure("instability-mlp-loss.png", "Squared-error tanh MLP: training loss along GD (non-monotone at the edge of stability)",
            LinePlot.Render("Squared-error tanh MLP: training loss", "GD step (count)", "mean ½‖z − y‖² (squared logit units)", losses, logY: true));
        return output.Finish(settings, results);
    }
}
