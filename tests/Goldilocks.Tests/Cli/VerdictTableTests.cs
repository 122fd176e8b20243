using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework.Internal;

namespace Goldilocks.Tests.Cli;

/// <summary>
/// The report's verdict table (report.html, report.json <c>results.verdicts</c>) and the criteria it shares with the
/// claim tests: each row is what the claim test's assertion path (ClaimAssert.Holds on the same criterion) gives on the
/// same record — holds/holds-weaker where the assertion passes, does-not-hold where it fails with the claim's numbers,
/// not-run where the criterion does not apply. Records: the small report's section documents (run once, the settings of
/// ReportCommandTests), and committed fixtures under Fixtures/Verdicts (zone.json: the default report's zone section;
/// s6-window.json: a recorded S6 window whose outlier counts disagree, written by <see cref="WriteS6Fixture"/>).
/// </summary>
public sealed class VerdictTableTests
{
    private static readonly string[] SmallReport = { "report", "--quick", "--synthetic", "--samples", "30", "--grid-points", "2", "-d", "2" };

    private static string FixtureFolder => Path.Combine(RepositoryPaths.Root, "tests", "Goldilocks.Tests", "Fixtures", "Verdicts");

    private string _dir = "";
    private JsonObject _report = null!;
    private string _html = "";

    [OneTimeSetUp]
    public void RunReport()
    {
        _dir = CliRunner.TempFolder();
        var r = CliRunner.Run(SmallReport.With("--out", _dir, "--json"));
        r.ExitCode.Should().Be(0, r.ToString());
        _report = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")))!.AsObject();
        _html = File.ReadAllText(Path.Combine(_dir, "report.html"));
    }

    [OneTimeTearDown]
    public void DeleteReport() => Directory.Delete(_dir, recursive: true);

