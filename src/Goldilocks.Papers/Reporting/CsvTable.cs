using System.Globalization;
using System.Text;

namespace Goldilocks.Papers.Reporting;

/// <summary>A table written as RFC 4180 CSV with invariant-culture round-trip numbers (empty cell = undefined).</summary>
public sealed class CsvTable
{
    private readonly List<string[]> _rows = new();

    /// <summary>An empty table with these column names.</summary>
    public CsvTable(params string[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        Columns = columns;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of rows added.</summary>
    public int RowCount => _rows.Count;

    /// <summary>The formatted cells, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Appends one row (one cell per column; numbers in invariant round-trip form, null or NaN as an empty cell) and returns the table.</summary>
    public CsvTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"row has {cells.Length} cells, the table has {Columns.Count} columns", nameof(cells));
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>The CSV text: header line, then the rows.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Columns.Select(Quote)));
        foreach (var row in _rows) sb.AppendLine(string.Join(",", row.Select(Quote)));
        return sb.ToString();
    }

    /// <summary>Writes the CSV text to <paramref name="path"/> atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToString());

    private static string Format(object? cell) => cell switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        float f => double.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : "",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
