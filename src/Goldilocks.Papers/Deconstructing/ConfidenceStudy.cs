using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>One Kaiming initialization: mean softmax entropy, gradient norm, projected PC(H) and initial loss (Fig. 6).</summary>
/// <param name="Seed">Seed of the Kaiming initialisation.</param>
/// <param name="MeanEntropy">Mean softmax entropy over the batch.</param>
/// <param name="GradientNorm">‖∇L‖ at the initialisation.</param>
/// <param name="PositiveCurvature">PC of the projected Hessian.</param>
/// <param name="Loss">Initial loss.</param>
public sealed record ConfidencePoint(long Seed, double MeanEntropy, double GradientNorm, double PositiveCurvature, double Loss);

/// <summary>Spearman rank correlations of PC with entropy, gradient norm and loss, and of entropy with loss.</summary>
/// <param name="Points">One point per seed.</param>
/// <param name="PcVsEntropy">Spearman ρ of PC and mean entropy (Fig. 6: positive).</param>
/// <param name="PcVsGradientNorm">Spearman ρ of PC and ‖∇L‖ (negative).</param>
/// <param name="PcVsLoss">Spearman ρ of PC and the loss (negative).</param>
/// <param name="EntropyVsLoss">Spearman ρ of mean entropy and the loss.</param>
public sealed record ConfidenceResult(IReadOnlyList<ConfidencePoint> Points, double PcVsEntropy, double PcVsGradientNorm, double PcVsLoss, double EntropyVsLoss);

/// <summary>
/// Paper 000 Fig. 6: over many Kaiming initializations on one balanced batch, higher positive curvature goes with
/// higher mean softmax entropy (low confidence), lower initial loss and a smaller loss gradient. Every seed is a
/// Kaiming-normal draw of the model's parameters (<see cref="FlatModel.InitialParameters"/>), also for a TorchSharp
/// module or a TorchScript file, whose own weights are one point and not an initialization study.
/// </summary>
public static class ConfidenceStudy
{
    /// <summary>One point per seed in <paramref name="seeds"/> (Kaiming initialisation of <paramref name="model"/> on <paramref name="data"/>, PC(H) on a <paramref name="dimension"/>-dimensional subspace) and the rank correlations over them.</summary>
    public static ConfidenceResult Run(FlatModel model, Dataset data, IReadOnlyList<long> seeds, int dimension = 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count < 3) throw new ArgumentException("rank correlations need at least 3 initializations", nameof(seeds));
        var objective = new Objective(model, data, new CrossEntropy());
        var points = new List<ConfidencePoint>();
        foreach (var seed in seeds)
        {
            // A Kaiming draw per seed, for a module too (its own architecture re-drawn: weights N(0, 2/fan_in), biases 0).
            using var theta0 = model.InitialParameters(seed, data.DType, data.Device);
            var point = ZoneSweep.Measure(objective, new ZoneCell("confidence", seed, 1.0, 1.0), dimension, initial: theta0);
            points.Add(new ConfidencePoint(seed, point.MeanEntropy, point.GradientNorm, point.HessianPC, point.Loss));
        }
        var pc = points.Select(p => p.PositiveCurvature).ToArray();
        var ent = points.Select(p => p.MeanEntropy).ToArray();
        var loss = points.Select(p => p.Loss).ToArray();
        return new ConfidenceResult(points, Statistics.Spearman(pc, ent), Statistics.Spearman(pc, points.Select(p => p.GradientNorm).ToArray()),
            Statistics.Spearman(pc, loss), Statistics.Spearman(ent, loss));
    }
}
