using System.Text.RegularExpressions;
using System.Globalization;
using Goldilocks.Cli;
using Goldilocks.Cli.Commands;

namespace Goldilocks.Tests.Cli;

public sealed class ReportCommandTests : TempFolderTest
{
    [Test]
    [Category(Categories.Slow)]
    public void Report_is_one_self_contained_html_page_whose_first_line_names_the_data()
    {
        var r = CliRunner.Run("report", "--quick", "--synthetic", "--samples", "30", "--grid-points", "2", "-d", "2", "--out", Dir, "--json");
        r.ExitCode.Should().Be(0, r.ToString());
        r.Json()["schemaVersion"]!.GetValue<int>().Should().Be(1);
        string html = File.ReadAllText(Path.Combine(Dir, "report.html"));
        var body = html[(html.IndexOf("<body>", StringComparison.Ordinal) + 6)..].TrimStart();
        body.Should().StartWith("<p class=\"data\" id=\"data\">Data: synthetic fallback");
        html.Should().Contain("G20").And.Contain("G21").And.Contain("W9").And.Contain("S4").And.Contain("G13").And.Contain("G24").And.Contain("G26").And.Contain("Versions and timings");
        int pngs = Directory.GetFiles(Dir, "*.png", SearchOption.AllDirectories).Length;
        pngs.Should().BeGreaterThan(8, "every one of the eight sections draws figures");
        Regex.Matches(html, "src=\"data:image/png;base64,").Count.Should().Be(pngs, "every figure written is embedded in the page");
        Regex.Matches(html, "<figcaption><b>(Paper 000|Wang &amp; Roberts|Sagun et al\\.) (Fig\\.|Sec\\.) ").Count
            .Should().Be(pngs, "every figure is labelled with the paper's figure");
        foreach (var section in new[] { "zone", "temperature", "gamma", "prior-gradient", "confidence", "trainability", "instability", "spectrum", "dimension", "hutchinson", "pre-collapse" })
            html.Should().Contain($"<a href=\"#{section}\">").And.Contain($"<section id=\"{section}\">");
        html.Should().NotContain("src=\"http").And.NotContain("src=\"/", "no external files");
        File.Exists(Path.Combine(Dir, "zone", "zone.csv")).Should().BeTrue();
        File.Exists(Path.Combine(Dir, "temperature", "temperature-t-pc.png")).Should().BeTrue();
    }

    [Test]
    public void Report_validates_its_options()
    {
        CliRunner.Run("report", "--grid-points", "1", "--out", Dir).ExitCode.Should().Be(CliApp.ExitUsage);
        CliRunner.Run("report", "--samples", "5", "--out", Dir).ExitCode.Should().Be(CliApp.ExitUsage);
    }

    [Test]
    [Category(Categories.Slow)]
    public void Quick_report_states_each_sections_settings_against_the_papers()
    {
        var r = CliRunner.Run("report", "--quick", "--synthetic", "--samples", "30", "--grid-points", "2", "-d", "2", "--out", Dir, "--json");
        r.ExitCode.Should().Be(0, r.ToString());
        var sections = r.Json()["results"]!["sections"]!.AsArray();
        sections.Select(s => (string)s!["command"]!).Should().Equal(ReportProfile.Quick.Keys);
        string html = File.ReadAllText(Path.Combine(Dir, "report.html"));
        foreach (var s in sections)
        {
            string line = (string)s!["settings"]!["line"]!;
            line.Should().StartWith("Settings: ours ").And.Contain(" / paper ");
            html.Should().Contain($"<p class=\"settings\">{System.Net.WebUtility.HtmlEncode(line)}</p>");
        }
    }

    /// <summary>Every section of every profile builds arguments its sub-command accepts, so a --full or default run cannot
    /// fail on an argument after hours of earlier sections.</summary>
    [TestCase("quick"), TestCase("default"), TestCase("full")]
    public void Every_profile_section_parses_as_its_sub_command(string name)
    {
        var profile = name == "quick" ? ReportProfile.Quick : name == "full" ? ReportProfile.Full : ReportProfile.Default;
        foreach (string key in profile.Keys)
        {
            var s = profile.Section(key);
            var args = new List<string> { s.Command, "--out", Dir };
            if (s.UsesData) args.AddRange(new[] { "--dataset", "synthetic", "--samples", s.Samples.ToString(CultureInfo.InvariantCulture) });
            args.AddRange(s.Arguments);
            var parse = CliApp.BuildRoot().Parse(args);
            parse.Errors.Should().BeEmpty($"{name}/{key}: goldilocks {string.Join(" ", args)}");
            s.Line.Should().StartWith("Settings: ours ");
        }
    }

