using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>A tiny bias-free MLP and its data, from the grammar of the primary-paper properties.</summary>
public sealed record NetCase(int Inputs, int[] Hidden, Activation Activation, int Classes, int Samples, int Seed)
{
    /// <summary>Homogeneity degree L of the bias-free net (number of weight layers).</summary>
    public int Depth => Hidden.Length + 1;

    public Mlp Model(bool bias = false, Activation? activation = null) =>
        new(Inputs, Hidden, Classes, activation ?? Activation, bias);

    public Dataset Data() => SyntheticClusters.Generate(Samples, Inputs, Classes, Seed);

    /// <summary>Kaiming θ; with <paramref name="biasScale"/> &gt; 0 the (otherwise zero) biases get N(0, scale²) values.</summary>
    public Tensor Theta(Mlp model, double biasScale = 0)
    {
        var theta = model.InitialParameters(Seed + 1000);
        if (biasScale > 0)
        {
            var gen = new torch.Generator((ulong)(Seed + 2000));
            foreach (var b in model.Blocks.Where(b => b.IsBias))
                theta.narrow(0, b.Offset, b.Count).copy_(torch.randn(new[] { b.Count }, dtype: ScalarType.Float64, generator: gen) * biasScale);
        }
        return theta;
    }

    public override string ToString() =>
        $"MLP {Inputs}-{string.Join("-", Hidden)}-{Classes} {Activation} (L = {Depth}), N = {Samples}, seed = {Seed}";
}

/// <summary>α = 10^(Centi/100), log-uniform over [1e-2, 1e2]; shrinks towards α = 1.</summary>
public sealed record Scale(int Centi)
{
    public double Alpha => Math.Pow(10, Centi / 100.0);

    public override string ToString() => $"α = 10^{Centi / 100.0:0.00} = {Alpha:G6}";
}

/// <summary>A temperature factor τ = 10^(Centi/100) in [0.5, 5]; shrinks towards τ = 1.</summary>
public sealed record TemperatureFactor(int Centi)
{
    public double Tau => Math.Pow(10, Centi / 100.0);

    public override string ToString() => $"τ = 10^{Centi / 100.0:0.00} = {Tau:G6}";
}

/// <summary>A softmax output p = σ(β z) from integer logits z/10 and β = 10^(Centi/100) ∈ [1e-2, 1e2].</summary>
public sealed record ProbabilityCase(int[] Logits, int Centi)
{
    public double Beta => Math.Pow(10, Centi / 100.0);

    public double[] P => SoftmaxCovariance.Softmax(Logits.Select(z => z / 10.0 * Beta).ToArray());

    public override string ToString() =>
        $"z/10 = [{string.Join(", ", Logits)}], β = {Beta:G6}, p = [{string.Join(", ", P.Select(x => x.ToString("G6")))}]";
}

/// <summary>A batch of softmax outputs (same K).</summary>
public sealed record BatchCase(ProbabilityCase[] Rows)
{
    public IReadOnlyList<IReadOnlyList<double>> P => Rows.Select(r => (IReadOnlyList<double>)r.P).ToArray();

    public override string ToString() => string.Join("; ", Rows.Select(r => r.ToString()));
}

/// <summary>FsCheck generators and shrinkers for the primary-paper properties.</summary>
public static class PrimaryArbitraries
{
    public static Arbitrary<NetCase> NetCases() => Arb.From(
        from inputs in Gen.Choose(2, 4)
        from depth in Gen.Choose(1, 3)
        from hidden in Gen.ArrayOf(Gen.Choose(2, 6), depth)
        from act in Gen.Elements(Activation.ReLU, Activation.LeakyReLU, Activation.Identity)
        from classes in Gen.Choose(2, 4)
        from samples in Gen.Choose(2, 6)
        from seed in Gen.Choose(0, 999)
        select new NetCase(inputs, hidden, act, classes, samples, seed),
        ShrinkNet);

    public static Arbitrary<Scale> Scales() => Arb.From(Gen.Choose(-200, 200).Select(c => new Scale(c)), s => ShrinkInt(s.Centi).Select(c => new Scale(c)));

    public static Arbitrary<TemperatureFactor> TemperatureFactors() =>
        Arb.From(Gen.Choose(-30, 70).Select(c => new TemperatureFactor(c)), t => ShrinkInt(t.Centi).Select(c => new TemperatureFactor(c)));

    public static Arbitrary<ProbabilityCase> ProbabilityCases() => Arb.From(ProbabilityGen(Gen.Choose(2, 8)), ShrinkProbability);

    public static Arbitrary<BatchCase> BatchCases() => Arb.From(
        from k in Gen.Choose(2, 6)
        from b in Gen.Choose(1, 5)
        from rows in Gen.ArrayOf(ProbabilityGen(Gen.Constant(k)), b)
        select new BatchCase(rows),
        batch => batch.Rows.Length > 1
            ? Enumerable.Range(0, batch.Rows.Length).Select(i => new BatchCase(batch.Rows.Where((_, j) => j != i).ToArray()))
            : Enumerable.Empty<BatchCase>());

    private static Gen<ProbabilityCase> ProbabilityGen(Gen<int> classes) =>
        from k in classes
        from logits in Gen.ArrayOf(Gen.Choose(-30, 30), k)
        from centi in Gen.Choose(-200, 200)
        select new ProbabilityCase(logits, centi);

    private static IEnumerable<ProbabilityCase> ShrinkProbability(ProbabilityCase c)
    {
        foreach (var centi in ShrinkInt(c.Centi)) yield return c with { Centi = centi };
        if (c.Logits.Length > 2)
            for (int i = 0; i < c.Logits.Length; i++) yield return c with { Logits = c.Logits.Where((_, j) => j != i).ToArray() };
        for (int i = 0; i < c.Logits.Length; i++)
            foreach (var v in ShrinkInt(c.Logits[i]))
            {
                var l = (int[])c.Logits.Clone();
                l[i] = v;
                yield return c with { Logits = l };
            }
    }

    private static IEnumerable<NetCase> ShrinkNet(NetCase n)
    {
        if (n.Hidden.Length > 1)
            for (int i = 0; i < n.Hidden.Length; i++) yield return n with { Hidden = n.Hidden.Where((_, j) => j != i).ToArray() };
        for (int i = 0; i < n.Hidden.Length; i++)
            if (n.Hidden[i] > 2)
            {
                var h = (int[])n.Hidden.Clone();
                h[i] = 2;
                yield return n with { Hidden = h };
            }
        if (n.Activation != Activation.ReLU) yield return n with { Activation = Activation.ReLU };
        if (n.Classes > 2) yield return n with { Classes = 2 };
        if (n.Samples > 2) yield return n with { Samples = 2 };
        if (n.Inputs > 2) yield return n with { Inputs = 2 };
        if (n.Seed != 0) yield return n with { Seed = 0 };
    }

    private static IEnumerable<int> ShrinkInt(int v)
    {
        if (v == 0) yield break;
        yield return 0;
        if (Math.Abs(v) > 1) yield return v / 2;
        yield return v - Math.Sign(v);
    }
}
