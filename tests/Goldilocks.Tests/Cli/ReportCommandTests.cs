using System.Text.RegularExpressions;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Cli;

public sealed class ReportCommandTests : TempFolderTest
{
    [Test]
    public void Report_is_one_self_contained_html_page_whose_first_line_names_the_data()
    {
        var r = CliRunner.Run("report", "--synthetic", "--samples", "30", "--grid-points", "2", "-d", "2", "--out", Dir, "--json");
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
}
