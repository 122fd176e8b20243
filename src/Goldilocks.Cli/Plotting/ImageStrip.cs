using ScottPlot;

namespace Goldilocks.Cli.Plotting;

/// <summary>
/// A row of small grey-scale-free heatmaps side by side (paper 000 Fig. 10, top row: the first layer's top Hessian
/// eigenvector, averaged over hidden units, as an input image at several α). Each panel is scaled by its own largest
/// |value| to [−1, 1] (the paper's panels have different scales) and labelled below with its caption.
/// </summary>
internal static class ImageStrip
{
    /// <summary>Renders <paramref name="panels"/> (caption, values [rows, columns], all of one size) to PNG bytes.</summary>
    public static byte[] Render(string title, string xLabel, IReadOnlyList<(string Caption, double[,] Values)> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("no panels to draw", nameof(panels));
        int rows = panels[0].Values.GetLength(0), cols = panels[0].Values.GetLength(1);
        int width = panels.Count * (cols + 1) - 1;
        var grid = new double[rows, width];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < width; c++) grid[r, c] = double.NaN;
        for (int k = 0; k < panels.Count; k++)
        {
            var v = panels[k].Values;
            double max = 0;
            foreach (double x in v) if (double.IsFinite(x)) max = Math.Max(max, Math.Abs(x));
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++) grid[r, k * (cols + 1) + c] = max > 0 ? v[r, c] / max : 0;
        }
        var plot = LinePlot.NewPlot(title, xLabel, "");
        var map = plot.Add.Heatmap(grid);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.ManualRange = new ScottPlot.Range(-1, 1);
        map.NaNCellColor = Colors.White;
        map.Position = new CoordinateRect(0, width, 0, rows);
        plot.Add.ColorBar(map).Label = "value / max |value| of its panel";
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < panels.Count; k++) ticks.AddMajor(k * (cols + 1) + cols / 2.0, panels[k].Caption);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.SquareUnits();
        return plot.GetImageBytes(LinePlot.Width, LinePlot.Height * 3 / 5, ImageFormat.Png);
    }
}
