namespace Goldilocks.Papers.FortScherlis;

/// <summary>The verdict table's text of the Fort &amp; Scherlis claims a report section touches. F4's criterion is its
/// test's (FortScherlisStatisticalTests, on DimensionScan records); no report section computes that record yet.</summary>
public static class FortScherlisVerdicts
{
    /// <summary>The verdict table's text of each claim.</summary>
    public static IReadOnlyDictionary<string, ClaimStatement> Statements { get; } = new[]
    {
        new ClaimStatement("F4", "PC of the projected Hessian grows with d and plateaus near PC(H); the positive fraction falls with d (Sec. 2.4)", null, "specs/F4-projected-pc-vs-dimension.md", true),
    }.ToDictionary(s => s.Claim);
}
