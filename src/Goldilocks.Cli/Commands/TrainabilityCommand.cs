using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks trainability</c>: full-batch GD over an α × η₀ grid with η = η₀α^{2−L} (paper 000 Sec. 5, Fig. 8):
/// best accuracy, largest ‖θ‖, zero-logit share, η‖H‖₂ at the start; and the USO model run (App. E). One cell per (α, η₀).</summary>
public static class TrainabilityCommand
{
    private static readonly Option<double[]> Rates = new Option<double[]>("--rates")
    {
        Description = "Base learning rates η₀ (η = η₀ α^(2−L)).", DefaultValueFactory = _ => new[] { 0.01, 0.1, 1.0 }, AllowMultipleArgumentsPerToken = true,
    }.PositiveFinite();

    private static readonly Option<int> Steps = new Option<int>("--steps") { Description = "GD steps per cell (paper: 1000s).", DefaultValueFactory = _ => 60 }.AtLeast(1);

    private static readonly Option<int> UsoSteps = new Option<int>("--uso-steps") { Description = "Steps of the USO run (0: skip).", DefaultValueFactory = _ => 60 }.AtLeast(0);

    public static readonly ExperimentCommand Command = new("trainability",
        "Full-batch GD over α × η₀ (Fig. 8): best accuracy, max ‖θ‖, zero-logit share, η‖H‖₂; and the USO model.",
        ModelChoice.WithFile(Rates, Steps, UsoSteps, CurvatureGrid.Data.Dataset, CurvatureGrid.Data.Samples, CurvatureGrid.Data.DataDirectory, CurvatureGrid.Data.Features,
            CurvatureGrid.Model, CurvatureGrid.Hidden, ZoneCommand.AlphaMin, ZoneCommand.AlphaMax, CurvatureGrid.Points), Sweep: true, Run);

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var settings = ctx.BaseSettings(device);
        using var setup = ModelChoice.Load(parse, ctx.Seed, device, CurvatureGrid.Data, CurvatureGrid.Model, CurvatureGrid.Hidden);
        var (data, model) = (setup.Data, setup.Model);
        int degree = setup.RequireDegree("η = η₀α^(2−L)");
        var alphas = ZoneCommand.Alphas(parse);
        var rates = parse.GetValue(Rates)!;
        int steps = parse.GetValue(Steps), usoSteps = parse.GetValue(UsoSteps);
        setup.AddTo(settings);
        settings["alpha"] = Array(alphas);
        settings["baseRates"] = Array(rates);
        settings["steps"] = steps;
        settings["usoSteps"] = usoSteps;
        var cells = Grid(parse, ctx, settings, Trainability.Grid(model, data, alphas, rates, steps, SeedRule.Initialization(ctx.Seed)), ResultJson.Default.TrainabilityCell);
        if (cells is null) return null;
        var output = new OutputSet(ctx);
        var csv = new CsvTable("alpha", "baseRate", "effectiveRate", "bestAccuracy", "finalLoss", "maxParameterNorm", "zeroLogitShare", "sharpnessProduct", "diverged", "steps");
        foreach (var c in cells)
            csv.Add(c.Alpha, c.BaseRate, c.EffectiveRate, c.BestAccuracy, c.FinalLoss, c.MaxParameterNorm, c.ZeroLogitShare, c.SharpnessProduct, c.Diverged, c.Steps);
        output.Csv("trainability.csv", csv);
        string where = $"{model.Name}, {data.Name}, {steps} GD steps, η = η₀α^(2−{degree})";
        Series[] By(Func<TrainabilityCell, double> field) => rates.Select(r => new Series($"η₀ = {r:G3}", alphas,
            alphas.Select(a => field(cells.First(c => c.Alpha == a && c.BaseRate == r))).ToArray())).ToArray();
        void Figure(string file, Func<TrainabilityCell, double> field, string what, string unit, bool logY) => output.Figure(file, $"{what} over α and η₀ ({where})",
            LinePlot.Render($"{what} ({model.Name})", "initialization scale α (dimensionless)", $"{what} ({unit})", By(field), logX: true, logY: logY));
        Figure("trainability-accuracy.png", c => c.BestAccuracy, "best training accuracy", "fraction", false);
        Figure("trainability-norm.png", c => c.MaxParameterNorm, "largest ‖θ‖ during training", "parameter units", true);
        Figure("trainability-zero-logits.png", c => c.ZeroLogitShare, "largest share of samples with all-zero logits", "fraction", false);
        Figure("trainability-sharpness.png", c => c.SharpnessProduct, "η·‖H(αθ₀)‖₂ at the start (unstable above 2)", "dimensionless", true);
        IReadOnlyList<UsoRecord>? uso = null;
        if (usoSteps > 0)
        {
            double rate = rates[rates.Length / 2];
            uso = Trainability.UniformSoftmaxOutput(model, data, rate, usoSteps, SeedRule.Initialization(ctx.Seed));
            var st = uso.Select(u => (double)u.Step).ToArray();
            output.Figure("trainability-uso.png", $"USO model (App. E): GD with softmax fixed at uniform, η = {rate:G3} ({model.Name})",
                LinePlot.Render("Uniform-softmax-output model", "GD step (count)", "cosine (dimensionless)", new[]
                {
                    new Series("cos(θ_t, θ₀)", st, uso.Select(u => u.CosineToInitial).ToArray()),
                    new Series("cos(θ_t, −g_t)", st, uso.Select(u => u.CosineToNegativeGradient).ToArray()),
                }));
        }
        var results = ResultJson.ToNode(new TrainabilityResults(cells, uso), ResultJson.Default.TrainabilityResults);
        return output.Finish(settings, results);
    }
}
