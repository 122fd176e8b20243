using System.Globalization;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// The settings of one section of <c>goldilocks report</c>: the sub-command it runs, that command's arguments (without
/// --seed, --out and the data arguments), whether the caller adds the data arguments (--dataset, --samples, --data-dir),
/// and the settings in words, ours beside the paper's.
/// </summary>
/// <param name="Command">The experiment sub-command (zone, temperature, …).</param>
/// <param name="Arguments">Its arguments after the data arguments.</param>
/// <param name="UsesData">True when the caller prepends --dataset, --samples <see cref="Samples"/> and --data-dir.</param>
/// <param name="Samples">Training images of the section when <see cref="UsesData"/>.</param>
/// <param name="Ours">Our settings in words (network, data, d, seeds, grid).</param>
/// <param name="Paper">The paper's settings for the same figure, in words.</param>
/// <param name="Cells">Units of work the section computes (grid cells, initializations, priors, GD runs), for the time estimate.</param>
/// <param name="SecondsPerCell">CPU seconds per unit measured in the report of this profile's scale (BENCHMARKS.md, "The report's
/// own timing"), scaled linearly by the images per unit where the profile uses more than the measured run.</param>
public sealed record ReportSectionSettings(string Command, IReadOnlyList<string> Arguments, bool UsesData, int Samples,
    string Ours, string Paper, int Cells, double SecondsPerCell)
{
    /// <summary>The line each section shows: "Settings: ours … / paper …".</summary>
    public string Line => $"Settings: ours {Ours} / paper {Paper}";

    /// <summary>Estimated CPU seconds of the section, <see cref="Cells"/> × <see cref="SecondsPerCell"/>; on 2 otherwise idle
    /// cores the wall time is between half of it and all of it (libtorch runs 2 threads).</summary>
    public double EstimatedSeconds => Cells * SecondsPerCell;
}

/// <summary>
/// The settings of <c>goldilocks report</c>, one profile per scale: <see cref="Quick"/> (laptop scale, under a minute; the
/// baseline tests and CI use it), <see cref="Default"/> (the papers' networks, d and data within 10 minutes on 2 cores) and
/// <see cref="Full"/> (the papers' own counts, a sharded and resumable sweep). <see cref="Section"/> gives each section's
/// arguments and its settings against the paper's; a new section adds its key to <see cref="Section"/> for every profile.
/// </summary>
/// <param name="Name">quick, default or full.</param>
/// <param name="Samples">Training images of the curvature sections (zone, temperature, gamma, prior-gradient, confidence).</param>
/// <param name="Points">α points over [1e-2, 1e2] of the zone grid (also the temperature, gamma and Fig. 5a grids).</param>
/// <param name="Dimension">Subspace dimension d of the zone and temperature projections.</param>
public sealed record ReportProfile(string Name, int Samples, int Points, int Dimension)
{
    /// <summary>Today's laptop scale: MLP 784-32-16-10 (bias-free ReLU), 300 images, d = 20, 9 α points, 2 seeds.</summary>
    public static ReportProfile Quick => new("quick", 300, 9, 20);

    /// <summary>The papers' networks, d and data within 10 minutes on 2 cores: LeNet-300-100, 1,000 FashionMNIST images,
    /// d = 50, 25 α points, 3 seeds for Fig. 2; LeNet-5 in float32 for the convolutional zone panel.</summary>
    public static ReportProfile Default => new("default", 1000, 25, 50);

    /// <summary>The papers' own counts (Fig. 2: 30 α points, 3 seeds on all 60,000 images; Fig. 5b: 2,000 priors; Fig. 6:
    /// 2,000 initializations), meant to run as a sharded (--shard i/n) and resumable (--resume) sweep.</summary>
    public static ReportProfile Full => new("full", 60000, 30, 50);

    /// <summary>The section keys in report order; a key is the sub-command's name unless it runs one command twice
    /// (zone-lenet5: the convolutional zone panel).</summary>
    public IReadOnlyList<string> Keys => Name == "quick"
        ? new[] { "zone", "temperature", "gamma", "prior-gradient", "confidence", "trainability", "instability", "spectrum", "dimension", "hutchinson", "pre-collapse" }
        : new[] { "zone", "zone-lenet5", "temperature", "gamma", "prior-gradient", "confidence", "trainability", "instability", "spectrum", "dimension", "hutchinson", "pre-collapse" };

