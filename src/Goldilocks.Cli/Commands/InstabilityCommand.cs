using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks instability</c> (Wang &amp; Roberts): sharpness η·λ_max/2 and the rotation of the top Hessian
/// eigenvector along full-batch GD at learning rates given as fractions of 2/λ_max(θ₀): the two-parameter DLN
/// L = z(θ₁θ₂) (Fig. 1, exact 2×2 Hessian); and, at fixed learning rates, the squared-error tanh MLP of
/// <see cref="SquaredErrorSetup"/> (Sec. 2.1 / Cohen et al. 2021; claim W9), where the sharpness rises to 2/η and hovers
/// there (cross-entropy on the separable clusters flattens instead: specs/W9); the runs are <see cref="InstabilityStudy"/>'s.</summary>
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
        var r = InstabilityStudy.Run(start[0], start[1], factors, dlnSteps, rates, steps, every, ctx.Seed);
        var output = new OutputSet(ctx);
        var csv = new CsvTable("system", "factor", "learningRate", "step", "loss", "sharpnessRatio", "eigenvectorOverlap");
        foreach (var run in r.Dln)
            for (int t = 0; t < run.Loss.Length; t++) csv.Add("dln", run.Factor, run.LearningRate, t, run.Loss[t], run.SharpnessRatio[t], run.TopEigenvectorAngleDegrees[t]);
        foreach (var run in r.Mlp)
            for (int i = 0; i < run.Steps.Length; i++) csv.Add("mlp", double.NaN, run.LearningRate, run.Steps[i], run.Loss[i], run.SharpnessRatio[i], run.EigenvectorOverlap[i]);
        static double[] StepAxis(int count) => Enumerable.Range(0, count).Select(t => (double)t).ToArray();
        output.Figure("instability-dln-sharpness.png", $"Two-parameter DLN {settings["dlnLoss"]}: η·λ_max/2 along GD (1 = edge of stability)",
            LinePlot.Render("Two-parameter DLN: sharpness", "GD step (count)", "η·λ_max/2 (dimensionless)",
                r.Dln.Select(run => new Series($"η = {run.Factor:G3}·2/λ₀", StepAxis(run.Loss.Length), run.SharpnessRatio)).ToArray()));
        output.Figure("instability-dln-rotation.png", "Two-parameter DLN: angle of the top Hessian eigenvector to the θ₁ axis along GD",
            LinePlot.Render("Two-parameter DLN: top eigenvector", "GD step (count)", "angle to θ₁ axis (degrees)",
                r.Dln.Select(run => new Series($"η = {run.Factor:G3}·2/λ₀", StepAxis(run.Loss.Length), run.TopEigenvectorAngleDegrees)).ToArray()));
        Series[] Mlp(Func<SharpeningRun, double[]> y) => r.Mlp.Select(run => new Series($"η = {run.LearningRate:G3}", run.Steps.Select(t => (double)t).ToArray(), y(run))).ToArray();
        output.Csv("instability.csv", csv);
        output.Figure("instability-mlp-sharpness.png", $"Squared-error tanh MLP: η·S/2 along full-batch GD (S = λ_max by subspace iteration; S(θ₀) = {r.MlpInitialSharpness:G3}; 1 = edge of stability 2/η)",
            LinePlot.Render("Squared-error tanh MLP: sharpness relative to 2/η", "GD step (count)", "η·λ_max/2 (dimensionless)", Mlp(run => run.SharpnessRatio)));
        output.Figure("instability-mlp-rotation.png", $"Squared-error tanh MLP: |cos| between top Hessian eigenvectors {every} steps apart (1 = no rotation)",
            LinePlot.Render("Squared-error tanh MLP: top-eigenvector rotation", "GD step (count)", "|⟨v_t, v_{t−k}⟩| (dimensionless)", Mlp(run => run.EigenvectorOverlap)));
        output.Figure("instability-mlp-loss.png", "Squared-error tanh MLP: training loss along GD (non-monotone at the edge of stability)",
            LinePlot.Render("Squared-error tanh MLP: training loss", "GD step (count)", "mean ½‖z − y‖² (squared logit units)", Mlp(run => run.Loss), logY: true));
        var results = ResultJson.ToNode(r, ResultJson.Default.InstabilityResults);
        return output.Finish(settings, results);
    }
}
