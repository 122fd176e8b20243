using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks prior-gradient</c>: ‖∇L‖ against ‖Q̂ − Q‖ over class priors Q drawn from the simplex, with the fitted
/// and the Eq. 9 predicted slope (paper 000 Fig. 5b); and the gradient cosine between the data and Gaussian-noise images
/// over α (Fig. 5a).</summary>
public static class PriorGradientCommand
{
    private static readonly Option<int> Priors = new Option<int>("--priors") { Description = "Sampled class priors (paper: 100s).", DefaultValueFactory = _ => 40 }.AtLeast(3);

    private static readonly Option<int> SubsetSize = new Option<int>("--subset-size") { Description = "Samples per prior subset.", DefaultValueFactory = _ => 100 }.AtLeast(10);

    public static readonly ExperimentCommand Command = new("prior-gradient",
        "Gradient norm vs ‖Q̂ − Q‖ with fitted and predicted slope (Fig. 5b) and the gradient cosine across datasets (Fig. 5a).",
        ModelChoice.WithFile(Priors, SubsetSize, CurvatureGrid.Data.Dataset, CurvatureGrid.Data.Samples, CurvatureGrid.Data.DataDirectory, CurvatureGrid.Data.Features,
            CurvatureGrid.Model, CurvatureGrid.Hidden, ZoneCommand.AlphaMin, ZoneCommand.AlphaMax, CurvatureGrid.Points), Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var settings = ctx.BaseSettings(device);
        using var setup = ModelChoice.Load(parse, ctx.Seed, device, CurvatureGrid.Data, CurvatureGrid.Model, CurvatureGrid.Hidden);
        var (pool, model) = (setup.Data, setup.Model);
        int priors = parse.GetValue(Priors), subset = parse.GetValue(SubsetSize);
        if (subset < pool.Classes) throw new CliUsageException($"--subset-size {subset} must be at least the number of classes {pool.Classes}");
        using var theta = SeedRule.InitialParameters(model, SeedRule.Initialization(ctx.Seed), ScalarType.Float64, device);
        var fig5b = PriorGradient.Run(model, pool, theta, priors, subset, SeedRule.Data(ctx.Seed));
        var alphas = ZoneCommand.Alphas(parse);
        using var noise = GradientCosine.GaussianNoise((int)pool.Count, pool.Inputs.shape.Skip(1).ToArray(), pool.Classes, SeedRule.NoiseData(ctx.Seed), ScalarType.Float64, device);
        var fig5a = GradientCosine.Run(model, pool, noise, SeedRule.Initialization(ctx.Seed), alphas);
        setup.AddTo(settings);
        settings["priors"] = priors;
        settings["subsetSize"] = subset;
        settings["alpha"] = Array(alphas);
        settings["secondDataset"] = noise.Name;

        var output = new OutputSet(ctx);
        var csv = new CsvTable("priorDistance", "gradientNorm");
        foreach (var p in fig5b.Points) csv.Add(p.PriorDistance, p.GradientNorm);
        output.Csv("prior-gradient.csv", csv);
        var cos = new CsvTable("alpha", "cosine", "lastLayerCosine", "priorGapData", "priorGapNoise");
        foreach (var p in fig5a) cos.Add(p.Alpha, p.Cosine, p.LastLayerCosine, p.PriorGapA, p.PriorGapB);
        output.Csv("prior-gradient-cosine.csv", cos);

        var x = fig5b.Points.Select(p => p.PriorDistance).ToArray();
        double[] ends = { 0, x.Max() };
        output.Figure("prior-gradient.png", $"‖∇L‖ over ‖Q̂ − Q‖ for {priors} class priors drawn uniformly from the simplex ({model.Name} at α = 1)",
            LinePlot.Render($"Gradient norm vs prior mismatch ({model.Name}, {pool.Name})", "‖Q̂ − Q‖ (probability, dimensionless)", "‖∇_θ L‖ (loss per parameter)", new[]
            {
                new Series("sampled priors", x, fig5b.Points.Select(p => p.GradientNorm).ToArray(), Markers: true),
                new Series($"fit: slope {fig5b.Fit.Slope:G3} (r = {fig5b.Fit.R:F2})", ends, ends.Select(v => fig5b.Fit.Intercept + fig5b.Fit.Slope * v).ToArray()),
                new Series($"Eq. 9 slope √(mean‖c_k‖²) = {fig5b.PredictedSlope:G3}", ends, ends.Select(v => fig5b.Fit.Intercept + fig5b.PredictedSlope * v).ToArray()),
            }));
        var a = fig5a.Select(p => p.Alpha).ToArray();
        output.Figure("prior-gradient-cosine.png", $"Cosine between the full-batch gradients on {pool.Name} and on Gaussian-noise images over α",
            LinePlot.Render("Gradient cosine across datasets", "initialization scale α (dimensionless)", "cosine (dimensionless)", new[]
            {
                new Series("all parameters", a, fig5a.Select(p => p.Cosine).ToArray()),
                new Series("last weight layer", a, fig5a.Select(p => p.LastLayerCosine).ToArray()),
            }, logX: true));
        var results = ResultJson.ToNode(new PriorGradientResults(fig5b, fig5a), ResultJson.Default.PriorGradientResults);
        return output.Finish(settings, results);
    }
}