    /// <summary>The settings of section <paramref name="key"/> in this profile.</summary>
    /// <exception cref="ArgumentException">The profile has no such section.</exception>
    public ReportSectionSettings Section(string key) => Name == "quick" ? QuickSection(key) : PaperSection(key, Name == "full");

    /// <summary>The estimated CPU seconds of the whole profile (sum of <see cref="ReportSectionSettings.EstimatedSeconds"/>).</summary>
    public double EstimatedSeconds => Keys.Sum(k => Section(k).EstimatedSeconds);

    private const string Mlp = "bias-free ReLU MLP 784-32-16-10";

    private static readonly string[] MlpModel = { "--model", "mlp", "--hidden", "32", "16" };

    private static readonly string[] LeNet300100 = { "--model", "lenet300100" };

    private string Grid(int points) => $"{points} α in [1e-2, 1e2]";

    private ReportSectionSettings QuickSection(string key)
    {
        string data = $"{Samples} FashionMNIST images";
        return key switch
        {
            "zone" => new("zone", Concat(MlpModel, "--points", I(Points), "-d", I(Dimension)), true, Samples,
                $"{Mlp}, {data}, d = {Dimension}, 2 seeds, {Grid(Points)}", PaperZone, 2 * Points, 0.23),
            "temperature" => new("temperature", Concat(MlpModel, "--points", I(Points), "-d", I(Dimension), "--seeds", "1"), true, Samples,
                $"{Mlp}, {data}, d = {Dimension}, 1 seed, {Points} α and {Points} T points", PaperTemperature, 2 * Points, 0.18),
            "gamma" => new("gamma", Concat(MlpModel, "--points", I(Points), "-d", "20"), true, Samples,
                $"30 logit paths of 81 scales; Eq. 8 fit on the {Mlp}, {data}, d = 20, {Grid(Points)}", PaperGamma, Points, 0.045),
            "prior-gradient" => new("prior-gradient", Concat(MlpModel, "--points", I(Points)), true, Samples,
                $"{Mlp}, 40 priors × 100-image subsets of {data}; Fig. 5a cosine at {Grid(Points)}", PaperPriorGradient, 40, 0.009),
            "confidence" => new("confidence", Concat(MlpModel, "-d", "10"), true, Samples,
                $"{Mlp}, {data}, 20 Kaiming initializations, d = 10", PaperConfidence, 20, 0.11),
            "trainability" => new("trainability", Concat(MlpModel, "--points", "5", "--steps", "40", "--uso-steps", "40"), true, Samples,
                $"{Mlp}, {data}, 5 α × 3 η₀, 40 full-batch GD steps", PaperTrainability, 15, 0.44),
            "instability" => new("instability", Array.Empty<string>(), false, 0, Instability, PaperInstability, 1, 2),
            "spectrum" => new("spectrum", new[] { "--samples", "100" }, false, 100,
                "bias-free ReLU MLP 20-16-16-10 on 100 synthetic cluster samples (10 classes), all eigenvalues (dense)", PaperSpectrum, 1, 1.2),
            "dimension" => new("dimension", Concat(MlpModel, "--points", I(Points), "--seeds", "1", "--dimensions",
                    I(Math.Max(1, Dimension / 4)), I(Math.Max(1, Dimension / 2)), I(Dimension), I(2 * Dimension)), true, Samples,
                $"{Mlp}, {data}, d = {Math.Max(1, Dimension / 4)}, {Math.Max(1, Dimension / 2)}, {Dimension}, {2 * Dimension}, 1 seed, {Grid(Points)}",
                PaperDimension, 4 * Points, 0.23),
            "hutchinson" => new("hutchinson", Concat(MlpModel, "--points", I(Points), "-d", I(Dimension), "--seeds", "1", "--probes", "30"), true, Samples,
                $"{Mlp}, {data}, d = {Dimension} against 30 Rademacher probes in all P dimensions, 1 seed, {Grid(Points)}", PaperHutchinson, Points, 0.36),
            "pre-collapse" => new("pre-collapse", Concat(MlpModel, "--alpha-min", "1.5", "--alpha-max", "20", "--points", "7"), true, Math.Min(Samples, 50),
                $"{Mlp}, {Math.Min(Samples, 50)} FashionMNIST images (N·K backward passes per α), 7 α in [1.5, 20]", PaperPreCollapse, 7, 1.5),
            _ => throw new ArgumentException($"the quick report has no section '{key}'", nameof(key)),
        };
    }

