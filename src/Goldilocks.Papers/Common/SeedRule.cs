namespace Goldilocks.Papers.Common;

/// <summary>
/// The one rule by which a run's seed s (the CLI's <c>--seed</c>) drives every random draw, the same way in every
/// experiment and command:
/// <list type="bullet">
/// <item>the data (the class-balanced or prior-weighted subset, the synthetic clusters) is drawn with s
/// (<see cref="Data"/>);</item>
/// <item>the k-th Kaiming initialization θ₀ of a run with several initializations uses s + k, the only one of a
/// single-initialization run uses s (<see cref="Initialization"/>); a <see cref="ModuleModel"/> (a TorchScript file)
/// starts from its own weights instead, whatever the seed (<see cref="InitialParameters"/>), and the seed still draws
/// its data and subspaces;</item>
/// <item>the random subspace V ∈ R^{P×d} measured at the initialization of seed i uses i + 1,000,003
/// (<see cref="Basis"/>), so V is a draw independent of θ₀ and of the data, and one initialization has one subspace
/// whichever command measures it;</item>
/// <item>a second, Gaussian-noise dataset compared with the first (Fig. 5a) is drawn with s + 7 (<see cref="NoiseData"/>);</item>
/// <item>the iterative solvers' start vectors and probes (power iteration, Lanczos, subspace iteration, SLQ) use the
/// initialization seed itself;</item>
/// <item>draws that are neither data nor parameters (the random logit sets of Fig. 4 right, the class priors of
/// Fig. 5b) use s.</item>
/// </list>
/// Two commands given the same model, data, α, T and seed therefore measure the same point on the same subspace.
/// </summary>
public static class SeedRule
{
    /// <summary>Offset between an initialization seed and its subspace seed (a prime, so nearby seeds never share a draw).</summary>
    public const long BasisOffset = 1_000_003;

    /// <summary>Seed of the data subset or synthetic data of a run with seed <paramref name="seed"/>.</summary>
    public static long Data(long seed) => seed;

    /// <summary>Seed of the Gaussian-noise images compared with the data of a run with seed <paramref name="seed"/>.</summary>
    public static long NoiseData(long seed) => checked(seed + 7);

    /// <summary>Seed of the <paramref name="index"/>-th Kaiming initialization of a run with seed <paramref name="seed"/>.</summary>
    public static long Initialization(long seed, int index = 0) => checked(seed + index);

    /// <summary>The starting point θ₀ of the initialization of seed <paramref name="initializationSeed"/>: the Kaiming-normal
    /// draw of <see cref="FlatModel.InitialParameters"/> for a built-in model, the module's own weights
    /// (<see cref="ModuleModel.InitialWeights"/>, the same for every seed) for a <see cref="ModuleModel"/>.</summary>
    public static Tensor InitialParameters(FlatModel model, long initializationSeed, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model is ModuleModel module ? module.InitialWeights() : model.InitialParameters(initializationSeed, dtype, device);
    }

    /// <summary>Seed of the random subspace basis measured at the initialization of seed <paramref name="initializationSeed"/>.</summary>
    public static long Basis(long initializationSeed) => checked(initializationSeed + BasisOffset);
}