    /// <summary>The default profile's Fig. 2 section at the settings the main job promises: LeNet-300-100, d = 50,
    /// ≥ 1,000 images, ≥ 3 seeds, ≥ 25 α points over [1e-2, 1e2].</summary>
    [Test]
    public void Default_zone_is_at_the_papers_fig2_settings()
    {
        var zone = ReportProfile.Default.Section("zone");
        var parse = CliApp.BuildRoot().Parse(new[] { "zone", "--dataset", "fashion-mnist", "--samples", zone.Samples.ToString(CultureInfo.InvariantCulture) }.Concat(zone.Arguments).ToArray());
        parse.GetValue(CurvatureGrid.Model).Should().Be("lenet300100");
        parse.GetValue(CurvatureGrid.Dimension).Should().Be(50);
        parse.GetValue(CurvatureGrid.Seeds).Should().BeGreaterThanOrEqualTo(3);
        parse.GetValue(CurvatureGrid.Points).Should().BeGreaterThanOrEqualTo(25);
        parse.GetValue(CurvatureGrid.Data.Samples).Should().BeGreaterThanOrEqualTo(1000);
        (parse.GetValue(ZoneCommand.AlphaMin), parse.GetValue(ZoneCommand.AlphaMax)).Should().Be((1e-2, 1e2));
    }

    /// <summary>The report-level chain a --full run uses on a cluster (docs/cluster.md): <c>report --shard i/n</c> on 3
    /// shards, <c>merge</c> of each sweep section, <c>report --resume</c>, against one unsharded run of the same profile.
    /// The chain is the same code for every profile (<see cref="ReportProfile.Full"/> differs from the quick profile only in
    /// its counts, whose arguments <see cref="Every_profile_section_parses_as_its_sub_command"/> checks), so it runs here at
    /// the quick profile's tiny synthetic sizes.</summary>
    [Test]
    [Category(Categories.Slow)]
    public void Report_run_as_three_shards_merged_and_resumed_equals_the_unsharded_report()
    {
        string[] report = { "report", "--quick", "--synthetic", "--samples", "30", "--grid-points", "2", "-d", "2" };
        var whole = CliRunner.Run(report.With("--out", Sub("whole"), "--json"));
        whole.ExitCode.Should().Be(0, whole.ToString());

        var sweeps = ReportProfile.Quick.Keys.Where(k => CliApp.Experiments.First(e => e.Name == ReportProfile.Quick.Section(k).Command).Sweep).ToArray();
        sweeps.Should().Equal(new[] { "zone", "temperature", "trainability", "dimension", "hutchinson", "pre-collapse" }, "the quick profile's sweep sections");
        var shards = Enumerable.Range(0, 3).Select(i => Sub($"shard{i}")).ToArray();
        for (int i = 0; i < 3; i++)
        {
            var s = CliRunner.Run(report.With("--out", shards[i], "--shard", $"{i}/3"));
            s.ExitCode.Should().Be(0, s.ToString());
            s.Out.Should().Contain($"shard {i}/3 of the quick report done");
            File.Exists(Path.Combine(shards[i], "report.html")).Should().BeFalse("a shard writes cells, not the report");
            var left = ReportJson.Read(Path.Combine(shards[i], "shard.json"))["results"]!["unfinished"]!.AsArray().Select(u => (string)u!).ToArray();
            left.Should().HaveCount(ReportProfile.Quick.Keys.Count, "every section is left for other shards (sweeps) or the final run (the rest)");
            foreach (string key in ReportProfile.Quick.Keys.Except(sweeps))
                Directory.Exists(Path.Combine(shards[i], key)).Should().BeFalse($"{key} is not a sweep and runs only in the final run");
        }
        Directory.GetFiles(Path.Combine(shards[2], "hutchinson", "cells")).Should().BeEmpty("2 α points give shard 2/3 no hutchinson cell, and its empty folder still merges");
        foreach (string key in sweeps)
        {
            var merge = CliRunner.Run(new[] { "merge" }.Concat(shards.Select(d => Path.Combine(d, key))).ToArray().With("--out", Path.Combine(Sub("all"), key)));
            merge.ExitCode.Should().Be(0, $"merge {key}: {merge}");
            int cells = Directory.GetFiles(Path.Combine(Sub("whole"), key, "cells")).Length;
            merge.Out.Should().Contain($"merged {cells} cell(s) from 3 shard folder(s)", $"every cell of {key} comes from one of the shards");
        }

        var resumed = CliRunner.Run(report.With("--out", Sub("all"), "--resume", "--json"));
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        resumed.Error.Should().NotContain(" computed", "every sweep cell comes from a shard");
        var a = whole.Json()["results"]!;
        var b = resumed.Json()["results"]!;
        b["verdicts"]!.ToJsonString().Should().Be(a["verdicts"]!.ToJsonString());
        b["sections"]!.AsArray().Select(x => (string)x!["command"]!).Should().Equal(ReportProfile.Quick.Keys);
        foreach (string key in ReportProfile.Quick.Keys)
        {
            string command = ReportProfile.Quick.Section(key).Command;
            var ours = ReportJson.Read(Path.Combine(Sub("all"), key, command + ".json"));
            var theirs = ReportJson.Read(Path.Combine(Sub("whole"), key, command + ".json"));
            ours["results"]!.ToJsonString().Should().Be(theirs["results"]!.ToJsonString(), $"section {key}");
        }
    }

    [Test]
    public void Full_profile_estimate_is_printed_with_its_method()
    {
        string line = ReportCommand.FullEstimate(ReportProfile.Full, new ShardSpec(1, 4));
        line.Should().StartWith("Estimated time of the full report on 2 cores: ").And.Contain("This shard 1/4").And.Contain("measured in the default report");
        ReportProfile.Full.EstimatedSeconds.Should().BeGreaterThan(ReportProfile.Default.EstimatedSeconds);
    }
}
