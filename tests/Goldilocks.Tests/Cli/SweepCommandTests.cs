using System.Text.Json.Nodes;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Cli;

/// <summary>Sweep plumbing through the α grids of <c>curvature</c> and <c>zone</c>: per-cell files, --resume, --shard, merge.</summary>
public sealed class SweepCommandTests : TempFolderTest
{
    private static readonly string[] Grid = CliRunner.SmallCurvature.With("--alpha", "0.5", "1", "2", "--json");

    [Test]
    public void Shards_merged_and_resumed_equal_an_uninterrupted_run_bitwise()
    {
        var full = CliRunner.Run(Grid.With("--out", Sub("full")));
        full.ExitCode.Should().Be(0, full.ToString());
        Directory.GetFiles(Path.Combine(Sub("full"), "cells")).Should().HaveCount(3);
        File.Exists(Path.Combine(Sub("full"), "curvature-pc.png")).Should().BeTrue();

        var s0 = CliRunner.Run(Grid.With("--out", Sub("s0"), "--shard", "0/2"));
        var s1 = CliRunner.Run(Grid.With("--out", Sub("s1"), "--shard", "1/2"));
        (s0.ExitCode, s1.ExitCode).Should().Be((0, 0), s0 + "\n" + s1);
        Directory.GetFiles(Path.Combine(Sub("s0"), "cells")).Should().HaveCount(2, "cells 0 and 2");
        Directory.GetFiles(Path.Combine(Sub("s1"), "cells")).Should().HaveCount(1, "cell 1");
        File.Exists(Path.Combine(Sub("s0"), "curvature.json")).Should().BeFalse("a shard alone does not write the sweep outputs");

        var merge = CliRunner.Run("merge", Sub("s0"), Sub("s1"), "--out", Sub("merged"));
        merge.ExitCode.Should().Be(0, merge.ToString());
        merge.Out.Should().Contain("merged 3 cell(s)");

        var resumed = CliRunner.Run(Grid.With("--out", Sub("merged"), "--resume"));
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        resumed.Error.Should().Contain("3/3").And.NotContain("computed");
        resumed.Json()["results"]!.ToJsonString().Should().Be(full.Json()["results"]!.ToJsonString());
    }

    [Test]
    public void Zone_run_as_three_shards_merged_and_resumed_writes_the_unsharded_json_and_csv()
    {
        string[] zone = { "zone", "--dataset", "synthetic", "--samples", "40", "--features", "6", "--model", "mlp", "--hidden", "5",
                          "--points", "4", "--seeds", "2", "-d", "3", "--json" };
        var full = CliRunner.Run(zone.With("--out", Sub("full")));
        full.ExitCode.Should().Be(0, full.ToString());
        Directory.GetFiles(Path.Combine(Sub("full"), "cells")).Should().HaveCount(8, "4 α points × 2 seeds");

        var shards = Enumerable.Range(0, 3).Select(i => Sub($"shard{i}")).ToArray();
        for (int i = 0; i < 3; i++)
        {
            var s = CliRunner.Run(zone.With("--out", shards[i], "--shard", $"{i}/3"));
            s.ExitCode.Should().Be(0, s.ToString());
            File.Exists(Path.Combine(shards[i], "zone.json")).Should().BeFalse("a shard alone does not write the sweep outputs");
        }
        shards.Select(d => Directory.GetFiles(Path.Combine(d, "cells")).Length).Should().Equal(new[] { 3, 3, 2 }, "cells i, i + 3, ... go to shard i");

        var merge = CliRunner.Run(new[] { "merge" }.Concat(shards).ToArray().With("--out", Sub("all")));
        merge.ExitCode.Should().Be(0, merge.ToString());
        merge.Out.Should().Contain("merged 8 cell(s) from 3 shard folder(s)");

        var resumed = CliRunner.Run(zone.With("--out", Sub("all"), "--resume"));
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        resumed.Error.Should().Contain("8/8").And.NotContain("computed", "every cell comes from a shard");
        resumed.Json()["results"]!.ToJsonString().Should().Be(full.Json()["results"]!.ToJsonString());
        File.ReadAllText(Path.Combine(Sub("all"), "zone.csv")).Should().Be(File.ReadAllText(Path.Combine(Sub("full"), "zone.csv")));
    }

    [Test]
    public void Resume_after_losing_a_cell_recomputes_only_that_cell()
    {
        CliRunner.Run(Grid.With("--out", Sub("a"))).ExitCode.Should().Be(0);
        var reference = File.ReadAllText(Path.Combine(Sub("a"), "curvature.json"));
        var cells = Directory.GetFiles(Path.Combine(Sub("a"), "cells")).Order().ToArray();
        File.Delete(cells[1]);
        var r = CliRunner.Run(Grid.With("--out", Sub("a"), "--resume"));
        r.ExitCode.Should().Be(0, r.ToString());
        r.Error.Split('\n').Count(l => l.Contains(" computed")).Should().Be(1);
        r.Error.Split('\n').Count(l => l.Contains(" resumed")).Should().Be(2);
        JsonNode.Parse(File.ReadAllText(Path.Combine(Sub("a"), "curvature.json")))!["results"]!.ToJsonString()
            .Should().Be(JsonNode.Parse(reference)!["results"]!.ToJsonString());
    }

    [Test]
    public void Resume_with_other_settings_is_refused()
    {
        var one = CliRunner.SmallCurvature.With("--alpha", "0.5");
        CliRunner.Run(one.With("--out", Sub("a"))).ExitCode.Should().Be(0);
        var r = CliRunner.Run(one.With("--out", Sub("a"), "--resume", "-T", "3"));
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        r.Error.Should().Contain("other settings");
    }

    [Test]
    public void Merge_rejects_folders_without_cells_and_needs_out()
    {
        CliRunner.Run("merge", Sub("nothing"), "--out", Sub("m")).ExitCode.Should().Be(CliApp.ExitUsage);
        CliRunner.Run("merge", Sub("nothing")).Error.Should().Contain("--out");
    }
}
