namespace Goldilocks.Papers.FortScherlis;

/// <summary>F9: the accuracy on each random surface through each c·θ_init, for hyperplanes and hyperspheres
/// (<see cref="HyperplaneRuns"/>[i][j]: multiple i, surface j), and its mean over the surfaces.</summary>
public sealed record SurfaceAccuracyMeans(IReadOnlyList<double> Multiples, IReadOnlyList<IReadOnlyList<double>> HyperplaneRuns, IReadOnlyList<IReadOnlyList<double>> HypersphereRuns)
{
    /// <summary>Mean hyperplane accuracy over the surfaces at each multiple.</summary>
    public IReadOnlyList<double> Hyperplane => HyperplaneRuns.Select(r => r.Average()).ToArray();

    /// <summary>Mean hypersphere accuracy over the surfaces at each multiple.</summary>
    public IReadOnlyList<double> Hypersphere => HypersphereRuns.Select(r => r.Average()).ToArray();
}

/// <summary>
/// Fort &amp; Scherlis Sec. 4, Fig. 2 (claim F9): training restricted to a random d-dimensional hyperplane or hypersphere
/// through c·θ_init works only where the surface meets the Goldilocks zone. The network is an MLP 6-16-4 with biases
/// (Fort &amp; Scherlis's networks have them) on 80 samples of 4 synthetic clusters, trained with Adam.
/// </summary>
public static class SurfaceAccuracy
{
    /// <summary>Training accuracy after Adam on one random surface through c·θ_init (0 when training diverges).
    /// <paramref name="basis"/> picks one of several random bases through the same point (basis seed seed + 500 + 100,000·basis).</summary>
    public static double Run(long seed, double multiple, SurfaceKind kind, int dimension = 8, int steps = 150, double learningRate = 0.05, int basis = 0)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(6, new[] { 16 }, 4, bias: true);
        var data = SyntheticClusters.Generate(80, 6, 4, seed);
        var objective = new Objective(model, data, new CrossEntropy());
        var origin = model.InitialParameters(seed) * multiple;
        var surface = new RandomSurface(objective, origin, SubspaceBasis.Create(model.ParameterCount, dimension, seed + 500 + 100_000L * basis), kind);
        var result = surface.Train(learningRate, steps, adam: true);
        return result.Diverged ? 0 : Accuracy.Of(objective, result.FinalParameters);
    }

    /// <summary>The mean of <see cref="Run"/> over <paramref name="bases"/> surfaces through each c·θ_init (Fig. 2's
    /// contours average over surfaces), for hyperplanes and for hyperspheres.</summary>
    public static SurfaceAccuracyMeans Means(long seed, IReadOnlyList<double> multiples, int bases)
    {
        ArgumentNullException.ThrowIfNull(multiples);
        if (bases < 1) throw new ArgumentOutOfRangeException(nameof(bases), bases, "at least one surface per point is needed");
        IReadOnlyList<double>[] Of(SurfaceKind kind) => multiples.Select(c => (IReadOnlyList<double>)Enumerable.Range(0, bases).Select(j => Run(seed, c, kind, basis: j)).ToArray()).ToArray();
        return new SurfaceAccuracyMeans(multiples.ToArray(), Of(SurfaceKind.Hyperplane), Of(SurfaceKind.Hypersphere));
    }
}
