namespace Goldilocks.Papers.Common;

/// <summary>Least-squares line y = Slope·x + Intercept with Pearson correlation R.</summary>
/// <param name="Slope">Least-squares slope.</param>
/// <param name="Intercept">Least-squares intercept.</param>
/// <param name="R">Pearson correlation of x and y.</param>
/// <param name="Count">Number of points.</param>
public sealed record LinearFit(double Slope, double Intercept, double R, int Count);

/// <summary>Small descriptive statistics used to summarise experiments (rank correlations of Fig. 6, slopes of Fig. 5b).</summary>
internal static class Statistics
{
    /// <summary>The middle element of the sorted values (the upper of the two middle ones for an even count): the
    /// median the seed-window claims judge.</summary>
    public static double WindowMedian(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(x => x).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        return sorted[sorted.Length / 2];
    }

    public static LinearFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        int n = x.Count;
        double mx = x.Average(), my = y.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) throw new ArgumentException("x is constant: the slope is undefined", nameof(x));
        double slope = sxy / sxx;
        double r = syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
        return new LinearFit(slope, my - slope * mx, r, n);
    }

    /// <summary>Slope of log y against log x (both must be positive).</summary>
    public static double LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        if (x.Any(v => !(v > 0)) || y.Any(v => !(v > 0))) throw new ArgumentException("log-log slope needs positive values");
        return Fit(x.Select(v => Math.Log(v)).ToArray(), y.Select(v => Math.Log(v)).ToArray()).Slope;
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y) => Fit(x, y).R;

    /// <summary>Spearman rank correlation (average ranks for ties).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        return Pearson(Ranks(x), Ranks(y));
    }

    public static double[] Ranks(IReadOnlyList<double> v)
    {
        var order = Enumerable.Range(0, v.Count).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Count];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && v[order[j + 1]] == v[order[i]]) j++;
            for (int k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>Values from <paramref name="lo"/> to <paramref name="hi"/> equally spaced in log scale.</summary>
    public static double[] LogGrid(double lo, double hi, int count)
    {
        if (!(lo > 0) || !(hi > lo)) throw new ArgumentException($"log grid needs 0 < lo < hi, got [{lo}, {hi}]");
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "a grid needs at least 2 points");
        return Enumerable.Range(0, count).Select(i => Math.Exp(Math.Log(lo) + (Math.Log(hi) - Math.Log(lo)) * i / (count - 1))).ToArray();
    }

    /// <summary>Empirical quantile (linear interpolation) of a sample.</summary>
    public static double Quantile(IReadOnlyList<double> sample, double q)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0) throw new ArgumentException("empty sample", nameof(sample));
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "a quantile level lies in [0, 1]");
        if (sample.Any(v => !double.IsFinite(v))) throw new ArgumentException("sample values must be finite", nameof(sample));
        var s = sample.OrderBy(v => v).ToArray();
        double pos = q * (s.Length - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values but y has {y.Count}");
        if (x.Count < 2) throw new ArgumentException("at least two points are needed");
        if (x.Concat(y).Any(v => !double.IsFinite(v))) throw new ArgumentException("values must be finite");
    }
}
