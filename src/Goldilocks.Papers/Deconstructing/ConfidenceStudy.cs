using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>One Kaiming initialization: mean softmax entropy, gradient norm, projected PC(H) and initial loss (Fig. 6).</summary>
public sealed record ConfidencePoint(long Seed, double MeanEntropy, double GradientNorm, double PositiveCurvature, double Loss);

/// <summary>Spearman rank correlations of PC with entropy, gradient norm and loss, and of entropy with loss.</summary>
public sealed record ConfidenceResult(IReadOnlyList<ConfidencePoint> Points, double PcVsEntropy, double PcVsGradientNorm, double PcVsLoss, double EntropyVsLoss);

/// <summary>
/// Paper 000 Fig. 6: over many Kaiming initializations on one balanced batch, higher positive curvature goes with
/// higher mean softmax entropy (low confidence), lower initial loss and a smaller loss gradient.
/// </summary>
public static class ConfidenceStudy
{
    public static ConfidenceResult Run(FlatModel model, Dataset data, IReadOnlyList<long> seeds, int dimension = 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count < 3) throw new ArgumentException("rank correlations need at least 3 initializations", nameof(seeds));
        var objective = new Objective(model, data, new CrossEntropy());
        var points = new List<ConfidencePoint>();
        foreach (var seed in seeds)
        {
            var point = ZoneSweep.Measure(objective, new ZoneCell("confidence", seed, 1.0, 1.0), dimension);
            points.Add(new ConfidencePoint(seed, point.MeanEntropy, point.GradientNorm, point.HessianPC, point.Loss));
        }
        var pc = points.Select(p => p.PositiveCurvature).ToArray();
        var ent = points.Select(p => p.MeanEntropy).ToArray();
        var loss = points.Select(p => p.Loss).ToArray();
        return new ConfidenceResult(points, Statistics.Spearman(pc, ent), Statistics.Spearman(pc, points.Select(p => p.GradientNorm).ToArray()),
            Statistics.Spearman(pc, loss), Statistics.Spearman(ent, loss));
    }
}
