namespace Goldilocks.Data;

/// <summary>Seeded subsets of a labelled dataset.</summary>
public static class Subsets
{
    /// <summary>A class-balanced subset with <paramref name="perClass"/> samples of every class, in a seeded random order.</summary>
    public static Dataset Balanced(Dataset data, int perClass, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsClassification) throw new ArgumentException($"{data.Name} has no class labels", nameof(data));
        if (perClass < 1) throw new ArgumentOutOfRangeException(nameof(perClass), perClass, "perClass must be ≥ 1");
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var labels = data.Targets.cpu();
        var chosen = new List<Tensor>();
        for (int k = 0; k < data.Classes; k++)
        {
            var idx = torch.nonzero(labels == k).squeeze(1);
            if (idx.shape[0] < perClass)
                throw new ArgumentException($"{data.Name}: class {k} has {idx.shape[0]} samples, fewer than the {perClass} requested", nameof(perClass));
            chosen.Add(idx[torch.randperm(idx.shape[0], generator: gen).narrow(0, 0, perClass)]);
        }
        var all = torch.cat(chosen, 0);
        all = all[torch.randperm(all.shape[0], generator: gen)].to(data.Device);
        return new Dataset(data.Inputs.index_select(0, all).MoveToOuterDisposeScope(), data.Targets.index_select(0, all).MoveToOuterDisposeScope(),
            data.Classes, $"{data.Name}[balanced {perClass}/class, seed {seed}]");
    }
}
