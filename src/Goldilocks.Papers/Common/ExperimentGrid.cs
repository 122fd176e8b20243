using System.Globalization;

namespace Goldilocks.Papers.Common;

/// <summary>
/// The cells of an experiment's grid, each with a stable key, and the function that measures one cell. A figure's
/// experiment builds its grid once; <see cref="RunAll"/> iterates it for direct calls, and
/// <see cref="Reporting.SweepStore"/> iterates the same grid for resumable or sharded runs.
/// </summary>
public sealed class ExperimentGrid<TCell, TResult>
{
    private readonly Func<TCell, TResult> _measure;

    /// <param name="cells">The grid's cells in order.</param>
    /// <param name="key">Key of the cell at an index (a plain file name, distinct over the grid).</param>
    /// <param name="measure">Measures one cell; depends on nothing but the cell and what the grid was built from.</param>
    public ExperimentGrid(IReadOnlyList<TCell> cells, Func<TCell, int, string> key, Func<TCell, TResult> measure)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(key);
        Cells = cells;
        Keys = cells.Select(key).ToArray();
        _measure = measure ?? throw new ArgumentNullException(nameof(measure));
    }

    /// <summary>The cells, in the order they are measured and numbered.</summary>
    public IReadOnlyList<TCell> Cells { get; }

    /// <summary>One key per cell (same order as <see cref="Cells"/>), used as the cell's file name in a sweep store.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Measures the cell with index <paramref name="index"/>.</summary>
    public TResult Measure(int index) => _measure(Cells[index]);

    /// <summary>Measures every cell in order.</summary>
    public IReadOnlyList<TResult> RunAll() => Enumerable.Range(0, Cells.Count).Select(Measure).ToArray();

    /// <summary>A key such as <c>seed0-alpha-003-0.1</c>: a prefix, the cell index and the cell's coordinate.</summary>
    public static string Key(string prefix, int index, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index:D3}-{value:G6}");
}
