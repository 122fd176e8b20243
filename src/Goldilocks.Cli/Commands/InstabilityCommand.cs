using System.CommandLine;
using System.Text.Json.Nodes;
using Goldilocks.Cli.Infrastructure;
using Goldilocks.Cli.Plotting;
using Goldilocks.Experiments;
using Goldilocks.Reporting;
using Goldilocks.Theory;
using Goldilocks.Training;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks instability</c> (Wang &amp; Roberts): sharpness η·λ_max/2 and the rotation of the top Hessian
/// eigenvector along full-batch GD at learning rates given as fractions of 2/λ_max(θ₀): the two-parameter DLN
/// L = z(θ₁θ₂) (Fig. 1, exact 2×2 Hessian) and a small bias-free ReLU MLP (Fig. 2-4, Lanczos).</summary>
public static class InstabilityCommand
{
    private static readonly Option<double[]> Factors = new Option<double[]>("--factors")
    {
        Description = "Learning rates as fractions c of 2/λ_max at the start: η = c·2/λ_max(θ₀).",
        DefaultValueFactory = _ => new[] { 0.5, 0.9, 1.2 }, AllowMultipleArgumentsPerToken = true,
    }.PositiveFinite();

    private static readonly Option<int> Steps = new Option<int>("--steps") { Description = "GD steps of the MLP runs.", DefaultValueFactory = _ => 150 }.AtLeast(2);

    private static readonly Option<int> RecordEvery = new Option<int>("--record-every") { Description = "Lanczos top-eigenpair record interval (MLP).", DefaultValueFactory = _ => 5 }.AtLeast(1);

    private static readonly Option<int> DlnSteps = new Option<int>("--dln-steps") { Description = "GD steps of the two-parameter DLN.", DefaultValueFactory = _ => 60 }.AtLeast(2);

    private static readonly Option<double[]> DlnStart = new Option<double[]>("--dln-start")
    {
        Description = "Initial (θ₁, θ₂) of the DLN with z(Θ) = Θ⁴/4 + Θ²/2.", DefaultValueFactory = _ => new[] { 1.2, 0.3 }, AllowMultipleArgumentsPerToken = true,
    };

    public static readonly ExperimentCommand Command = new("instability",
        "Sharpness and top-eigenvector rotation along GD near 2/λ_max: two-parameter DLN (W&R Fig. 1) and a small MLP (Fig. 2-4).",
        new Option[] { Factors, Steps, RecordEvery, DlnSteps, DlnStart }, Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var factors = parse.GetValue(Factors)!;
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
        settings["mlp"] = EdgeOfStabilitySetup.Default.ToString();
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

        // Small bias-free MLP (EdgeOfStabilitySetup): Lanczos top eigenpair every --record-every steps.
        var (objective, initial) = EdgeOfStabilityExperiment.Create(ctx.Seed);
        using var _ = objective.Data;
        using var __ = initial;
        double lambda0 = Trainability.Sharpness(objective, initial, ctx.Seed);
        var mlpRuns = new JsonArray();
        var ratio = new List<Series>();
        var overlap = new List<Series>();
        var losses = new List<Series>();
        foreach (var c in factors)
        {
            double eta = c * 2 / lambda0;
            var run = EigenTracking.Run(objective, initial, eta, steps, new EigenTrackingOptions(TopK: 1, RecordEvery: every, Seed: ctx.Seed));
            var snaps = run.Snapshots;
            var ov = snaps.Select((s, i) => i == 0 ? double.NaN : Math.Abs(s.Eigenvectors.select(1, 0).dot(snaps[i - 1].Eigenvectors.select(1, 0)).item<double>())).ToArray();
            var st = snaps.Select(s => (double)s.Step).ToArray();
            var rr = snaps.Select(s => eta * s.Sharpness / 2).ToArray();
            for (int i = 0; i < snaps.Count; i++) csv.Add("mlp", c, eta, snaps[i].Step, snaps[i].Loss, rr[i], ov[i]);
            ratio.Add(new Series($"η = {c:G3}·2/λ₀", st, rr));
            overlap.Add(new Series($"η = {c:G3}·2/λ₀", st, ov));
            losses.Add(new Series($"η = {c:G3}·2/λ₀", st, snaps.Select(s => s.Loss).ToArray()));
            var summary = snaps.Count >= 2 ? EdgeOfStabilityExperiment.Summarize(run) : null;
            mlpRuns.Add(new JsonObject
            {
                ["factor"] = c, ["learningRate"] = eta, ["diverged"] = run.Diverged, ["stepsTaken"] = run.StepsTaken,
                ["peakRatio"] = ReportJson.Number(summary?.PeakRatio), ["lateMedianRatio"] = ReportJson.Number(summary?.LateMedianRatio),
                ["lossIncreases"] = summary?.LossIncreases, ["finalLossFraction"] = ReportJson.Number(summary?.FinalLossFraction),
                ["steps"] = Array(snaps.Select(s => (long)s.Step)), ["sharpnessRatio"] = Array(rr), ["eigenvectorOverlap"] = Array(ov),
                ["loss"] = Array(snaps.Select(s => s.Loss)),
            });
            foreach (var s in snaps) { s.Eigenvectors.Dispose(); s.Parameters.Dispose(); }
        }
        results["mlpInitialSharpness"] = lambda0;
        results["mlp"] = mlpRuns;
        output.Csv("instability.csv", csv);
        output.Figure("instability-mlp-sharpness.png", $"Small bias-free ReLU MLP: η·S/2 along full-batch GD (S = λ_max, Lanczos; λ₀ = {lambda0:G3})",
            LinePlot.Render("MLP: sharpness relative to 2/η", "GD step (count)", "η·λ_max/2 (dimensionless)", ratio));
        output.Figure("instability-mlp-rotation.png", $"Small MLP: |cos| between top Hessian eigenvectors {every} steps apart (1 = no rotation)",
            LinePlot.Render("MLP: top-eigenvector rotation", "GD step (count)", "|⟨v_t, v_{t−k}⟩| (dimensionless)", overlap));
        output.Figure("instability-mlp-loss.png", "Small MLP: training loss along GD",
            LinePlot.Render("MLP: training loss", "GD step (count)", "cross-entropy loss (nats)", losses, logY: true));
        return output.Finish(settings, results);
    }
}
