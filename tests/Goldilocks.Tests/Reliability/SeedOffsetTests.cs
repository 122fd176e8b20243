namespace Goldilocks.Tests.Reliability;

/// <summary>The seed offset the sweep script sets is read, applied and validated.</summary>
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
            SeedOffset.Apply(17L).Should().Be(17 + 31 * SeedOffset.Stride);
            SeedOffset.Apply(17).Should().Be((int)(17 + 31 * SeedOffset.Stride));
            // The largest window of consecutive seeds a test draws (S9: 3,000) must not reach into the next offset's.
            Environment.SetEnvironmentVariable(SeedOffset.Variable, "0");
            long lastOfOffset0 = SeedOffset.Apply(2999L);
            Environment.SetEnvironmentVariable(SeedOffset.Variable, "1");
            SeedOffset.Apply(0L).Should().BeGreaterThan(lastOfOffset0, "windows of neighbouring offsets must not overlap");
            Environment.SetEnvironmentVariable(SeedOffset.Variable, "seven");
            FluentActions.Invoking(() => SeedOffset.Apply(1L)).Should().Throw<InvalidOperationException>().WithMessage("*GOLDILOCKS_SEED_OFFSET must be an integer*");
        }
        finally
        {
            Environment.SetEnvironmentVariable(SeedOffset.Variable, saved);
        }
    }
}
