using Goldilocks.Cli.Plotting;
using Goldilocks.Curvature;
using Goldilocks.Losses;
using Goldilocks.Objectives;
using Goldilocks.Spectral;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks spectrum</c> (Sagun et al.): the Hessian spectrum at a Kaiming initialization, dense (all P eigenvalues)
/// or as a stochastic Lanczos quadrature density, with the outlier counts by largest gap, largest ratio and threshold (App. A).</summary>
public static class SpectrumCommand
{
    private static readonly DatasetOptions Data = new(defaultSamples: 200, defaultDataset: "synthetic");

    private static readonly Option<string> Method = new Option<string>("--method") { Description = "dense (all eigenvalues; P ≤ 4000) or slq.", DefaultValueFactory = _ => "dense" }.OneOf("dense", "slq");

    private static readonly Option<int[]> Hidden = new Option<int[]>("--hidden") { Description = "Hidden widths of the bias-free ReLU MLP.", DefaultValueFactory = _ => new[] { 16, 16 }, AllowMultipleArgumentsPerToken = true }.AllAtLeast(1);

    private static readonly Option<int> Probes = new Option<int>("--probes") { Description = "SLQ Rademacher probes.", DefaultValueFactory = _ => 4 }.AtLeast(1);

    private static readonly Option<int> LanczosSteps = new Option<int>("--lanczos-steps") { Description = "SLQ Lanczos steps per probe.", DefaultValueFactory = _ => 60 }.AtLeast(2);

    private static readonly Option<double> Threshold = new Option<double>("--threshold") { Description = "Threshold rule: eigenvalues above this fraction of λ_max count as outliers.", DefaultValueFactory = _ => 0.05 }.PositiveFinite();

    public static readonly ExperimentCommand Command = new("spectrum",
        "Hessian spectrum (dense or SLQ density) with the outlier count by gap, ratio and threshold (Sagun et al.).",
        new Option[] { Data.Dataset, Data.Samples, Data.DataDirectory, Data.Features, Hidden, Method, Probes, LanczosSteps, Threshold }, Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var settings = ctx.BaseSettings(device);
        var request = Data.Request(parse, ctx.Seed, images: false);
        using var data = request.Load(ScalarType.Float64, device);
        var model = ModelChoice.Create("mlp", data, parse.GetValue(Hidden)!);
        string method = parse.GetValue(Method)!.ToLowerInvariant();
        if (method == "dense" && model.ParameterCount > 4000) throw new CliUsageException($"--method dense materialises P × P = {model.ParameterCount}²; use --method slq or smaller --hidden");
        int probes = parse.GetValue(Probes), lanczos = parse.GetValue(LanczosSteps);
        if (method == "slq" && lanczos > model.ParameterCount) throw new CliUsageException($"--lanczos-steps {lanczos} exceeds P = {model.ParameterCount}");
        double fraction = parse.GetValue(Threshold);
        settings["modelName"] = model.Name;
        settings["parameters"] = model.ParameterCount;
        settings["method"] = method;
        settings["probes"] = probes;
        settings["lanczosSteps"] = lanczos;
        settings["thresholdFraction"] = fraction;
        settings["data"] = DatasetOptions.Json(request, data);
        using var theta = model.InitialParameters(ctx.Seed, ScalarType.Float64, device);
        using var point = new LinearizationPoint(new Objective(model, data, new CrossEntropy()), theta);
        var op = new HessianOperator(point);
        var output = new OutputSet(ctx);
        var results = new JsonObject();
        double[] nodes;
        SpectralDensity density;
        if (method == "dense")
        {
            var eig = SymmetricEigen.Eigenvalues(op).OrderByDescending(v => v).ToArray();
            nodes = eig;
            double spread = eig[0] - eig[^1];
            density = new SpectralDensity(eig, eig.Select(_ => 1.0 / eig.Length).ToArray(), Math.Max(spread, 1e-12) / 400, 0, 0);
            results["eigenvalues"] = Array(eig);
            var csv = new CsvTable("index", "eigenvalue");
            for (int i = 0; i < eig.Length; i++) csv.Add(i + 1, eig[i]);
            output.Csv("spectrum.csv", csv);
        }
        else
        {
            var top = Lanczos.Run(op, 1, SpectrumEnd.LargestAlgebraic, 1e-6, seed: ctx.Seed).Eigenvalues[0];
            density = StochasticLanczosQuadrature.Run(op, probes, lanczos, ctx.Seed, Math.Abs(top) / 200);
            nodes = density.Nodes.Zip(density.Weights).OrderByDescending(n => n.First).Select(n => n.First).ToArray();
            results["nodes"] = Array(density.Nodes);
            results["weights"] = Array(density.Weights);
            var csv = new CsvTable("node", "weight");
            foreach (var (n, w) in density.Nodes.Zip(density.Weights)) csv.Add(n, w);
            output.Csv("spectrum.csv", csv);
        }
        double lmax = nodes.Max();
        var counts = OutlierCount.Count(nodes, fraction * lmax, maxOutliers: Math.Min(50, nodes.Length - 1));
        results["lambdaMax"] = lmax;
        results["lambdaMin"] = nodes.Min();
        results["outliersByGap"] = counts.LargestGap;
        results["outliersByRatio"] = counts.LargestRatio;
        results["outliersAboveThreshold"] = counts.AboveThreshold;
        results["classes"] = data.Classes;
        var grid = Enumerable.Range(0, 400).Select(i => nodes.Min() + (lmax - nodes.Min()) * (i / 399.0)).ToArray();
        var y = density.Evaluate(grid);
        output.Figure("spectrum-density.png",
            $"Hessian eigenvalue density at initialization ({model.Name}, {data.Name}, {method}); outliers: gap {counts.LargestGap}, ratio {counts.LargestRatio}, > {fraction:G2}·λ_max {counts.AboveThreshold}; K = {data.Classes}",
            LinePlot.Render($"Hessian spectrum ({method}, P = {model.ParameterCount})", "eigenvalue λ (loss per parameter²)", "density (per unit λ)",
                new[] { new Series("smoothed density", grid, y) }, logY: true));
        if (method == "dense")
        {
            var top = nodes.Take(Math.Min(30, nodes.Length)).ToArray();
            output.Figure("spectrum-top.png", $"The {top.Length} largest Hessian eigenvalues (outliers by gap: {counts.LargestGap}; K = {data.Classes})",
                LinePlot.Render("Largest Hessian eigenvalues", "rank i (count)", "λ_i (loss per parameter²)",
                    new[] { new Series("λ_i", top.Select((_, i) => i + 1.0).ToArray(), top, Markers: true) }));
        }
        return output.Finish(settings, results);
    }
}
