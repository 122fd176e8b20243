namespace Goldilocks.Tests.Claims.Shared;

/// <summary>The statistic of a Monte Carlo ("exact in expectation") test judged against the claim's value and against its null model's value
/// with the test's own margin: <see cref="Claim"/> is the test's pass condition, <see cref="Null"/> the same condition
/// with the null value in place of the claimed one; <see cref="Statistic"/> is the number the margin acts on and
/// <see cref="NullDistance"/> how far the null statistic lies past the margin (negative: the null passes).</summary>
internal readonly record struct McVerdict(bool Claim, bool Null, double Statistic, double NullDistance, string Report)
{
    /// <summary>Prints the report and asserts the test's pass condition, naming <paramref name="claim"/>.</summary>
    public void AssertClaim(string claim)
    {
        TestContext.Out.WriteLine(Report);
        ClaimAssert.That(claim, Claim, Report);
    }

    /// <summary>Prints the report and asserts that <paramref name="nullModel"/> fails the test's margins (a negative control).</summary>
    public void AssertNullFails(string claim, string nullModel)
    {
        TestContext.Out.WriteLine(Report);
        ClaimAssert.That(claim, !Null, $"the null model ({nullModel}) must fail the test's margins, but passes them: {Report}");
    }
}
