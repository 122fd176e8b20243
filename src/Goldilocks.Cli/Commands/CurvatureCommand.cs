using System.Globalization;
using Spectre.Console;
using static Goldilocks.Cli.Infrastructure.ExperimentCommand;

namespace Goldilocks.Cli.Commands;

/// <summary>
/// <c>goldilocks curvature</c>: loss, ‖∇L‖ and the curvature statistics of H, G-term and H-term on a random
/// d-dimensional subspace at θ = α·θ₀ (θ₀ Kaiming-normal) with softmax temperature T (paper 000 Sec. 2-3): the cells of
/// <see cref="ZoneSweep.Grid"/> for the one initialization --seed, so it reports what <c>zone</c> reports at the same
/// model, data, α and seed, plus the full-space top eigenvalue (Lanczos) and trace (Hutchinson) of each operator
/// (<see cref="FullSpaceCurvature"/>). Several --alpha values make an α sweep (one saved cell per α; --resume, --shard) with PNG plots.
/// </summary>
public static class CurvatureCommand
{
    private static readonly DatasetOptions Data = new(defaultSamples: 256);

    private static readonly Option<string> Model = CurvatureGrid.ModelOption("mlp (bias-free ReLU MLP with --hidden widths, default), lenet300100, lenet5, deeplinear.", "mlp");

    private static readonly Option<int[]> Hidden = CurvatureGrid.HiddenOption(32, 32);

    private static readonly Option<double[]> Alpha = new Option<double[]>("--alpha")
    {
        Description = "Scale α of the Kaiming initialization θ = α·θ₀ (paper 000 Sec. 2); several values sweep α.",
        DefaultValueFactory = _ => new[] { 1.0 },
        AllowMultipleArgumentsPerToken = true,
    }.PositiveFinite();

    private static readonly Option<double> Temperature = new Option<double>("--temperature", "-T")
    {
        Description = "Softmax temperature T of the cross-entropy (paper 000 Eq. 1).",
        DefaultValueFactory = _ => 1.0,
    }.PositiveFinite();

    private static readonly Option<bool> TemperatureFollowsAlpha = new("--temperature-follows-alpha")
    {
        Description = "Use T = α^L · --temperature for each α (paper 000 Eq. 5, Fig. 1 middle); needs an L-homogeneous model.",
    };

    private static readonly Option<int> Dimension = CurvatureGrid.DimensionOption("Dimension d of the random subspace (1 ≤ d ≤ P).");

    private static readonly Option<int> HutchinsonProbes = new Option<int>("--hutchinson-probes")
    {
        Description = "Rademacher probes of the full-space Hutchinson trace of H, G-term and H-term (standard error ∝ 1/√probes).",
        DefaultValueFactory = _ => new FullSpaceOptions().Probes,
    }.AtLeast(2);

    private static readonly Option<double> LanczosTolerance = new Option<double>("--lanczos-tolerance")
    {
        Description = "Relative residual tolerance ‖Av − λv‖ ≤ tol·|λ| of the full-space top eigenvalue (Lanczos).",
        DefaultValueFactory = _ => new FullSpaceOptions().LanczosTolerance,
    }.PositiveFinite();

    private static readonly Option<int> LanczosMaxIterations = new Option<int>("--lanczos-max-iterations")
    {
        Description = "Most Lanczos products per operator for the full-space top eigenvalue (capped at P; topEigenvalueConverged says whether the tolerance was met).",
        DefaultValueFactory = _ => new FullSpaceOptions().LanczosMaxIterations,
    }.AtLeast(1);

    public static readonly ExperimentCommand Command = new("curvature",
        "Loss, gradient norm and curvature statistics of H, G-term and H-term on a random subspace, with their full-space top eigenvalue and trace.",
        ModelChoice.WithFile(Data.Dataset, Data.Samples, Data.DataDirectory, Data.Features, Data.Prior, Model, Hidden, Alpha, Temperature,
            TemperatureFollowsAlpha, Dimension, CurvatureGrid.BatchSize, HutchinsonProbes, LanczosTolerance, LanczosMaxIterations), Sweep: true, Run, PrintTable);

