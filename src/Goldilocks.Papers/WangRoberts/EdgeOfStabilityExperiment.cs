
namespace Goldilocks.Papers.WangRoberts;

/// <summary>Laptop-scale stand-in for Wang &amp; Roberts' MLP on fMNIST (App. F): a bias-free ReLU MLP on
/// synthetic clusters, cross-entropy, full-batch GD.</summary>
/// <param name="Samples">Number of training samples.</param>
/// <param name="Features">Input features D.</param>
/// <param name="Classes">Number of classes K.</param>
/// <param name="Width">Width of every hidden layer.</param>
/// <param name="Depth">Number of weight layers.</param>
/// <param name="Separation">Spread of the cluster means (<see cref="SyntheticClusters"/>).</param>
public sealed record EdgeOfStabilitySetup(int Samples = 32, int Features = 8, int Classes = 3, int Width = 8, int Depth = 3, double Separation = 1.0)
{
    /// <summary>The default setting (32 samples, 8 features, 3 classes, width 8, depth 3).</summary>
    public static EdgeOfStabilitySetup Default { get; } = new();
}

/// <summary>Summary of a tracked run in units of the stability limit 2/η (Cohen et al. 2022; Wang &amp; Roberts Sec. 2.1).</summary>
/// <param name="InitialRatio">ηS/2 at step 0.</param>
/// <param name="PeakRatio">max ηS/2 over the run.</param>
/// <param name="LateMedianRatio">median ηS/2 over the second half of the run (the edge of stability: ≈ 1).</param>
/// <param name="LossIncreases">records whose loss exceeds the previous record's (non-monotone training).</param>
/// <param name="FinalLossFraction">final loss / initial loss.</param>
public sealed record EdgeOfStabilitySummary(double InitialRatio, double PeakRatio, double LateMedianRatio, int LossIncreases, double FinalLossFraction);

/// <summary>The cross-entropy edge-of-stability setting: builds it for a seed and summarises a tracked run.</summary>
public static class EdgeOfStabilityExperiment
{
    /// <summary>The objective and Kaiming initial parameters for one seed (data and initialisation both seeded).</summary>
    public static (Objective Objective, Tensor Initial) Create(long seed, EdgeOfStabilitySetup? setup = null)
    {
        setup ??= EdgeOfStabilitySetup.Default;
        var data = SyntheticClusters.Generate(setup.Samples, setup.Features, setup.Classes, seed, setup.Separation);
        var model = new Mlp(setup.Features, Enumerable.Repeat(setup.Width, setup.Depth - 1).ToArray(), setup.Classes, Activation.ReLU);
        return (new Objective(model, data, new CrossEntropy()), model.InitialParameters(seed));
    }

    /// <summary>The summary of a tracked run with at least two records.</summary>
    public static EdgeOfStabilitySummary Summarize(EigenTrackingResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Records.Count < 2) throw new ArgumentException("a summary needs at least two records", nameof(run));
        var ratio = run.Sharpness.Select(s => run.LearningRate * s / 2).ToArray();
        var late = ratio.Skip(ratio.Length / 2).OrderBy(x => x).ToArray();
        var losses = run.Losses;
        int increases = Enumerable.Range(1, losses.Length - 1).Count(i => losses[i] > losses[i - 1]);
        return new EdgeOfStabilitySummary(ratio[0], ratio.Max(), late[late.Length / 2], increases, losses[^1] / losses[0]);
    }
}
