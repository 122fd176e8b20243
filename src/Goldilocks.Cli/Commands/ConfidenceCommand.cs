using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks confidence</c>: over many Kaiming initializations, PC(H) against mean softmax entropy, gradient
/// norm and initial loss (paper 000 Fig. 6), with Spearman rank correlations.</summary>
public static class ConfidenceCommand
{
    private static readonly Option<int> Inits = new Option<int>("--inits") { Description = "Kaiming initializations (paper: 100s); with --model-file, Kaiming draws of the file's architecture.", DefaultValueFactory = _ => 20 }.AtLeast(3);

    public static readonly ExperimentCommand Command = new("confidence",
        "PC against entropy, gradient norm and initial loss over many initializations (Fig. 6).",
        ModelChoice.WithFile(Inits, CurvatureGrid.Data.Dataset, CurvatureGrid.Data.Samples, CurvatureGrid.Data.DataDirectory, CurvatureGrid.Data.Features,
            CurvatureGrid.Model, CurvatureGrid.Hidden, CurvatureGrid.Dimension), Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var settings = ctx.BaseSettings(device);
        using var setup = ModelChoice.Load(parse, ctx.Seed, device, CurvatureGrid.Data, CurvatureGrid.Model, CurvatureGrid.Hidden);
        var (data, model) = (setup.Data, setup.Model);
        int d = parse.GetValue(CurvatureGrid.Dimension);
        if (d > model.ParameterCount) throw new CliUsageException($"--dimension d = {d} exceeds P = {model.ParameterCount}");
        var seeds = Enumerable.Range(0, parse.GetValue(Inits)).Select(i => SeedRule.Initialization(ctx.Seed, i)).ToArray();
        var r = ConfidenceStudy.Run(model, data, seeds, d);
        setup.AddTo(settings);
        settings["inits"] = seeds.Length;
        settings["dimension"] = d;

        var output = new OutputSet(ctx);
        var csv = new CsvTable("seed", "meanEntropy", "gradientNorm", "positiveCurvature", "loss");
        foreach (var p in r.Points) csv.Add(p.Seed, p.MeanEntropy, p.GradientNorm, p.PositiveCurvature, p.Loss);
        output.Csv("confidence.csv", csv);
        var pc = r.Points.Select(p => p.PositiveCurvature).ToArray();
        void Scatter(string file, string what, string label, Func<ConfidencePoint, double> x, double rho) => output.Figure(file,
            $"PC(H) against {what} over {seeds.Length} Kaiming initializations ({model.Name}, {data.Name}); Spearman ρ = {rho:F2}",
            LinePlot.Render($"PC vs {what} (ρ = {rho:F2})", label, "positive curvature of H (dimensionless)",
                new[] { new Series("one initialization", r.Points.Select(x).ToArray(), pc, Markers: true) }));
        Scatter("confidence-entropy.png", "mean softmax entropy", "mean softmax entropy (nats)", p => p.MeanEntropy, r.PcVsEntropy);
        Scatter("confidence-gradient.png", "gradient norm", "‖∇_θ L‖ (loss per parameter)", p => p.GradientNorm, r.PcVsGradientNorm);
        Scatter("confidence-loss.png", "initial loss", "initial cross-entropy loss (nats)", p => p.Loss, r.PcVsLoss);
        var results = ResultJson.ToNode(r, ResultJson.Default.ConfidenceResult);
        return output.Finish(settings, results);
    }
}