    private ReportSectionSettings PaperSection(string key, bool full)
    {
        const string net = "LeNet-300-100 (bias-free)";
        string data = $"{Samples:N0} FashionMNIST images";
        // Counts: (default, full). Full is the papers' own counts; default what fits in 10 minutes on 2 cores. CPU seconds per
        // unit: measured in the default report (1,000 images; LeNet-5 500; trainability 300 images × 40 steps), scaled by images.
        double perImage = Samples / 1000.0;
        int seeds = 3, tPoints = full ? 30 : 9, tSeeds = full ? 3 : 1, priors = full ? 2000 : 240, subset = full ? 5000 : 100;
        int inits = full ? 2000 : 240, convSamples = full ? 3000 : 500, convPoints = full ? 30 : 9, convSeeds = full ? 3 : 1;
        int confSamples = full ? 3000 : 300, dimPoints = full ? 30 : 9, probes = full ? 100 : 30;
        int trainSamples = full ? 60000 : 300, trainPoints = full ? 20 : 5, trainSteps = full ? 20000 : 40;
        return key switch
        {
            "zone" => new("zone", Concat(LeNet300100, "--points", I(Points), "-d", I(Dimension), "--seeds", I(seeds)), true, Samples,
                $"{net}, {data}, d = {Dimension}, {seeds} seeds (min-max bands), {Grid(Points)}", PaperZone, seeds * Points, 4.73 * perImage),
            "zone-lenet5" => new("zone", Concat(new[] { "--model", "lenet5" }, "--points", I(convPoints), "-d", "20", "--seeds", I(convSeeds), "--dtype", "float32"),
                true, convSamples, $"LeNet-5 (bias-free) in float32, {convSamples:N0} FashionMNIST images, d = 20, {convSeeds} seed(s), {Grid(convPoints)}",
                "LeNet-5 on CIFAR-10 (not installable here), d = 50, 3 seeds (Fig. 2 bottom row, Fig. 3 right)", convSeeds * convPoints, 2.76 * convSamples / 500.0),
            "temperature" => new("temperature", Concat(LeNet300100, "--points", I(tPoints), "-d", I(Dimension), "--seeds", I(tSeeds)), true, Samples,
                $"{net}, {data}, d = {Dimension}, {tSeeds} seed(s), {tPoints} α and {tPoints} T points", PaperTemperature, 2 * tSeeds * tPoints, 5.33 * perImage),
            "gamma" => new("gamma", Concat(LeNet300100, "--points", I(Points), "-d", I(Dimension)), true, Samples,
                $"30 logit paths of 81 scales; Eq. 8 fit on {net}, {data}, d = {Dimension}, {Grid(Points)}", PaperGamma, Points, 0.16 * perImage),
            "prior-gradient" => new("prior-gradient", Concat(LeNet300100, "--points", I(Points), "--priors", I(priors), "--subset-size", I(subset)), true, Samples,
                $"{net}, {priors:N0} priors × {subset:N0}-image subsets of {data}; Fig. 5a cosine at {Grid(Points)}", PaperPriorGradient, priors, 0.027 * subset / 100.0),
            "confidence" => new("confidence", Concat(LeNet300100, "-d", "10", "--inits", I(inits)), true, confSamples,
                $"{net}, {confSamples:N0} FashionMNIST images, {inits:N0} Kaiming initializations, d = 10", PaperConfidence, inits, 0.86 * confSamples / 1000.0),
            "trainability" => new("trainability", Concat(LeNet300100, "--points", I(trainPoints), "--steps", I(trainSteps), "--uso-steps", "40"), true, trainSamples,
                $"{net}, {trainSamples:N0} FashionMNIST images, {trainPoints} α × 3 η₀, {trainSteps:N0} full-batch GD steps", PaperTrainability, 3 * trainPoints,
                2.31 * trainSamples / 300.0 * trainSteps / 40.0),
            "instability" => new("instability", Array.Empty<string>(), false, 0, Instability, PaperInstability, 1, 1.9),
            "spectrum" => new("spectrum", new[] { "--samples", full ? "1000" : "300" }, false, full ? 1000 : 300,
                $"bias-free ReLU MLP 20-16-16-10 on {(full ? 1000 : 300):N0} synthetic cluster samples (10 classes), all eigenvalues (dense)", PaperSpectrum, 1,
                1.3 * (full ? 1000 : 300) / 300.0),
            "dimension" => new("dimension", Concat(LeNet300100, "--points", I(dimPoints), "--seeds", "1", "--dimensions", "10", "25", I(Dimension)), true, Samples,
                $"{net}, {data}, d = 10, 25, {Dimension}, 1 seed, {Grid(dimPoints)}", PaperDimension, 3 * dimPoints, 2.7 * perImage),
            "hutchinson" => new("hutchinson", Concat(LeNet300100, "--points", I(dimPoints), "-d", I(Dimension), "--seeds", "1", "--probes", I(probes)), true, Samples,
                $"{net}, {data}, d = {Dimension} against {probes} Rademacher probes in all P dimensions, 1 seed, {Grid(dimPoints)}", PaperHutchinson, dimPoints, 6 * perImage),
            "pre-collapse" => new("pre-collapse", Concat(LeNet300100, "--alpha-min", "1.5", "--alpha-max", "20", "--points", "7"), true, 50,
                $"{net}, 50 FashionMNIST images (N·K backward passes per α; the first-layer Jacobians of more images exceed 4 GB), 7 α in [1.5, 20]",
                PaperPreCollapse, 7, 3),
            _ => throw new ArgumentException($"the {Name} report has no section '{key}'", nameof(key)),
        };
    }

