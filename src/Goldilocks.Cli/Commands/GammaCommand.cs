using Goldilocks.Cli.Plotting;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks gamma</c>: Γ_p⁻² against softmax entropy along logit paths softmax(βz) (paper 000 Fig. 4 right) and
/// the Eq. 8 prediction of PC(G-term) from the network's σ_c², σ_e² against the true projected G-term PC (Fig. 3).</summary>
public static class GammaCommand
{
    private static readonly Option<int> Paths = new Option<int>("--paths") { Description = "Random logit sets z ~ N(0, I_K) (paper: 30).", DefaultValueFactory = _ => 30 }.AtLeast(1);

    private static readonly Option<int> Classes = new Option<int>("--classes") { Description = "Classes K of the logit paths (≥ 3).", DefaultValueFactory = _ => 10 }.AtLeast(3);

    private static readonly Option<int> PathPoints = new Option<int>("--path-points") { Description = "Scales β per path, log-spaced over [1e-2, 1e2].", DefaultValueFactory = _ => 81 }.AtLeast(2);

    private static readonly Option<int> Dimension = new Option<int>("--dimension", "-d") { Description = "Subspace dimension d of Eq. 8 (paper: 50).", DefaultValueFactory = _ => 50 }.AtLeast(1);

    public static readonly ExperimentCommand Command = new("gamma",
        "Γ_p⁻² vs softmax entropy on logit paths (Fig. 4 right) and the Eq. 8 prediction vs the true G-term PC (Fig. 3).",
        ModelChoice.WithFile(Paths, Classes, PathPoints, Dimension, CurvatureGrid.Data.Dataset, CurvatureGrid.Data.Samples, CurvatureGrid.Data.DataDirectory,
            CurvatureGrid.Data.Features, CurvatureGrid.Model, CurvatureGrid.Hidden, ZoneCommand.AlphaMin, ZoneCommand.AlphaMax, CurvatureGrid.Points),
        Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var settings = ctx.BaseSettings(device);
        int paths = parse.GetValue(Paths), classes = parse.GetValue(Classes), d = parse.GetValue(Dimension);
        var curves = GammaCurves.Run(paths, classes, parse.GetValue(PathPoints), ctx.Seed);
        settings["paths"] = paths;
        settings["classes"] = classes;
        settings["pathPoints"] = parse.GetValue(PathPoints);
        var alphas = ZoneCommand.Alphas(parse);
        using var setup = ModelChoice.Load(parse, ctx.Seed, device, CurvatureGrid.Data, CurvatureGrid.Model, CurvatureGrid.Hidden);
        var (data, model) = (setup.Data, setup.Model);
        if (d > model.ParameterCount) throw new CliUsageException($"--dimension d = {d} exceeds P = {model.ParameterCount}");
        setup.RequireDegree("Eq. 8 at logits scaled by α^L (Eq. 5)");
        var eq8 = RandomLogitFit.Run(model, data, alphas, SeedRule.Initialization(ctx.Seed), d);
        setup.AddTo(settings);
        settings["dimension"] = d;
        settings["alpha"] = Array(alphas);

        var output = new OutputSet(ctx);
        var csv = new CsvTable("path", "topGapRatio", "scale", "entropy", "inverseGammaSquared");
        for (int i = 0; i < curves.Paths.Count; i++)
            foreach (var p in curves.Paths[i].Points) csv.Add(i, curves.Paths[i].TopGapRatio, p.Scale, p.Entropy, p.InverseGammaSquared);
        foreach (var p in curves.AveragePath) csv.Add("average", null, p.Scale, p.Entropy, p.InverseGammaSquared);
        output.Csv("gamma-paths.csv", csv);
        var eqCsv = new CsvTable("alpha", "meanEntropy", "trueGTermPC", "predictedPC");
        foreach (var p in eq8.Points) eqCsv.Add(p.Alpha, p.MeanEntropy, p.TrueGTermPC, p.PredictedPC);
        output.Csv("gamma-eq8.csv", eqCsv);

        var shown = curves.Paths.Take(8).Select((p, i) => new Series($"logit set {i + 1} (gap ratio {p.TopGapRatio:G2})",
            p.Points.Select(q => q.Entropy).ToArray(), p.Points.Select(q => q.InverseGammaSquared).ToArray())).ToList();
        shown.Add(new Series($"average of diag(p)−ppᵀ over {paths} sets", curves.AveragePath.Select(q => q.Entropy).ToArray(),
            curves.AveragePath.Select(q => q.InverseGammaSquared).ToArray()));
        output.Figure("gamma-paths.png", $"Γ_p⁻² against mean softmax entropy along softmax(βz), β ∈ [1e-2, 1e2], K = {classes} (first 8 of {paths} sets and the average)",
            LinePlot.Render($"Γ_p⁻² vs entropy (K = {classes})", "softmax entropy (nats)", "Γ_p⁻² = (‖M‖_F/Tr M)⁻² (dimensionless)", shown, logY: true));
        var ent = eq8.Points.Select(p => p.MeanEntropy).ToArray();
        output.Figure("gamma-eq8.png", $"Eq. 8 prediction vs true PC of the projected G-term over the softmax entropy at α^L-scaled logits ({model.Name}, d = {d})",
            LinePlot.Render($"PC of the G-term: Eq. 8 vs true ({model.Name}, d = {d})", "mean softmax entropy (nats)", "positive curvature (dimensionless)", new[]
            {
                new Series("true G-term PC", ent, eq8.Points.Select(p => p.TrueGTermPC ?? double.NaN).ToArray()),
                new Series("Eq. 8 prediction", ent, eq8.Points.Select(p => p.PredictedPC ?? double.NaN).ToArray()),
            }));
        var results = ResultJson.ToNode(new GammaResults(curves, eq8), ResultJson.Default.GammaResults);
        return output.Finish(settings, results);
    }
}
