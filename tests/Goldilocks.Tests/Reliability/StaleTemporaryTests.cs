using System.Text.Json.Nodes;

namespace Goldilocks.Tests.Reliability;

/// <summary>A temporary left by a killed writer is deleted by the next sweep run; one of a live writer is kept.</summary>
public sealed class StaleTemporaryTests
{
    [Test]
    public void Sweep_run_deletes_temporaries_of_dead_writers_and_keeps_those_of_live_ones()
    {
        string dir = Goldilocks.Tests.Cli.CliRunner.TempFolder();
        try
        {
            string cells = Path.Combine(dir, SweepStore.CellFolder);
            Directory.CreateDirectory(cells);
            // pid 2^22 + 1 exceeds Linux's pid_max limit (2^22), so no process can have it: a dead writer.
            string dead = Path.Combine(cells, $".a.json.{(1 << 22) + 1}.0123{AtomicFile.TempSuffix}");
            string live = Path.Combine(cells, $".b.json.{Environment.ProcessId}.4567{AtomicFile.TempSuffix}");
            File.WriteAllText(dead, "{\"half");
            File.WriteAllText(live, "{\"half");
            var store = new SweepStore(dir, "test", new JsonObject { ["x"] = 1 });
            var results = store.Run(new[] { "a" }, _ => JsonValue.Create(1.5)!, new ShardSpec(0, 1), resume: true);
            results["a"].GetValue<double>().Should().Be(1.5);
            File.Exists(dead).Should().BeFalse("the writer of this temporary is gone");
            File.Exists(live).Should().BeTrue("a running writer's temporary must not be touched");
            File.Exists(store.CellPath("a")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