    private const string PaperZone = "LeNet-300-100 on FashionMNIST and LeNet-5 on CIFAR-10, d = 50, min-max over 3 seeds, ~30 α in [1e-2, 1e2] (Fig. 2)";

    private const string PaperTemperature = "LeNet-300-100 on FashionMNIST, d = 50, T = α^L over α and T over [1e-3, 1e3] at α = 1 (Fig. 1 middle, right)";

    private const string PaperGamma = "30 random logit sets (Fig. 4 right); Eq. 8 against the true G-term, d = 50, 3 seeds, LeNet-300-100 on FashionMNIST and LeNet-5 on CIFAR-10 (Fig. 3)";

    private const string PaperPriorGradient = "LeNet-5 on CIFAR-10: 2,000 priors × 5,000-image subsets (Fig. 5b); gradient cosine across SVHN, CIFAR-10 and noise at α = 0.01 (Fig. 5a)";

    private const string PaperConfidence = "LeNet-5, one balanced batch of 3,000 CIFAR-10 images, 2,000 Kaiming initializations (Fig. 6)";

    private const string PaperTrainability = "LeNet-300-100 on all 60,000 FashionMNIST images and LeNet-5 on CIFAR-10, 20 α × 10 η₀, 20,000 full-batch epochs (Fig. 8)";

    private const string Instability = "two-parameter DLN z = Θ⁴/4 + Θ²/2 at c = 0.5, 0.9, 1.2 of 2/λ_max (60 steps); squared-error tanh MLP on synthetic clusters at η = 0.15, 0.3, 0.45 (160 steps)";

    private const string PaperInstability = "Wang & Roberts Fig. 1-2: the two-parameter DLN and full-batch GD on CIFAR-10 subsets (after Cohen et al. 2021)";

    private const string PaperSpectrum = "Sagun et al.: MLPs on MNIST and Gaussian clusters (K classes), all eigenvalues at initialization and after training (Fig. 1-3, Table 1)";

    private const string PaperDimension = "projected G-term of LeNet-300-100 on FashionMNIST over α for several d (Fig. 4 left)";

    private const string PaperHutchinson = "Hutchinson's estimate of Tr(H)/‖H‖_F in all P dimensions against the projected PC over α (App. F, Fig. 13)";

    private const string PaperPreCollapse = "LeNet-300-100 on FashionMNIST over α at T = 1: PC of the first-layer G-term, the least confident sample and the top eigenvector as an image (App. D, Fig. 10)";

    private static string[] Concat(string[] head, params string[] tail) => head.Concat(tail).ToArray();

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}
