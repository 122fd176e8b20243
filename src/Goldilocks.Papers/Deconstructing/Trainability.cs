
namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// One (α, η₀) run of full-batch GD from αθ₀ at T = 1 with η = η₀ α^{2−L} (paper 000 Sec. 5, Fig. 8): best training
/// accuracy, largest ‖θ‖, the largest share of samples whose logits are all exactly zero, and η‖H(αθ₀)‖₂ at the start
/// (the edge-of-stability criterion η‖H‖₂ &lt; 2).
/// </summary>
/// <param name="Alpha">Initialisation scale α.</param>
/// <param name="BaseRate">Base learning rate η₀.</param>
/// <param name="EffectiveRate">η = η₀ α^{2−L}.</param>
/// <param name="BestAccuracy">Best training accuracy over the evaluations.</param>
/// <param name="FinalLoss">Loss at the last record (NaN if none).</param>
/// <param name="MaxParameterNorm">Largest ‖θ‖ over the evaluations.</param>
/// <param name="ZeroLogitShare">Largest share of samples whose logits are all exactly zero.</param>
/// <param name="SharpnessProduct">η‖H(αθ₀)‖₂ at the start.</param>
/// <param name="Diverged">True when the run stopped at a non-finite loss.</param>
/// <param name="Steps">Steps taken.</param>
public sealed record TrainabilityCell(double Alpha, double BaseRate, double EffectiveRate, double BestAccuracy, double FinalLoss,
    double MaxParameterNorm, double ZeroLogitShare, double SharpnessProduct, bool Diverged, int Steps);

/// <summary>One step of the USO model (App. E, Fig. 11): ‖θ_t‖, ‖g_t‖, cos(θ_t, θ₀), cos(θ_t, −g_t).</summary>
/// <param name="Step">Step t.</param>
/// <param name="ParameterNorm">‖θ_t‖.</param>
/// <param name="GradientNorm">‖g_t‖ of the USO update direction.</param>
/// <param name="CosineToInitial">cos(θ_t, θ₀).</param>
/// <param name="CosineToNegativeGradient">cos(θ_t, −g_t).</param>
public sealed record UsoRecord(int Step, double ParameterNorm, double GradientNorm, double CosineToInitial, double CosineToNegativeGradient);

/// <summary>What the <c>trainability</c> command writes: the α × η₀ cells and, when run, the USO model's records.</summary>
public sealed record TrainabilityResults(IReadOnlyList<TrainabilityCell> Cells,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<UsoRecord>? Uso);

/// <summary>Paper 000 Sec. 5 (Fig. 8) and App. E (Fig. 11): trainability of full-batch GD over initialisation scale α and base learning rate η₀, and the USO model.</summary>
public static class Trainability
{
    /// <summary>One cell per (α, η₀) of <paramref name="alphas"/> × <paramref name="baseRates"/>: <paramref name="steps"/> full-batch GD steps from α θ₀ (θ₀ drawn with <paramref name="seed"/>), accuracy evaluated every <paramref name="evaluateEvery"/> steps.</summary>
    public static IReadOnlyList<TrainabilityCell> Run(FlatModel model, Dataset data, IReadOnlyList<double> alphas, IReadOnlyList<double> baseRates,
        int steps, long seed = 0, int evaluateEvery = 10) =>
        Grid(model, data, alphas, baseRates, steps, seed, evaluateEvery).RunAll();

