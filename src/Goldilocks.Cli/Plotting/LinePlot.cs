using ScottPlot;

namespace Goldilocks.Cli.Plotting;

/// <summary>One curve; <see cref="Low"/>/<see cref="High"/> draw a shaded min-max band (e.g. over seeds);
/// <see cref="Markers"/> draws points only (a scatter plot). A line marks its points only when it has at most
/// <see cref="LinePlot.MaxMarkedPoints"/> of them.</summary>
public sealed record Series(string Label, double[] X, double[] Y, double[]? Low = null, double[]? High = null, bool Markers = false);

/// <summary>
/// Line plots with labelled axes (units in the label), optional log₁₀ axes (as the papers' α and T axes), legends,
/// rendered with ScottPlot to PNG bytes and written atomically.
/// </summary>
public static class LinePlot
{
    public const int Width = 900, Height = 560;

    /// <summary>On a log y axis, values below this fraction of the median positive value are left out (underflow such as a
    /// G-term of 1e-280 under softmax collapse would otherwise flatten every other curve); the x label says so. The median,
    /// not the largest value, sets the floor so that one diverged run (‖θ‖ = 1e38) does not hide every ordinary curve.</summary>
    public const double LogFloorRatio = 1e-30;

    /// <summary>Width of one character of the bold serif label font in units of its size (measured on the rendered
    /// PNGs: a 100-character title at 16 pt spans ≈ 1020 px); labels longer than the plot get a smaller font.</summary>
    private const double CharWidth = 0.66;

    private const float MinFontSize = 12;

    /// <summary>Font sizes (px in the 900 × 560 PNG, shown at its natural size in report.html): readable at 100 % zoom.</summary>
    internal const float TitleFontSize = 20, LabelFontSize = 18, TickFontSize = 15, LegendFontSize = 15;

    /// <summary>Curves with more points than this are drawn as lines only; sparser ones mark each computed point.</summary>
    public const int MaxMarkedPoints = 30;

    /// <summary>Legends with at most this many entries (two rows) go below the plot, longer ones to its right.</summary>
    private const int MaxLegendItemsBelow = 4;

    public static byte[] Render(string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        bool logX = false, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        double floor = 0;
        string note = "";
        if (logY)
        {
            var positive = series.SelectMany(s => s.Y.Concat(s.High ?? Array.Empty<double>())).Where(y => double.IsFinite(y) && y > 0).Order().ToArray();
            floor = positive.Length == 0 ? 0 : positive[positive.Length / 2] * LogFloorRatio;
            if (series.Any(s => s.Y.Any(y => y > 0 && y < floor))) note = $"; values < {LogFloorRatio:0e0}·median not shown";
        }
        var plot = NewPlot(title, (logX ? $"{xLabel} (log scale)" : xLabel) + note, logY ? $"{yLabel} (log scale)" : yLabel);
        foreach (var s in series)
        {
            var keep = Enumerable.Range(0, s.X.Length)
                .Where(i => Valid(s.X[i], logX) && Valid(s.Y[i], logY) && (!logY || s.Y[i] >= floor)
                            && (s.Low is null || Valid(s.Low[i], logY)) && (s.High is null || Valid(s.High[i], logY)))
                .ToArray();
            if (keep.Length == 0) continue;
            double[] xs = keep.Select(i => Map(s.X[i], logX)).ToArray();
            var line = plot.Add.Scatter(xs, keep.Select(i => Map(s.Y[i], logY)).ToArray());
            line.LegendText = s.Label;
            line.LineWidth = s.Markers ? 0 : 2;
            line.MarkerSize = s.Markers ? 7 : keep.Length <= MaxMarkedPoints ? 6 : 0;
            if (s.Low is not null && s.High is not null && keep.Length > 1)
            {
                var band = plot.Add.FillY(xs, keep.Select(i => Map(s.Low[i], logY)).ToArray(), keep.Select(i => Map(s.High[i], logY)).ToArray());
                band.FillColor = line.Color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
        }
        if (logX) plot.Axes.Bottom.TickGenerator = LogTicks();
        if (logY) plot.Axes.Left.TickGenerator = LogTicks();
        return Finish(plot);
    }

    /// <summary>A plot with the title and axis labels at the readable font sizes, shrunk only where a label would not fit.</summary>
    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontSize = TitleFontSize;
        plot.Axes.Bottom.Label.FontSize = LabelFontSize;
        plot.Axes.Left.Label.FontSize = LabelFontSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        Fit(plot.Axes.Title.Label, Width);
        Fit(plot.Axes.Bottom.Label, Width);
        Fit(plot.Axes.Left.Label, Height);
        return plot;
    }

    /// <summary>The legend at the readable size, rendered to PNG bytes: below the plot (the data area keeps the full width)
    /// for up to <see cref="MaxLegendItemsBelow"/> entries, else on the right (ScottPlot under-measures a taller legend below
    /// the plot and cuts its last row off).</summary>
    internal static byte[] Finish(Plot plot)
    {
        plot.Legend.FontSize = LegendFontSize;
        int items = plot.Legend.ManualItems.Count + plot.GetPlottables().Sum(p => p.LegendItems.Count(i => !string.IsNullOrEmpty(i.LabelText)));
        plot.ShowLegend(items <= MaxLegendItemsBelow ? Edge.Bottom : Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public static void Write(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        bool logX = false, bool logY = false) =>
        AtomicFile.WriteAllBytes(path, Render(title, xLabel, yLabel, series, logX, logY));

    /// <summary>Shrinks the label's font so the text fits into <paramref name="pixels"/> (titles and axis labels are never cut off).</summary>
    private static void Fit(LabelStyle label, int pixels)
    {
        double needed = label.Text.Length * CharWidth * label.FontSize;
        double room = 0.92 * pixels;
        if (needed > room) label.FontSize = Math.Max(MinFontSize, (float)(label.FontSize * room / needed));
    }

    private static bool Valid(double v, bool log) => double.IsFinite(v) && (!log || v > 0);

    private static double Map(double v, bool log) => log ? Math.Log10(v) : v;

    internal static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = v => $"1e{v:0}",
    };
}
