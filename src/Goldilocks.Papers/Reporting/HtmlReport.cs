using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// One self-contained HTML page (PNG figures embedded as base64, no external files): a first line saying which data
/// was used, then one section per claim ID with its figures, numbers and settings, then versions and timings
/// (<c>goldilocks report</c>).
/// </summary>
public sealed class HtmlReport(string title, string dataLine)
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Section, double Seconds)> _timings = new();

    /// <summary>Appends one section for <paramref name="claimIds"/>: heading, text, the figures, an optional table and the settings with the time taken (<paramref name="seconds"/>).</summary>
    public HtmlReport AddSection(IReadOnlyList<string> claimIds, string heading, string text, JsonObject settings,
        IEnumerable<(string Caption, byte[] Png)> figures, CsvTable? table, double seconds)
    {
        string ids = string.Join(", ", claimIds);
        _body.Append($"<section id=\"{E(string.Join("-", claimIds))}\"><h2>{E(ids)}: {E(heading)}</h2>\n<p>{E(text)}</p>\n");
        foreach (var (caption, png) in figures)
            _body.Append($"<figure><img alt=\"{E(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/><figcaption>{E(caption)}</figcaption></figure>\n");
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
        sb.Append("<style>body{font-family:sans-serif;max-width:1000px;margin:auto;padding:1em}img{max-width:100%}")
          .Append("table{border-collapse:collapse;font-size:85%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
          .Append(".data{font-weight:bold;padding:.5em;background:#eef}</style></head><body>\n");
        sb.Append($"<p class=\"data\" id=\"data\">{E(dataLine)}</p>\n<h1>{E(title)}</h1>\n");
        sb.Append(_body);
        sb.Append("<section><h2>Versions and timings</h2><pre>").Append(E(ReportJson.Serialize(ReportJson.Versions()))).Append("</pre><table><tr><th>section</th><th>seconds</th></tr>");
        foreach (var (s, t) in _timings) sb.Append($"<tr><td style=\"text-align:left\">{E(s)}</td><td>{t:F1}</td></tr>");
        sb.Append($"<tr><td style=\"text-align:left\"><b>total</b></td><td><b>{totalSeconds:F1}</b></td></tr></table></section>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> atomically.</summary>
    public void Write(string path, double totalSeconds) => AtomicFile.WriteAllText(path, Render(totalSeconds));

    private static string TableHtml(CsvTable table)
    {
        var sb = new StringBuilder("<table><tr>");
        foreach (var c in table.Columns) sb.Append($"<th>{E(c)}</th>");
        sb.Append("</tr>");
        foreach (var row in table.Rows) sb.Append("<tr>").Append(string.Concat(row.Select(v => $"<td>{E(Short(v))}</td>"))).Append("</tr>");
        return sb.Append("</table>\n").ToString();
    }

    private static string Short(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : cell;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
