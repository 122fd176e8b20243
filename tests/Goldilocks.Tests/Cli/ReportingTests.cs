using FsCheck;
using FsCheck.Fluent;
using Goldilocks.Cli.Plotting;

namespace Goldilocks.Tests.Cli;

public sealed class ReportingTests : TempFolderTest
{
    [Test]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(Dir, "sub", "a.json");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        File.ReadAllText(path).Should().Be("second");
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
    }

    [Test]
    public void Atomic_write_into_an_unwritable_place_names_it_and_keeps_the_old_file()
    {
        string blocker = Path.Combine(Dir, "file");
        File.WriteAllText(blocker, "x");
        var act = () => AtomicFile.WriteAllText(Path.Combine(blocker, "a.txt"), "y");
        act.Should().Throw<IOException>().WithMessage("*file*a.txt*");
        var probe = () => AtomicFile.EnsureWritableFolder(Path.Combine(blocker, "out"));
        probe.Should().Throw<IOException>().WithMessage("*not writable*");
        File.ReadAllText(blocker).Should().Be("x");
    }

    [Test]
    public void Csv_quotes_separators_and_writes_round_trip_numbers_with_empty_cells_for_undefined()
    {
        var t = new CsvTable("name", "value", "pc");
        t.Add("a,b", 0.1, null).Add("q\"x", double.NaN, 1e-300);
        t.ToString().Should().Be("name,value,pc\n\"a,b\",0.1,\n\"q\"\"x\",,1E-300\n".Replace("\n", Environment.NewLine));
        var bad = () => t.Add("only one");
        bad.Should().Throw<ArgumentException>().WithMessage("*1 cells*3 columns*");
    }

    [Test]
    public void Json_documents_carry_schema_version_and_reading_checks_it()
    {
        string path = Path.Combine(Dir, "d.json");
        ReportJson.Write(path, ReportJson.Document("x", new() { ["a"] = 1 }, new System.Text.Json.Nodes.JsonObject()));
        ReportJson.Read(path)["settings"]!["a"]!.GetValue<int>().Should().Be(1);
        File.WriteAllText(path, "{\"schemaVersion\": 99}");
        ((Action)(() => ReportJson.Read(path))).Should().Throw<InvalidDataException>().WithMessage("*schemaVersion 99*");
        File.WriteAllText(path, "{ truncated");
        ((Action)(() => ReportJson.Read(path))).Should().Throw<InvalidDataException>().WithMessage("*d.json*not valid JSON*");
        ReportJson.Number(double.NaN).Should().BeNull("JSON has no NaN; undefined is null");
    }

    [ClaimProperty(MaxTest = 200)]
    public Property Shards_partition_the_grid_and_parse_round_trips()
    {
        var gen = from n in Gen.Choose(1, 12)
                  from cells in Gen.Choose(0, 40)
                  select (n, cells);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var shards = Enumerable.Range(0, t.n).Select(i => ShardSpec.Parse($"{i}/{t.n}")).ToArray();
            bool roundTrip = shards.All(s => ShardSpec.Parse(s.ToString()) == s);
            bool partition = Enumerable.Range(0, t.cells).All(c => shards.Count(s => s.Contains(c)) == 1);
            return roundTrip && partition;
        });
    }

    [TestCase("")]
    [TestCase("1")]
    [TestCase("2/2")]
    [TestCase("-1/3")]
    [TestCase("0/0")]
    [TestCase("a/b")]
    public void Malformed_shards_are_rejected(string text) =>
        ((Action)(() => ShardSpec.Parse(text))).Should().Throw<FormatException>().WithMessage($"*{text}*");

    [Test]
    public void Plots_render_png_and_drop_points_a_log_axis_cannot_show()
    {
        var series = new[]
        {
            new Series("H", new[] { 0.1, 1, 10 }, new[] { 1.0, 0.5, 0.1 }, new[] { 0.9, 0.4, 0.05 }, new[] { 1.1, 0.6, 0.2 }),
            new Series("H-term", new[] { 0.1, 1, 10 }, new[] { -1.0, double.NaN, 0.1 }),
        };
        byte[] png = LinePlot.Render("t", "α", "PC", series, logX: true, logY: true);
        png.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        string path = Path.Combine(Dir, "p.png");
        LinePlot.Write(path, "t", "α", "PC", series, logX: true);
        new FileInfo(path).Length.Should().BeGreaterThan(1000);
    }

    [Test]
    public void Html_report_links_every_section_from_its_contents_labels_figures_and_collapses_long_tables()
    {
        var png = LinePlot.Render("t", "x", "y", new[] { new Series("s", new[] { 0.0, 1 }, new[] { 1.0, 2 }) });
        var shortTable = new CsvTable("a");
        var longTable = new CsvTable("a");
        for (int i = 0; i < HtmlReport.OpenTableRows; i++) shortTable.Add(i);
        for (int i = 0; i <= HtmlReport.OpenTableRows; i++) longTable.Add(i);
        var report = new HtmlReport("title", "Data: test")
            .AddSection("zone", new[] { "G18" }, "zone", "text", new System.Text.Json.Nodes.JsonObject(),
                new[] { new ReportFigure("Paper 000 Fig. 2 (top)", "PC over α.", "ours", png) }, shortTable, 1)
            .AddSection("spectrum", new[] { "S4", "S5" }, "spectrum", "text", new System.Text.Json.Nodes.JsonObject(),
                Array.Empty<ReportFigure>(), longTable, 1);
        string html = report.Render(2);
        html.Should().Contain("<nav id=\"contents\">").And.Contain("<a href=\"#zone\">G18: zone</a>").And.Contain("<a href=\"#spectrum\">S4, S5: spectrum</a>")
            .And.Contain("<section id=\"zone\">").And.Contain("<section id=\"spectrum\">");
        html.IndexOf("<nav", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<section", StringComparison.Ordinal), "the contents come first");
        html.Should().Contain("<figcaption><b>Paper 000 Fig. 2 (top).</b> PC over α.<br/>");
        html.Should().Contain($"<details><summary>Table ({HtmlReport.OpenTableRows + 1} rows × 1 columns)</summary><table>");
        System.Text.RegularExpressions.Regex.Matches(html, "<details><summary>Table").Count.Should().Be(1, $"a table of {HtmlReport.OpenTableRows} rows stays open");
        var twice = () => report.AddSection("zone", new[] { "G19" }, "again", "", new System.Text.Json.Nodes.JsonObject(), Array.Empty<ReportFigure>(), null, 0);
        twice.Should().Throw<ArgumentException>().WithMessage("*zone*twice*");
    }

    [Test]
    public void Spectrum_histogram_renders_bulk_and_outliers_and_rejects_inconsistent_input()
    {
        double[] eigenvalues = Enumerable.Range(0, 200).Select(i => 0.01 * (i - 100)).Concat(new[] { 5.0, 6.0, 7.0 }).ToArray();
        byte[] png = SpectrumHistogram.Render("t", "λ", eigenvalues, null, outliers: 3, classes: 3);
        png.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        SpectrumHistogram.Render("t", "λ", new[] { 1.0, 2.0 }, new[] { 10.0, 0.1 }, outliers: 0, classes: 2).Should().NotBeEmpty("SLQ nodes with weights below one count");
        ((Action)(() => SpectrumHistogram.Render("t", "λ", eigenvalues, null, outliers: 204, classes: 3)))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[0, 203]*");
        ((Action)(() => SpectrumHistogram.Render("t", "λ", eigenvalues, new[] { 1.0 }, outliers: 3, classes: 3)))
            .Should().Throw<ArgumentException>().WithMessage("*1 counts for 203 eigenvalues*");
        ((Action)(() => SpectrumHistogram.Render("t", "λ", Array.Empty<double>(), null, 0, 3)))
            .Should().Throw<ArgumentException>().WithMessage("*no eigenvalues*");
    }
}
