
namespace Goldilocks.Papers.WangRoberts;

/// <summary>One learning rate of a sweep: ηS₀/2 (&gt; 1: unstable from the start), final training loss and accuracy,
/// held-out accuracy, and whether the run diverged (non-finite loss).</summary>
/// <param name="LearningRate">η.</param>
/// <param name="InitialStabilityRatio">ηS₀/2 with S₀ the sharpness at initialisation.</param>
/// <param name="FinalTrainLoss">Training loss after the last step.</param>
/// <param name="TrainAccuracy">Training accuracy after the last step.</param>
/// <param name="TestAccuracy">Accuracy on the held-out samples.</param>
/// <param name="Diverged">True when the loss stopped being finite.</param>
public sealed record SweepPoint(double LearningRate, double InitialStabilityRatio, double FinalTrainLoss, double TrainAccuracy,
    double TestAccuracy, bool Diverged);

/// <summary>
/// Laptop-scale analogue of Wang &amp; Roberts Sec. 4.1/4.3 (Fig. 5, Fig. 7): full-batch GD of the
/// <see cref="EdgeOfStabilitySetup"/> MLP for each learning rate of a sweep, reporting held-out accuracy. The CLI
/// wraps this; the paper's CIFAR-10 table is kept as reference data in baselines/reference/wang-roberts-fig7.csv.
/// </summary>
public static class LearningRateSweep
{
    /// <summary>One point per learning rate: <paramref name="steps"/> full-batch GD steps on the <paramref name="setup"/> problem (seed <paramref name="seed"/>), accuracy on <paramref name="testSamples"/> held-out samples.</summary>
    public static IReadOnlyList<SweepPoint> Run(IReadOnlyList<double> learningRates, int steps, long seed,
        EdgeOfStabilitySetup? setup = null, int testSamples = 256)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        if (learningRates.Count == 0) throw new ArgumentException("the sweep needs at least one learning rate", nameof(learningRates));
        foreach (var eta in learningRates) Guard.PositiveFinite(eta, nameof(learningRates));
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 1");
        if (testSamples < 1) throw new ArgumentOutOfRangeException(nameof(testSamples), testSamples, "testSamples must be ≥ 1");
        setup ??= EdgeOfStabilitySetup.Default;
        using var all = SyntheticClusters.Generate(setup.Samples + testSamples, setup.Features, setup.Classes, seed, setup.Separation);
        using var train = all.Slice(0, setup.Samples);
        using var test = all.Slice(setup.Samples, testSamples);
        var model = new Mlp(setup.Features, Enumerable.Repeat(setup.Width, setup.Depth - 1).ToArray(), setup.Classes, Activation.ReLU);
        var objective = new Objective(model, train, new CrossEntropy());
        using var theta0 = model.InitialParameters(seed);
        double s0 = EigenTracking.TopEigenpairs(objective, theta0, 1).Top;
        var points = new List<SweepPoint>();
        foreach (var eta in learningRates)
        {
            var run = GradientDescent.Run(objective, theta0, eta, steps, recordEvery: steps);
            using var theta = run.FinalParameters;
            bool diverged = run.Diverged || !Guard.AllFinite(theta);
            points.Add(diverged
                ? new SweepPoint(eta, eta * s0 / 2, double.NaN, double.NaN, double.NaN, true)
                : new SweepPoint(eta, eta * s0 / 2, objective.Value(theta), Accuracy.Of(objective, theta), Accuracy.Of(new Objective(model, test, new CrossEntropy()), theta), false));
        }
        return points;
    }
}