    private static CommandOutputs? Run(ParseResult parse, CommandContext ctx, Device device)
    {
        double[] alphas = parse.GetValue(Alpha)!;
        double temperature = parse.GetValue(Temperature);
        bool follow = parse.GetValue(TemperatureFollowsAlpha);
        var settings = ctx.BaseSettings(device);
        var (setup, objective, d) = CurvatureGrid.Load(parse, ctx, device, settings, Data, Model, Hidden, Dimension);
        using var _ = setup;
        var model = objective.Model;
        if (follow) setup.RequireDegree("--temperature-follows-alpha (T = α^L·T₀)");
        settings["alpha"] = Array(alphas);
        settings["temperature"] = temperature;
        settings["temperatureFollowsAlpha"] = follow;
        var fullSpace = new FullSpaceOptions(parse.GetValue(HutchinsonProbes), parse.GetValue(LanczosTolerance), parse.GetValue(LanczosMaxIterations));
        settings["hutchinsonProbes"] = fullSpace.Probes;
        settings["lanczosTolerance"] = fullSpace.LanczosTolerance;
        settings["lanczosMaxIterations"] = fullSpace.LanczosMaxIterations;
        var options = new ZoneSweepOptions(alphas, new[] { SeedRule.Initialization(ctx.Seed) }, d,
            follow ? ZoneTemperature.AlphaToL : ZoneTemperature.Unit, BaseTemperature: temperature);
        foreach (var cell in ZoneSweep.Cells(model, options).Where(c => !double.IsFinite(c.Temperature) || c.Temperature <= 0))
            throw new CliUsageException($"T = α^L·T₀ = {cell.Temperature} at α = {cell.Alpha} is not a positive finite temperature");
        var points = Grid(parse, ctx, settings, ZoneSweep.Grid(objective, options, fullSpace), ResultJson.Default.CurvaturePoint);
        if (points is null) return null;
        var output = new OutputSet(ctx);
        output.Csv("curvature.csv", CurvatureGrid.Table(ZoneSweep.AlphaGrid, points));
        if (points.Count > 1)
            CurvatureGrid.Figures(output, points, p => p.Alpha, "initialization scale α", "curvature",
                $"{model.Name}, {(follow ? $"T = α^L·{temperature}" : $"T = {temperature}")}, d = {d}");
        return output.Finish(settings, ResultJson.ToNode(points, ResultJson.Default.IReadOnlyListCurvaturePoint));
    }

    private static void PrintTable(CommandContext ctx, CommandOutputs outputs)
    {
        var settings = (JsonObject)outputs.Document["settings"]!;
        var points = ResultJson.FromNode(outputs.Document["results"]!, ResultJson.Default.IReadOnlyListCurvaturePoint);
        ctx.Console.MarkupLine(Markup.Escape(
            $"{settings["modelName"]} (P = {settings["parameterCount"]}) on {settings["data"]!["datasetName"]}, T = {settings["temperature"]}, d = {settings["dimension"]}, seed = {settings["seed"]}"));
        var table = new Table().AddColumns("α", "loss", "‖∇L‖", "operator", "trace", "‖·‖_F", "‖·‖₂", "PC", "convexity", "λ_max (P)", "Tr (P) ± s.e.");
        foreach (var p in points)
        {
            bool first = true;
            var full = p.FullSpace is { } f ? new[] { f.Hessian, f.GTerm, f.HTerm } : null;
            int k = 0;
            foreach (var (op, s) in p.Operators())
            {
                var fs = full?[k++];
                table.AddRow(first ? Fmt(p.Alpha) : "", first ? Fmt(p.Loss) : "", first ? Fmt(p.GradientNorm) : "", CurvatureGrid.Label(op),
                    Fmt(s.Trace), Fmt(s.Frobenius), Fmt(s.SpectralNorm), Fmt(s.PositiveCurvature), Fmt(s.LocalConvexity),
                    fs is null ? "–" : Fmt(fs.TopEigenvalue) + (fs.TopEigenvalueConverged ? "" : " (not converged)"),
                    fs is null ? "–" : $"{Fmt(fs.TraceEstimate)} ± {Fmt(fs.TraceStandardError)}");
                first = false;
            }
        }
        ctx.Console.Write(table);
        ctx.Console.MarkupLine(Markup.Escape($"PC = Tr/‖·‖_F (undefined: –), convexity = fraction of positive eigenvalues (on the d-dimensional subspace); λ_max (P) by Lanczos and Tr (P) by Hutchinson in all P dimensions. Files in {ctx.OutDirectory}, {ctx.Clock.Elapsed.TotalSeconds:F1} s."));
    }

    private static string Fmt(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
