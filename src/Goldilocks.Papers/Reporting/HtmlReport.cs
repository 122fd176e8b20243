using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Goldilocks.Papers.Reporting;

/// <summary>One figure of a report section: which figure of which paper it corresponds to, one line on what the paper's
/// figure shows, our caption (settings and what is drawn) and the PNG.</summary>
/// <param name="PaperFigure">The paper's figure, e.g. "Paper 000 Fig. 2 (top left)"; empty when the figure has no counterpart.</param>
/// <param name="PaperShows">One line on what the paper's figure shows.</param>
/// <param name="Caption">What our figure draws, at which settings.</param>
/// <param name="Png">The rendered figure.</param>
public sealed record ReportFigure(string PaperFigure, string PaperShows, string Caption, byte[] Png);

/// <summary>
/// One self-contained HTML page (PNG figures embedded as base64, no external files): a first line saying which data
/// was used, the title, the verdict table (one row per claim, <see cref="AddVerdict"/>), a table of contents, then one section per group of claim IDs with its figures (each labelled with the
/// paper's figure number), numbers, table (collapsed when long) and settings, then versions and timings
/// (<c>goldilocks report</c>).
/// </summary>
public sealed class HtmlReport(string title, string dataLine)
{
    /// <summary>Tables with more rows than this are collapsed (<c>&lt;details&gt;</c>) until the reader opens them.</summary>
    public const int OpenTableRows = 12;

    private readonly StringBuilder _body = new();
    private readonly List<(string Anchor, string Title)> _contents = new();
    private readonly List<(string Section, double Seconds)> _timings = new();
    private readonly List<(ClaimVerdict Row, string Anchor)> _verdicts = new();

