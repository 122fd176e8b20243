using Goldilocks.Cli.Plotting;
using Goldilocks.Losses;
using Goldilocks.Objectives;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary><c>goldilocks spectrum</c> (Sagun et al.): the Hessian spectrum at a Kaiming initialization, dense (all P eigenvalues)
/// or as a stochastic Lanczos quadrature density (<see cref="HessianSpectrum"/>), with the outlier counts by largest gap, largest ratio and threshold (App. A).</summary>
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
        ModelChoice.WithFile(Data.Dataset, Data.Samples, Data.DataDirectory, Data.Features, Hidden, Method, Probes, LanczosSteps, Threshold), Sweep: false, Run);

    private static CommandOutputs Run(ParseResult parse, CommandContext ctx, Device device)
    {
        var settings = ctx.BaseSettings(device);
        using var setup = ModelChoice.Load(parse, ctx.Seed, device, Data, model: null, Hidden);
        var (data, model) = (setup.Data, setup.Model);
        string method = parse.GetValue(Method)!.ToLowerInvariant();
        if (method == "dense" && model.ParameterCount > HessianSpectrum.MaxDenseParameters) throw new CliUsageException($"--method dense materialises P × P = {model.ParameterCount}²; use --method slq or smaller --hidden");
        int probes = parse.GetValue(Probes), lanczos = parse.GetValue(LanczosSteps);
        if (method == "slq" && lanczos > model.ParameterCount) throw new CliUsageException($"--lanczos-steps {lanczos} exceeds P = {model.ParameterCount}");
        double fraction = parse.GetValue(Threshold);
        setup.AddTo(settings);
        settings["method"] = method;
        settings["probes"] = probes;
        settings["lanczosSteps"] = lanczos;
        settings["thresholdFraction"] = fraction;
        using var theta = SeedRule.InitialParameters(model, SeedRule.Initialization(ctx.Seed), ScalarType.Float64, device);
        var r = HessianSpectrum.Run(new Objective(model, data, new CrossEntropy()), theta, method == "dense" ? SpectrumMethod.Dense : SpectrumMethod.Slq,
            fraction, probes, lanczos, ctx.Seed);
        var output = new OutputSet(ctx);
        var csv = r.Eigenvalues is { } eig ? new CsvTable("index", "eigenvalue") : new CsvTable("node", "weight");
        if (r.Eigenvalues is { } e) for (int i = 0; i < e.Length; i++) csv.Add(i + 1, e[i]);
        else foreach (var (n, w) in r.Nodes!.Zip(r.Weights!)) csv.Add(n, w);
        output.Csv("spectrum.csv", csv);
        output.Figure("spectrum-density.png",
            $"Histogram of the Hessian eigenvalues at initialization ({model.Name}, {data.Name}, {method}{(method == "slq" ? ": Ritz nodes weighted by P × weight" : "")}); " +
            $"outliers: gap {r.OutliersByGap}, ratio {r.OutliersByRatio}, > {fraction:G2}·λ_max {r.OutliersAboveThreshold}; K = {data.Classes}",
            SpectrumHistogram.Render($"Hessian spectrum at initialization ({method}, P = {model.ParameterCount})", "eigenvalue λ (loss per parameter²)",
                r.Eigenvalues ?? r.Nodes!, r.Eigenvalues is null ? r.Weights!.Select(w => w * model.ParameterCount).ToArray() : null, r.OutliersByGap, data.Classes));
        if (r.Eigenvalues is not null)
        {
            var top = r.Descending.Take(Math.Min(30, r.Descending.Length)).ToArray();
            int k = Math.Min(r.OutliersByGap, top.Length);
            double[] Rank(int from, int to) => Enumerable.Range(from + 1, to - from).Select(i => (double)i).ToArray();
            output.Figure("spectrum-top.png", $"Scree plot: the {top.Length} largest Hessian eigenvalues, the {r.OutliersByGap} above the largest gap in orange (K = {data.Classes})",
                LinePlot.Render("Largest Hessian eigenvalues (scree plot)", "rank i (count)", "λ_i (loss per parameter²)", new[]
                {
                    new Series("bulk", Rank(k, top.Length), top[k..], Markers: true),
                    new Series($"outliers above the largest gap ({r.OutliersByGap})", Rank(0, k), top[..k], Markers: true),
                }));
        }
        var results = ResultJson.ToNode(r, ResultJson.Default.SpectrumResult);
        return output.Finish(settings, results);
    }
}
