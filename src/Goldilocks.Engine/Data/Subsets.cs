namespace Goldilocks.Data;

/// <summary>Seeded subsets of a labelled dataset: class-balanced, or with a given class prior Q (paper 000 Sec. 4, Fig. 5).</summary>
public static class Subsets
{
    /// <summary>A class-balanced subset with <paramref name="perClass"/> samples of every class, in a seeded random order.</summary>
    public static Dataset Balanced(Dataset data, int perClass, long seed)
    {
        var labels = Labels(data);
        var idx = BalancedIndices(labels, data.Classes, perClass, seed, data.Name);
        return Select(data, idx, $"{data.Name}[balanced {perClass}/class, seed {seed}]");
    }

    /// <summary>
    /// A subset of <paramref name="size"/> samples whose class counts follow the prior <paramref name="prior"/> (largest-remainder
    /// rounding of size·Q_k), each class subsampled uniformly without replacement: the artificial class imbalance of
    /// paper 000 Fig. 5, following Cui et al. (2019), who subsample every class independently to a prescribed count.
    /// </summary>
    public static Dataset WithPrior(Dataset data, IReadOnlyList<double> prior, int size, long seed)
    {
        var idx = PriorIndices(Labels(data), data.Classes, prior, size, seed, data.Name);
        return Select(data, idx, $"{data.Name}[prior Q, {size} samples, seed {seed}]");
    }

    /// <summary>Indices of <paramref name="perClass"/> samples of every class of byte labels, in a seeded random order; <paramref name="name"/> names the data in messages.</summary>
    public static long[] BalancedIndices(IReadOnlyList<byte> labels, int classes, int perClass, long seed, string name) =>
        BalancedIndices(labels.Select(l => (long)l).ToArray(), classes, perClass, seed, name);

    /// <summary>Indices of <paramref name="perClass"/> samples of every class of int64 labels, in a seeded random order; <paramref name="name"/> names the data in messages.</summary>
    public static long[] BalancedIndices(long[] labels, int classes, int perClass, long seed, string name)
    {
        if (perClass < 1) throw new ArgumentOutOfRangeException(nameof(perClass), perClass, "perClass must be ≥ 1");
        return Draw(labels, Enumerable.Repeat(perClass, classes).ToArray(), seed, name);
    }

    /// <summary>Indices of <paramref name="size"/> samples whose class counts follow <paramref name="prior"/> (largest-remainder rounding), in a seeded random order.</summary>
    public static long[] PriorIndices(long[] labels, int classes, IReadOnlyList<double> prior, int size, long seed, string name)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "subset size must be ≥ 1");
        return Draw(labels, ClassPriors.Counts(prior, classes, size), seed, name);
    }

    /// <summary>For each class k, counts[k] distinct indices of that class drawn at random; then all shuffled together.</summary>
    private static long[] Draw(long[] labels, int[] counts, long seed, string name)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var chosen = new List<long>();
        for (int k = 0; k < counts.Length; k++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == k).Select(i => (long)i).ToArray();
            if (members.Length < counts[k])
                throw new ArgumentException($"{name}: class {k} has {members.Length} samples, fewer than the {counts[k]} requested");
            if (counts[k] == 0) continue;
            var order = torch.randperm(members.Length, generator: gen).narrow(0, 0, counts[k]).data<long>().ToArray();
            chosen.AddRange(order.Select(o => members[o]));
        }
        if (chosen.Count == 0) throw new ArgumentException($"{name}: the requested subset is empty");
        var shuffle = torch.randperm(chosen.Count, generator: gen).data<long>().ToArray();
        return shuffle.Select(s => chosen[(int)s]).ToArray();
    }

    private static long[] Labels(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsClassification) throw new ArgumentException($"{data.Name} has no class labels", nameof(data));
        using var scope = torch.NewDisposeScope();
        return data.Targets.cpu().data<long>().ToArray();
    }

    private static Dataset Select(Dataset data, long[] indices, string name)
    {
        using var scope = torch.NewDisposeScope();
        var idx = torch.tensor(indices, dtype: ScalarType.Int64).to(data.Device);
        return new Dataset(data.Inputs.index_select(0, idx).MoveToOuterDisposeScope(), data.Targets.index_select(0, idx).MoveToOuterDisposeScope(),
            data.Classes, name);
    }
}