    /// <summary>Adds a row to the verdict table at the top of the page; <paramref name="anchor"/> is the section that measured it.</summary>
    public HtmlReport AddVerdict(ClaimVerdict row, string anchor)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!Verdict.All.Contains(row.Verdict)) throw new ArgumentException($"{row.Claim}: '{row.Verdict}' is not a verdict ({string.Join(", ", Verdict.All)})", nameof(row));
        _verdicts.Add((row, anchor));
        return this;
    }

    /// <summary>Appends one section for <paramref name="claimIds"/> with the id <paramref name="anchor"/> (linked from the
    /// table of contents): heading, the <paramref name="settingsLine"/> (our settings against the paper's) when given, text,
    /// the figures, an optional table and the settings with the time taken (<paramref name="seconds"/>).</summary>
    public HtmlReport AddSection(string anchor, IReadOnlyList<string> claimIds, string heading, string text, JsonObject settings,
        IEnumerable<ReportFigure> figures, CsvTable? table, double seconds, string? settingsLine = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(anchor);
        if (_contents.Any(c => c.Anchor == anchor)) throw new ArgumentException($"section anchor '{anchor}' is used twice", nameof(anchor));
        string ids = string.Join(", ", claimIds);
        _contents.Add((anchor, $"{ids}: {heading}"));
        _body.Append($"<section id=\"{E(anchor)}\"><h2>{E(ids)}: {E(heading)}</h2>\n");
        if (settingsLine is not null) _body.Append($"<p class=\"settings\">{E(settingsLine)}</p>\n");
        _body.Append($"<p>{E(text)}</p>\n");
        foreach (var f in figures)
        {
            string label = f.PaperFigure.Length == 0 ? "" : $"<b>{E(f.PaperFigure)}.</b> {E(f.PaperShows)}<br/>";
            _body.Append($"<figure><img alt=\"{E(f.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(f.Png)}\"/><figcaption>{label}<span class=\"ours\">Here: {E(f.Caption)}</span></figcaption></figure>\n");
        }
        if (table is not null) _body.Append(TableHtml(table));
        _body.Append($"<details><summary>Settings ({seconds:F1} s)</summary><pre>{E(ReportJson.Serialize(settings))}</pre></details></section>\n");
        _timings.Add((ids + ": " + heading, seconds));
        return this;
    }

    /// <summary>Appends a section of plain text (e.g. a skipped step and why).</summary>
    public HtmlReport AddNote(string heading, string text)
    {
        _body.Append($"<section><h2>{E(heading)}</h2><p>{E(text)}</p></section>\n");
        return this;
    }

    /// <summary>The whole page, ending with the versions and the per-section timings out of <paramref name="totalSeconds"/>.</summary>
    public string Render(double totalSeconds)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>").Append(E(title)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;max-width:960px;margin:auto;padding:1em;line-height:1.4}img{max-width:100%}")
          .Append("figure{margin:1.5em 0}figcaption{font-size:95%;margin-top:.3em}figcaption .ours{color:#444}")
          .Append("table{border-collapse:collapse;font-size:85%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
          .Append("pre{white-space:pre-wrap;word-break:break-all}summary{cursor:pointer;color:#225}nav li{margin:.15em 0}")
          .Append("section{border-top:1px solid #ddd;margin-top:2em}.data{font-weight:bold;padding:.5em;background:#eef}.settings{font-size:95%;background:#f6f6f0;padding:.3em .5em}")
          .Append("table.verdicts td,table.verdicts th{text-align:left;vertical-align:top}tr.holds .verdict{background:#dfd}tr.holds-weaker .verdict{background:#eef6d0}")
          .Append("tr.does-not-hold .verdict{background:#fdd}tr.not-run .verdict{background:#eee}</style></head><body>\n");
        sb.Append($"<p class=\"data\" id=\"data\">{E(dataLine)}</p>\n<h1>{E(title)}</h1>\n");
        if (_verdicts.Count > 0) sb.Append(VerdictTable());
        sb.Append("<nav id=\"contents\"><h2>Contents</h2><ol>");
        foreach (var (anchor, heading) in _contents) sb.Append($"<li><a href=\"#{E(anchor)}\">{E(heading)}</a></li>");
        sb.Append("<li><a href=\"#timings\">Versions and timings</a></li></ol></nav>\n");
        sb.Append(_body);
        sb.Append("<section id=\"timings\"><h2>Versions and timings</h2><pre>").Append(E(ReportJson.Serialize(ReportJson.Versions()))).Append("</pre><table><tr><th>section</th><th>seconds</th></tr>");
        foreach (var (s, t) in _timings) sb.Append($"<tr><td style=\"text-align:left\">{E(s)}</td><td>{t:F1}</td></tr>");
        sb.Append($"<tr><td style=\"text-align:left\"><b>total</b></td><td><b>{totalSeconds:F1}</b></td></tr></table></section>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The verdict table: one row per claim, the paper's statement and number beside ours, the verdict of the
    /// claim test's criterion on this report's numbers, and the reason of a not-run or does-not-hold.</summary>
    private string VerdictTable()
    {
        var sb = new StringBuilder("<section id=\"verdicts\"><h2>Verdicts</h2><p>Each claim judged by the criterion and margins of its test, " +
            "applied to this report's numbers: holds, holds-weaker (the spec's corrected or weaker statement holds), does-not-hold, or not-run " +
            "(the section does not compute what the criterion needs; the reason is given).</p>\n<table class=\"verdicts\"><tr><th>claim</th><th>paper</th>" +
            "<th>paper's number</th><th>measured</th><th>verdict</th><th>spec</th></tr>");
        foreach (var (v, anchor) in _verdicts)
        {
            string reason = v.Reason is null ? "" : $"<br/><small>{E(v.Reason)}</small>";
            sb.Append($"<tr class=\"{E(v.Verdict)}\"><td><a href=\"#{E(anchor)}\">{E(v.Claim)}</a></td><td>{E(v.Paper)}</td><td>{E(v.PaperValue ?? "—")}</td>" +
                      $"<td>{E(v.Measured)}</td><td class=\"verdict\"><b>{E(v.Verdict)}</b>{reason}</td><td><a href=\"{E(v.Spec)}\">{E(v.Spec)}</a></td></tr>");
        }
        return sb.Append("</table></section>\n").ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> atomically.</summary>
    public void Write(string path, double totalSeconds) => AtomicFile.WriteAllText(path, Render(totalSeconds));

    private static string TableHtml(CsvTable table)
    {
        bool collapsed = table.Rows.Count > OpenTableRows;
        var sb = new StringBuilder(collapsed ? $"<details><summary>Table ({table.Rows.Count} rows × {table.Columns.Count} columns)</summary>" : "");
        sb.Append("<table><tr>");
        foreach (var c in table.Columns) sb.Append($"<th>{E(c)}</th>");
        sb.Append("</tr>");
        foreach (var row in table.Rows) sb.Append("<tr>").Append(string.Concat(row.Select(v => $"<td>{E(Short(v))}</td>"))).Append("</tr>");
        return sb.Append(collapsed ? "</table></details>\n" : "</table>\n").ToString();
    }

    private static string Short(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : cell;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
