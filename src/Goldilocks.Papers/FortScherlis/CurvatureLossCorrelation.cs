namespace Goldilocks.Papers.FortScherlis;

/// <summary>F11: PC(H) and the initial loss of each Kaiming draw.</summary>
public sealed record CurvatureLossResult(IReadOnlyList<double> PositiveCurvature, IReadOnlyList<double> InitialLoss)
{
    /// <summary>Spearman correlation of PC(H) with the initial loss over the draws.</summary>
    public double Spearman => Statistics.Spearman(PositiveCurvature, InitialLoss);
}

/// <summary>
/// Fort &amp; Scherlis Sec. 4 (claim F11): over Kaiming draws on one dataset of <see cref="SmallZoneNetwork"/>, higher PC(H)
/// goes with lower initial loss. With <c>onShell</c> every draw is rescaled to the draws' mean radius, so the points
/// differ in direction only (Fort &amp; Scherlis Sec. 3 sample "at a given radius"). Draw i uses seed 10,000·seed + i.
/// </summary>
public static class CurvatureLossCorrelation
{
    /// <summary>PC(H) and the loss at each of <paramref name="draws"/> initialisations for one seed.</summary>
    public static CurvatureLossResult Run(long seed, int draws = 24, bool onShell = false)
    {
        if (draws < 2) throw new ArgumentOutOfRangeException(nameof(draws), draws, "a correlation needs at least two draws");
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallZoneNetwork.Create(seed);
        var thetas = Enumerable.Range(0, draws).Select(i => model.InitialParameters(10_000 * seed + i)).ToArray();
        double radius = thetas.Average(t => t.norm().item<double>());
        var pcs = new double[draws];
        var losses = new double[draws];
        for (int i = 0; i < draws; i++)
        {
            using var inner = torch.NewDisposeScope();
            var theta = onShell ? thetas[i] * (radius / thetas[i].norm().item<double>()) : thetas[i];
            pcs[i] = PositiveCurvature.Of(DenseMaterializer.Hessian(objective, theta));
            losses[i] = objective.Value(theta);
        }
        return new CurvatureLossResult(pcs, losses);
    }
}