    private IEnumerable<(string Command, string[] Claims)> Sections => _report["results"]!["sections"]!.AsArray()
        .Select(s => (s!["command"]!.GetValue<string>(), s["claims"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray()));

    private IReadOnlyList<ClaimVerdict> Rows => ResultJson.FromNode(_report["results"]!["verdicts"]!, ResultJson.Default.IReadOnlyListClaimVerdict);

    /// <summary>Null when the claim test's assertion path passes on <paramref name="evaluation"/>, else its failure message.</summary>
    private static string? AssertionFailure(ClaimEvaluation evaluation)
    {
        try
        {
            using (new TestExecutionContext.IsolatedContext()) ClaimAssert.Holds(evaluation);
            return null;
        }
        catch (AssertionException e)
        {
            return e.Message;
        }
    }

    /// <summary>The verdict row and the assertion path agree on <paramref name="evaluation"/>.</summary>
    private static void Agree(ClaimVerdict row, ClaimEvaluation evaluation)
    {
        string? failure = AssertionFailure(evaluation);
        switch (row.Verdict)
        {
            case Verdict.Holds or Verdict.HoldsWeaker:
                failure.Should().BeNull($"{row.Claim} is '{row.Verdict}' but its test's assertion fails");
                break;
            case Verdict.DoesNotHold:
                failure.Should().NotBeNull($"{row.Claim} is '{row.Verdict}' but its test's assertion passes");
                failure.Should().Contain($"[{row.Claim}] ").And.Contain(evaluation.Failures[0], "the test names the claim and prints the failed check's numbers");
                row.Reason.Should().Contain(evaluation.Failures[0]);
                break;
            case Verdict.NotRun:
                failure.Should().NotBeNull($"{row.Claim} is '{row.Verdict}' but its test's assertion passes");
                failure.Should().Contain($"[{row.Claim}] the criterion does not apply").And.Contain(row.Reason!);
                break;
            default:
                Assert.Fail($"{row.Claim}: '{row.Verdict}' is not a verdict");
                break;
        }
    }

    [Test]
    public void Report_writes_one_verdict_row_with_the_five_fields_for_every_claim_its_sections_touch()
    {
        var touched = Sections.SelectMany(s => s.Claims).ToArray();
        touched.Should().HaveCountGreaterThanOrEqualTo(17, "the zone, temperature, gamma, prior-gradient, confidence, trainability, instability and spectrum sections alone touch 17 claims");
        var rows = Rows;
        rows.Select(r => r.Claim).Should().Equal(touched, "one row per claim, in section order");
        foreach (var raw in _report["results"]!["verdicts"]!.AsArray())
            foreach (var field in new[] { "claim", "paper", "measured", "verdict", "spec" })
                raw![field]!.GetValue<string>().Should().NotBeNullOrWhiteSpace($"{raw["claim"]}: field '{field}'");
        foreach (var r in rows)
        {
            r.Verdict.Should().BeOneOf(Verdict.All);
            r.Spec.Should().MatchRegex($"^specs/{r.Claim}-[a-z0-9-]+\\.md$");
            File.Exists(Path.Combine(RepositoryPaths.Root, r.Spec)).Should().BeTrue(r.Spec);
            if (r.Verdict is Verdict.NotRun or Verdict.DoesNotHold) r.Reason.Should().NotBeNullOrWhiteSpace($"{r.Claim} is {r.Verdict}: the row says why");
        }
        TestContext.Out.WriteLine(string.Join("\n", rows.Select(r => $"{r.Claim}: {r.Verdict} — {r.Measured}")));
    }

    [Test]
    public void Report_html_opens_with_the_verdict_table()
    {
        int h1 = _html.IndexOf("<h1>", StringComparison.Ordinal), table = _html.IndexOf("<section id=\"verdicts\">", StringComparison.Ordinal);
        int contents = _html.IndexOf("<nav id=\"contents\">", StringComparison.Ordinal);
        table.Should().BeGreaterThan(h1, "the table follows the title").And.BeLessThan(contents, "and precedes the contents");
        foreach (var (command, claims) in Sections)
            foreach (var claim in claims)
            {
                var row = Rows.Single(r => r.Claim == claim);
                _html.Should().Contain($"<tr class=\"{row.Verdict}\"><td><a href=\"#{command}\">{claim}</a></td>");
            }
        Regex.Matches(_html, "<tr class=\"(holds|holds-weaker|does-not-hold|not-run)\">").Count.Should().Be(Rows.Count);
    }

    [Test]
    public void Each_verdict_row_is_what_the_claim_tests_assertion_gives_on_the_sections_record()
    {
        var rows = Rows;
        foreach (var (command, claims) in Sections)
        {
            var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, command, command + ".json")))!.AsObject();
            foreach (var claim in claims)
            {
                var evaluation = ClaimCriteria.Evaluate(claim, doc);
                var row = rows.Single(r => r.Claim == claim);
                row.Should().Be(ClaimCriteria.Statement(claim).Verdict(evaluation), $"{claim}: the report's row is the criterion's verdict on {command}.json");
                Agree(row, evaluation);
            }
        }
        rows.Select(r => r.Verdict).Should().Contain(new[] { Verdict.Holds, Verdict.HoldsWeaker, Verdict.NotRun }, "the small report exercises passing and inapplicable criteria");
    }

    [Test]
    public void The_recorded_zone_sweep_gives_the_verdicts_the_zone_tests_assert()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureFolder, "zone.json")))!.AsObject();
        var points = ResultJson.FromNode(doc["results"]!, ResultJson.Default.IReadOnlyListCurvaturePoint);
        foreach (var (claim, expected) in new[] { ("G19", Verdict.Holds), ("G20", Verdict.HoldsWeaker), ("G18", Verdict.NotRun) })
        {
            var row = ClaimCriteria.Verdict(claim, doc);
            row.Verdict.Should().Be(expected, $"{claim} on the default report's zone section: {row.Measured} {row.Reason}");
            Agree(row, ClaimCriteria.Evaluate(claim, doc));
        }
        // The claim tests' own call: the criterion on one seed's sweep.
        foreach (var seed in points.Select(p => p.Seed).Distinct())
        {
            var sweep = points.Where(p => p.Seed == seed).OrderBy(p => p.Alpha).ToArray();
            ClaimAssert.Holds(DeconstructingVerdicts.G19(sweep));
            ClaimAssert.Holds(DeconstructingVerdicts.G20(sweep));
            AssertionFailure(DeconstructingVerdicts.G18(sweep, doc["settings"]!["homogeneityDegree"]!.GetValue<int>()))
                .Should().Contain("[G18] the criterion does not apply: the slope window needs ≥ 2 grid points with α ≤ 1e-2");
        }
    }

    [Test]
    public void A_zone_sweep_without_positive_curvature_fails_G20_instead_of_throwing()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureFolder, "zone.json")))!.AsObject();
        var points = ResultJson.FromNode(doc["results"]!, ResultJson.Default.IReadOnlyListCurvaturePoint);
        var sweep = points.Where(p => p.Seed == points[0].Seed).OrderBy(p => p.Alpha).ToArray();
        var negative = Goldilocks.Tests.Claims.Deconstructing.StatisticalZoneTests.WithHessianPC(sweep, sweep.Select(p => -1 - Math.Abs(p.HessianPC)).ToArray());
        AssertionFailure(DeconstructingVerdicts.G20(negative)).Should().Contain("[G20]").And.Contain("PC(H) is not positive at any α");
    }

    private sealed record S6Row(long Seed, HessianExtremes Narrow, HessianExtremes Wide);

    private static readonly JsonSerializerOptions FixtureJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    [Test]
    public void S6_outlier_count_does_not_hold_on_a_recorded_window_while_the_weaker_statement_holds()
    {
        var rows = JsonSerializer.Deserialize<S6Row[]>(File.ReadAllText(Path.Combine(FixtureFolder, "s6-window.json")), FixtureJson)!;
        rows.Should().HaveCount(5);
        var pairs = rows.Select(r => (r.Narrow, r.Wide)).ToArray();

        var weaker = SagunVerdicts.S6(pairs);
        var weakerRow = SagunVerdicts.Statements["S6"].Verdict(weaker);
        weakerRow.Verdict.Should().Be(Verdict.HoldsWeaker, weaker.Measured);
        Agree(weakerRow, weaker);

        var count = SagunVerdicts.S6OutlierCount(pairs);
        var countRow = SagunVerdicts.S6CountStatement.Verdict(count);
        countRow.Verdict.Should().Be(Verdict.DoesNotHold, count.Measured);
        Agree(countRow, count);
        AssertionFailure(count).Should().MatchRegex(@"^\[S6\] seed \d of the window: \d+ outlier\(s\) at the narrow width, \d+ at the wide one");
    }

    /// <summary>Writes Fixtures/Verdicts/s6-window.json: the first 5-seed window (seeds 0..19, the S6 test's widths 8 and
    /// 32, HessianExtremes.AfterTraining) on which the largest-gap outlier counts of the two widths disagree.
    /// <c>dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~VerdictTableTests.WriteS6Fixture"</c></summary>
    [Test]
    [Explicit("writes a committed fixture")]
    public void WriteS6Fixture()
    {
        int Count(HessianExtremes e) => OutlierCount.ByLargestGap(e.Top.Append(0).ToArray());
        var rows = new List<S6Row>();
        for (long seed = 0; seed < 20; seed++)
        {
            rows.Add(new S6Row(seed, HessianExtremes.AfterTraining(seed, 8), HessianExtremes.AfterTraining(seed, 32)));
            if (rows.Count < 5) continue;
            var window = rows.TakeLast(5).ToArray();
            if (window.Any(r => Count(r.Narrow) != Count(r.Wide)))
            {
                File.WriteAllText(Path.Combine(FixtureFolder, "s6-window.json"), JsonSerializer.Serialize(window, FixtureJson));
                TestContext.Out.WriteLine($"window starting at seed {window[0].Seed}: counts {string.Join(" ", window.Select(r => $"({Count(r.Narrow)}, {Count(r.Wide)})"))}");
                return;
            }
        }
        Assert.Fail("no 5-seed window in seeds 0..19 with disagreeing counts");
    }

    [Test]
    public void The_html_table_refuses_a_verdict_outside_the_four()
    {
        var row = new ClaimVerdict("G20", "paper", "measured", "probably", "specs/G20-goldilocks-zone.md", null, null);
        var act = () => new HtmlReport("t", "d").AddVerdict(row, "zone");
        act.Should().Throw<ArgumentException>().WithMessage("*G20*'probably' is not a verdict*");
    }

    [Test]
    public void A_claim_without_a_criterion_is_refused_with_its_ID()
    {
        var act = () => ClaimCriteria.Evaluate("X99", new JsonObject());
        act.Should().Throw<ArgumentException>().WithMessage("*X99*ClaimCriteria*");
    }

    [Test]
    public void Every_claim_a_report_section_names_has_a_criterion()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Goldilocks.Cli", "Commands", "ReportCommand.cs"));
        var sections = Regex.Matches(source, @"Section\(""[^""]+"",\s*new\[\]\s*\{([^}]*)\}");
        sections.Count.Should().BeGreaterThanOrEqualTo(8, "the regex finds the report's sections");
        var named = sections.SelectMany(m => Regex.Matches(m.Groups[1].Value, @"""(\w+)""").Select(c => c.Groups[1].Value)).ToArray();
        named.Except(ClaimCriteria.Claims).Should().BeEmpty("every claim a section names needs a criterion in ClaimCriteria");
    }

    [Test]
    public void Statements_name_their_specs_and_the_weaker_form_matches_the_spec_status()
    {
        foreach (var claim in ClaimCriteria.Claims.Append("G24").Append("G26").Append("S6"))
        {
            var s = ClaimCriteria.Statement(claim);
            string path = Path.Combine(RepositoryPaths.Root, s.Spec);
            File.Exists(path).Should().BeTrue(s.Spec);
            Path.GetFileName(path).Should().StartWith(claim + "-");
            string status = File.ReadLines(path).First(l => l.StartsWith("| Status |", StringComparison.Ordinal));
            bool weaker = Regex.IsMatch(status, "corrected|weaker|analogue");
            s.Weaker.Should().Be(weaker, $"{claim}: '{status}'");
        }
    }
}
