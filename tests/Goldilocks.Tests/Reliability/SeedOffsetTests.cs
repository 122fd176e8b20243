namespace Goldilocks.Tests.Reliability;

/// <summary>Issue 7, item 7: the seed offset the sweep script sets is read, applied and validated.</summary>
[NonParallelizable]
public sealed class SeedOffsetTests
{
    [Test]
    public void Offset_is_zero_by_default_added_when_set_and_rejected_when_malformed()
    {
        string? saved = Environment.GetEnvironmentVariable(SeedOffset.Variable);
        try
        {
            Environment.SetEnvironmentVariable(SeedOffset.Variable, null);
            SeedOffset.Apply(17L).Should().Be(17);
            Environment.SetEnvironmentVariable(SeedOffset.Variable, "31");
            SeedOffset.Apply(17L).Should().Be(48);
            SeedOffset.Apply(17).Should().Be(48);
            Environment.SetEnvironmentVariable(SeedOffset.Variable, "seven");
            FluentActions.Invoking(() => SeedOffset.Apply(1L)).Should().Throw<InvalidOperationException>().WithMessage("*GOLDILOCKS_SEED_OFFSET must be an integer*");
        }
        finally
        {
            Environment.SetEnvironmentVariable(SeedOffset.Variable, saved);
        }
    }
}
