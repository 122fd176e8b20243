using System.Globalization;

namespace Goldilocks.Tests.Cli;

/// <summary>
/// The seed rule (<see cref="SeedRule"/>): <c>curvature</c> and <c>zone</c> given the same model, data, α and seed draw
/// the same data, initialization and subspace, so they report the same numbers.
/// </summary>
public sealed class SeedRuleTests : TempFolderTest
{
    private static readonly string[] Same =
        { "--dataset", "synthetic", "--samples", "40", "--features", "6", "--model", "mlp", "--hidden", "5", "-d", "4", "--json" };

    [Test]
    public void Curvature_and_zone_give_the_same_numbers_for_the_same_model_data_alpha_and_seed()
    {
        var zone = CliRunner.Run(new[] { "zone", "--seed", "5" }.Concat(Same)
            .Concat(new[] { "--seeds", "1", "--points", "3", "--alpha-min", "0.1", "--alpha-max", "10", "--out", Sub("zone") }).ToArray());
        zone.ExitCode.Should().Be(0, zone.ToString());
        var zoneResults = zone.Json()["results"]!.AsArray();
        zoneResults.Should().HaveCount(3);
        var alphas = zoneResults.Select(r => r!["alpha"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)).ToArray();

        var curvature = CliRunner.Run(new[] { "curvature", "--seed", "5" }.Concat(Same).Concat(new[] { "--alpha" }).Concat(alphas)
            .Concat(new[] { "--out", Sub("curvature") }).ToArray());
        curvature.ExitCode.Should().Be(0, curvature.ToString());
        var curvatureResults = curvature.Json()["results"]!.AsArray();

        // Same computation on the same draws: every field of every zone point is equal, bit for bit; curvature adds
        // only its full-space numbers.
        foreach (var point in curvatureResults) point!.AsObject().Remove("fullSpace").Should().BeTrue("curvature reports the full-space numbers");
        curvatureResults.ToJsonString().Should().Be(zoneResults.ToJsonString());
        curvatureResults[1]!["hessian"]!["positiveCurvature"]!.GetValue<double>().Should().BeGreaterThan(0, "α ≈ 1 is inside the zone");
    }

    [Test]
    public void Another_seed_draws_another_subspace_and_initialization()
    {
        string[] Args(string seed) => new[] { "curvature", "--seed", seed }.Concat(Same).Concat(new[] { "--out", Sub(seed) }).ToArray();
        var five = CliRunner.Run(Args("5"));
        var six = CliRunner.Run(Args("6"));
        five.ExitCode.Should().Be(0, five.ToString());
        six.ExitCode.Should().Be(0, six.ToString());
        five.Json()["results"]![0]!["hessian"]!["trace"]!.GetValue<double>()
            .Should().NotBe(six.Json()["results"]![0]!["hessian"]!["trace"]!.GetValue<double>());
    }
}
