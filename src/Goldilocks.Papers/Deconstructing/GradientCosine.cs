using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>Cosine between the full-batch gradients on two datasets at θ = αθ₀ (T = 1), and the model's ‖Q̂ − uniform‖ on each.</summary>
/// <remarks><see cref="LastLayerCosine"/> restricts both gradients to the last weight layer, whose logit gradients (hidden activations)
/// do not depend on the input space and carry the shared term Σ_k c_k(Q̂_k − Q_k) most directly.</remarks>
/// <param name="Alpha">Scale α.</param>
/// <param name="Cosine">cos of the full gradients on the two datasets.</param>
/// <param name="LastLayerCosine">cos of their last-layer blocks.</param>
/// <param name="PriorGapA">‖Q̂ − uniform‖ on the first dataset.</param>
/// <param name="PriorGapB">‖Q̂ − uniform‖ on the second dataset.</param>
public sealed record GradientCosinePoint(double Alpha, double Cosine, double LastLayerCosine, double PriorGapA, double PriorGapB);

/// <summary>
/// Paper 000 Fig. 5a: at an unscaled initialization (Q̂ not uniform) gradients computed on two unrelated balanced
/// datasets share the direction Σ_k c_k(Q̂_k − Q_k) (Eq. 9) and have a large cosine; at α ≪ 1 (Q̂ uniform) it is lost.
/// </summary>
public static class GradientCosine
{
    /// <summary>One point per α in <paramref name="alphas"/>: the gradient cosine between datasets <paramref name="a"/> and <paramref name="b"/> at α times the Kaiming initialisation of <paramref name="model"/> drawn with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<GradientCosinePoint> Run(FlatModel model, Dataset a, Dataset b, long seed, IReadOnlyList<double> alphas)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        var ce = new CrossEntropy();
        var theta0 = SeedRule.InitialParameters(model, seed, a.DType, a.Device);
        var list = new List<GradientCosinePoint>();
        foreach (var alpha in alphas)
        {
            using var inner = torch.NewDisposeScope();
            var theta = theta0 * alpha;
            var oa = new Objective(model, a, ce);
            var ob = new Objective(model, b, ce);
            var ga = oa.ValueAndGradient(theta).Gradient;
            var gb = ob.ValueAndGradient(theta).Gradient;
            var last = model.Blocks.Last(blk => !blk.IsBias);
            double cos = EigenvectorSimilarity.Cosine(ga, gb);
            double lastCos = EigenvectorSimilarity.Cosine(ga.narrow(0, last.Offset, last.Count), gb.narrow(0, last.Offset, last.Count));
            list.Add(new GradientCosinePoint(alpha, cos, lastCos, PriorGap(oa, theta, ce), PriorGap(ob, theta, ce)));
        }
        return list;
    }


    /// <summary>‖Q̂ − 1/K‖ with Q̂ the mean softmax output.</summary>
    private static double PriorGap(Objective o, Tensor theta, CrossEntropy ce)
    {
        using var scope = torch.NewDisposeScope();
        var q = ce.Probabilities(o.Logits(theta)).mean(new long[] { 0 });
        return (q - 1.0 / q.shape[0]).norm().ToDouble();
    }

    /// <summary>A balanced dataset of standard Gaussian "images" with cyclic labels 0..K−1 (the paper's random dataset).</summary>
    public static Dataset GaussianNoise(int samples, long[] sampleShape, int classes, long seed, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        if (samples < classes) throw new ArgumentOutOfRangeException(nameof(samples), samples, "need at least one sample per class");
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var x = torch.randn(new[] { (long)samples }.Concat(sampleShape).ToArray(), dtype: ScalarType.Float64, generator: gen).to(dtype).to(device ?? torch.CPU);
        var y = (torch.arange(samples, dtype: ScalarType.Int64) % classes).to(device ?? torch.CPU);
        return new Dataset(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope(), classes, $"Gaussian noise (N = {samples})");
    }
}
