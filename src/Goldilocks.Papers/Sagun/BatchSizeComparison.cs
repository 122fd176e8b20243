namespace Goldilocks.Papers.Sagun;

/// <summary>S7: top Hessian eigenvalues after large- and small-batch training, and the loss along the segment between the two solutions.</summary>
public sealed record BatchSizeComparison(IReadOnlyList<double> LargeTop, IReadOnlyList<double> SmallTop, InterpolationProfile Path)
{
    /// <summary>
    /// Sagun et al. Sec. 3.2 (claim S7): a ReLU <see cref="SagunNetwork"/> trained from one initialisation with the same
    /// learning rate and steps, once full-batch and once with batches of <paramref name="smallBatch"/>; the 2K top
    /// eigenvalues of each and an 11-point linear interpolation between them. <paramref name="largeBatch"/> (default: the
    /// whole dataset) and <paramref name="largeSamplingSeed"/> (default: <paramref name="seed"/>) set the first run's batch
    /// size and batch order; equal batch sizes with different orders are S7's null, where no batch-size effect exists.
    /// </summary>
    public static BatchSizeComparison Run(long seed, int classes = 5, int steps = 400, double learningRate = 0.5, long smallBatch = 10, double separation = 5.0,
        long? largeBatch = null, long? largeSamplingSeed = null)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNetwork.Create(seed, classes, Activation.ReLU, separation: separation);
        var theta = model.InitialParameters(seed);
        var large = MinibatchSgd.Run(objective, theta, learningRate, steps, largeBatch ?? objective.Count, largeSamplingSeed ?? seed).FinalParameters;
        var small = MinibatchSgd.Run(objective, theta, learningRate, steps, smallBatch, seed).FinalParameters;
        var largeTop = HessianExtremes.At(objective, large, 2 * classes).Top;
        var smallTop = HessianExtremes.At(objective, small, 2 * classes).Top;
        return new BatchSizeComparison(largeTop, smallTop, LinearInterpolation.Profile(objective, large, small, 11));
    }
}