    /// <summary>
    /// The α × η₀ grid (α by α, η₀ by η₀) of GD runs from α·θ₀(<paramref name="seed"/>) at T = 1; ‖H(αθ₀)‖₂ is computed
    /// once per α and shared by that α's cells.
    /// </summary>
    public static ExperimentGrid<(double Alpha, double BaseRate), TrainabilityCell> Grid(FlatModel model, Dataset data,
        IReadOnlyList<double> alphas, IReadOnlyList<double> baseRates, int steps, long seed = 0, int evaluateEvery = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(alphas);
        ArgumentNullException.ThrowIfNull(baseRates);
        int degree = model.HomogeneityDegree ?? throw new ArgumentException($"{model.Name} is not homogeneous; η = η₀α^(2−L) needs L", nameof(model));
        var objective = new Objective(model, data, new CrossEntropy());
        var sharpness = new Dictionary<double, double>();
        return new ExperimentGrid<(double Alpha, double BaseRate), TrainabilityCell>(
            alphas.SelectMany(a => baseRates.Select(r => (a, r))).ToArray(),
            (c, i) => ExperimentGrid<(double, double), TrainabilityCell>.Key(FormattableString.Invariant($"eta{c.BaseRate:G3}-alpha"), i, c.Alpha),
            c =>
            {
                using var scope = torch.NewDisposeScope();
                var start = SeedRule.InitialParameters(model, seed, data.DType, data.Device) * c.Alpha;
                if (!sharpness.TryGetValue(c.Alpha, out double s)) sharpness[c.Alpha] = s = Sharpness(objective, start, seed);
                double eta = c.BaseRate * Math.Pow(c.Alpha, 2 - degree);
                return RunCell(objective, start, c.Alpha, c.BaseRate, eta, s, steps, evaluateEvery);
            });
    }

    /// <summary>‖H‖₂ = largest |λ| of the full Hessian (power iteration).</summary>
    public static double Sharpness(Objective objective, Tensor theta, long seed = 0)
    {
        using var point = new LinearizationPoint(objective, theta);
        return Math.Abs(PowerIteration.Run(new HessianOperator(point), 1e-4, 300, seed).Top);
    }

    private static TrainabilityCell RunCell(Objective objective, Tensor start, double alpha, double eta0, double eta, double sharpness, int steps, int evaluateEvery)
    {
        double best = 0, zero = 0, maxNorm = 0;
        var labels = objective.Data.Targets;
        var result = GradientDescent.Run(objective, start, eta, steps, recordEvery: evaluateEvery, onStep: s =>
        {
            if (s.Step % evaluateEvery != 0 && s.Step != steps) return true;
            using var scope = torch.NewDisposeScope();
            var logits = objective.Logits(s.Parameters);
            best = Math.Max(best, Accuracy.OfLogits(logits, labels));
            zero = Math.Max(zero, (logits.abs().max(1).values == 0).to(ScalarType.Float64).mean().ToDouble());
            maxNorm = Math.Max(maxNorm, s.Parameters.norm().ToDouble());
            return true;
        });
        using (result.FinalParameters)
        {
            double finalLoss = result.Records.Count > 0 ? result.Records[^1].Loss : double.NaN;
            return new TrainabilityCell(alpha, eta0, eta, best, result.Diverged ? double.PositiveInfinity : finalLoss, maxNorm, zero,
                eta * sharpness, result.Diverged, result.StepsTaken);
        }
    }

    /// <summary>The USO model (App. E): GD from θ₀ with coefficients 1/K − 1{y = k} regardless of the actual output.</summary>
    public static IReadOnlyList<UsoRecord> UniformSoftmaxOutput(FlatModel model, Dataset data, double learningRate, int steps, long seed = 0, int recordEvery = 1) =>
        Trajectory(model, data, learningRate, steps, seed, recordEvery, LogitCoefficients.UniformSoftmaxOutput());

    /// <summary>The USO records of GD from θ₀ with the given logit coefficients (null: the cross-entropy gradient, i.e. the
    /// same run with the output no longer held uniform; the null model of the USO check).</summary>
    internal static IReadOnlyList<UsoRecord> Trajectory(FlatModel model, Dataset data, double learningRate, int steps, long seed, int recordEvery, LogitCoefficients? coefficients)
    {
        ArgumentNullException.ThrowIfNull(model);
        var objective = new Objective(model, data, new CrossEntropy());
        using var scope = torch.NewDisposeScope();
        var theta0 = SeedRule.InitialParameters(model, seed, data.DType, data.Device);
        var records = new List<UsoRecord>();
        var result = GradientDescent.Run(objective, theta0, learningRate, steps, coefficients, recordEvery, s =>
        {
            if (s.Step % recordEvery == 0 || s.Step == steps)
                records.Add(new UsoRecord(s.Step, s.Parameters.norm().ToDouble(), s.Direction.norm().ToDouble(),
                    EigenvectorSimilarity.Cosine(s.Parameters, theta0), EigenvectorSimilarity.Cosine(s.Parameters, -s.Direction)));
            return true;
        });
        result.FinalParameters.Dispose();
        return records;
    }
}
