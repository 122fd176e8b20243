using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Reliability;

/// <summary>A positive-only scalar (temperature T, scale α, separation, σ) given an invalid value.</summary>
public sealed record BadScalar(double Value)
{
    public override string ToString() => $"BadScalar({Value:R})";
}

/// <summary>A subspace request with d outside [1, P].</summary>
public sealed record BadDimension(long Parameters, int Dimension);

/// <summary>A class label outside [0, K) at a given row.</summary>
public sealed record BadLabel(int Classes, int Row, long Label);

/// <summary>A non-finite value at one position of θ or of the inputs.</summary>
public sealed record NonFiniteEntry(int Position, double Value)
{
    public override string ToString() => $"NonFiniteEntry({Position}, {Value})";
}

/// <summary>Bytes of an IDX file cut, emptied or corrupted, with the expected dimension count.</summary>
public sealed record BrokenIdx(string Kind, int Cut, byte[] Bytes)
{
    public override string ToString() => $"BrokenIdx({Kind}, cut={Cut}, {Bytes.Length} bytes)";
}

/// <summary>FsCheck arbitraries of invalid inputs; every generator draws from small readable sets or ranges.</summary>
public static class BadInputs
{
    public static readonly byte[] ValidIdx = new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3 }
        .Concat(Enumerable.Range(0, 18).Select(i => (byte)i)).ToArray();

    public static Arbitrary<BadScalar> BadScalar() => Arb.From(Gen.OneOf(
            Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MinValue),
            Gen.Choose(-300, 300).Select(e => -Math.Pow(10, e))) // every negative magnitude from 1e-300 to 1e300
        .Select(v => new BadScalar(v)));

    public static Arbitrary<BadDimension> BadDimension() => Arb.From(
        from p in Gen.Choose(1, 60)
        from d in Gen.OneOf(Gen.Choose(-20, 0), Gen.Choose(p + 1, p + 40))
        select new BadDimension(p, d));

    public static Arbitrary<BadLabel> BadLabel() => Arb.From(
        from k in Gen.Choose(2, 12)
        from row in Gen.Choose(0, 7)
        from label in Gen.OneOf(Gen.Choose(-50, -1), Gen.Choose(k, k + 50)).Select(l => (long)l)
        select new BadLabel(k, row, label));

    public static Arbitrary<NonFiniteEntry> NonFiniteEntry() => Arb.From(
        from pos in Gen.Choose(0, 20)
        from v in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)
        select new NonFiniteEntry(pos, v));

    public static Arbitrary<BrokenIdx> BrokenIdx() => Arb.From(Gen.OneOf(
        Gen.Choose(0, ValidIdx.Length - 1).Select(cut => new BrokenIdx("truncated", cut, ValidIdx[..cut])),
        Gen.Choose(0, 3).Select(i => { var b = (byte[])ValidIdx.Clone(); b[i] ^= 0x5A; return new BrokenIdx("bad magic", i, b); }),
        Gen.Choose(1, 9).Select(n => new BrokenIdx("trailing data", n, ValidIdx.Concat(new byte[n]).ToArray())),
        Gen.Choose(4, 11).Select(i => { var b = (byte[])ValidIdx.Clone(); b[i] = 0x80; return new BrokenIdx("bad size", i, b); })));
}
