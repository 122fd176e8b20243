using ScottPlot;

namespace Goldilocks.Cli.Plotting;

/// <summary>
/// The Hessian spectrum drawn as Sagun et al. (Fig. 1, Fig. 3) do: a histogram of eigenvalue counts, the bulk near zero in
/// one colour and the outliers above the largest gap in another, with the gap marked and the outliers counted in the legend.
/// Counts are on a log₁₀ axis from ½ (one eigenvalue shows as a bar) to the largest bin, so the bulk and a single outlier are
/// both visible.
/// </summary>
public static class SpectrumHistogram
{
    /// <summary>Number of equal-width bins over [λ_min, λ_max].</summary>
    public const int Bins = 60;

    /// <summary>Bins with a smaller (SLQ: estimated) count are not drawn: the axis starts at half of one eigenvalue.</summary>
    public const double CountFloor = 0.5;

    /// <summary>The first two colours of ScottPlot's default palette, so the scree plot's bulk and outlier series match.</summary>
    private static readonly Color Bulk = new ScottPlot.Palettes.Category10().GetColor(0), Outlier = new ScottPlot.Palettes.Category10().GetColor(1);

    /// <summary>Renders the histogram of <paramref name="values"/> (eigenvalues, or SLQ nodes with <paramref name="counts"/>
    /// = weight × P), marking the <paramref name="outliers"/> largest as outliers and <paramref name="classes"/> K beside them.</summary>
    public static byte[] Render(string title, string xLabel, IReadOnlyList<double> values, IReadOnlyList<double>? counts,
        int outliers, int classes)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("the spectrum has no eigenvalues", nameof(values));
        if (counts is not null && counts.Count != values.Count) throw new ArgumentException($"{counts.Count} counts for {values.Count} eigenvalues", nameof(counts));
        if (outliers < 0 || outliers > values.Count) throw new ArgumentOutOfRangeException(nameof(outliers), outliers, $"outlier count must lie in [0, {values.Count}]");
        var order = Enumerable.Range(0, values.Count).OrderByDescending(i => values[i]).ToArray();
        double max = values[order[0]], min = values[order[^1]];
        double width = max > min ? (max - min) / Bins : 1;
        int Bin(double v) => Math.Min(Bins - 1, (int)Math.Floor((v - min) / width));
        double[] bulk = new double[Bins], outlying = new double[Bins];
        for (int r = 0; r < order.Length; r++)
        {
            int i = order[r];
            (r < outliers ? outlying : bulk)[Bin(values[i])] += counts?[i] ?? 1;
        }
        double total = bulk.Sum() + outlying.Sum();

        var plot = LinePlot.NewPlot(title, xLabel, "eigenvalue count per bin (log scale)");
        double floor = Math.Log10(CountFloor);
        void Add(double[] binCounts, Color color, string legend)
        {
            var bars = Enumerable.Range(0, Bins).Where(b => binCounts[b] >= CountFloor).Select(b => new Bar
            {
                Position = min + (b + 0.5) * width,
                Value = Math.Log10(binCounts[b]),
                ValueBase = floor,
                Size = width * 0.9,
                FillColor = color,
                LineWidth = 0,
            }).ToList();
            if (bars.Count == 0) return;
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = legend, FillColor = color });
        }
        Add(bulk, Bulk, $"bulk ({total - outlying.Sum():G4} eigenvalues)");
        Add(outlying, Outlier, $"outliers above the largest gap: {outliers} (K = {classes})");
        if (outliers > 0 && outliers < order.Length)
        {
            double gap = 0.5 * (values[order[outliers - 1]] + values[order[outliers]]);
            plot.Add.VerticalLine(gap, 2, Colors.Black, LinePattern.Dashed);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "largest gap", LineColor = Colors.Black, LineWidth = 2, LinePattern = LinePattern.Dashed });
        }
        double top = Math.Log10(Math.Max(bulk.Max(), outlying.Max()));
        plot.Axes.SetLimitsY(floor, Math.Max(top, 0) + 0.3);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        return LinePlot.Finish(plot);
    }
}
