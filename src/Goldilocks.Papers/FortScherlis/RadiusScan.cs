namespace Goldilocks.Papers.FortScherlis;

/// <summary>F8: PC(H) at θ = c·θ_init for each radius multiple c.</summary>
public sealed record RadiusScanResult(IReadOnlyList<double> Multiples, IReadOnlyList<double> PositiveCurvature);

/// <summary>Fort &amp; Scherlis Sec. 4 (claim F8): PC(H) along the ray through the Kaiming initialisation of
/// <see cref="SmallZoneNetwork"/> peaks near r_init and vanishes far inside.</summary>
public static class RadiusScan
{
    /// <summary>Runs the scan for one seed (data and initialisation).</summary>
    public static RadiusScanResult Run(long seed, IReadOnlyList<double> multiples)
    {
        ArgumentNullException.ThrowIfNull(multiples);
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallZoneNetwork.Create(seed);
        var theta = model.InitialParameters(seed);
        var pc = multiples.Select(c =>
        {
            using var inner = torch.NewDisposeScope();
            return PositiveCurvature.Of(DenseMaterializer.Hessian(objective, theta * c));
        }).ToArray();
        return new RadiusScanResult(multiples.ToArray(), pc);
    }
}
