namespace Goldilocks.Papers.FortScherlis;

/// <summary>
/// The laptop-scale Goldilocks setting of the statistical Fort &amp; Scherlis claims (F4, F8, F10, F11): a bias-free ReLU
/// MLP 6-8-8-4 (P = 144, L = 3) on 40 samples of 4 synthetic clusters, mean cross-entropy at T = 1.
/// </summary>
public static class SmallZoneNetwork
{
    /// <summary>The model and its objective; the data are drawn with <paramref name="seed"/>.</summary>
    public static (Mlp Model, Objective Objective) Create(long seed)
    {
        var model = new Mlp(6, new[] { 8, 8 }, 4);
        var data = SyntheticClusters.Generate(40, 6, 4, seed);
        return (model, new Objective(model, data, new CrossEntropy()));
    }
}
