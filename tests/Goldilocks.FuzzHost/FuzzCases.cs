using System.Globalization;

namespace Goldilocks.FuzzHost;

/// <summary>One fuzz case: draws an input (described for the log) and the call to make with it.</summary>
public delegate (string Input, Func<object?> Call) FuzzCase(Random random);

/// <summary>
/// The catalogue of random invalid and edge-case inputs, one entry per entry point of the public API. A small valid
/// problem (bias-free ReLU MLP 4-3-3, 9 synthetic samples) is built once and perturbed.
/// </summary>
public sealed class FuzzCases
{
    private static readonly double[] BadPositive = { 0, -0.0, -1, -1e-300, -1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity };
    private static readonly double[] ExtremePositive = { double.Epsilon, 1e-300, 1e-200, 1e-4, 1, 1e4, 1e150, 1e300, double.MaxValue };
    private static readonly ScalarType[] OtherTypes = { ScalarType.Float32, ScalarType.Int64, ScalarType.Int32, ScalarType.Float16, ScalarType.Bool };

    private readonly Mlp _model = new(4, new[] { 3 }, 3);
    private readonly Dataset _data;
    private readonly Objective _objective;
    private readonly Tensor _theta;
    private readonly LinearizationPoint _point;

    public FuzzCases(long seed)
    {
        _data = SyntheticClusters.Generate(9, 4, 3, seed);
        _objective = new Objective(_model, _data, new CrossEntropy());
        _theta = _model.InitialParameters(seed).DetachFromDisposeScope();
        _point = new LinearizationPoint(_objective, _theta);
        All = new (string, FuzzCase)[]
        {
            ("CrossEntropy(T)", r => Describe(Pick(r, BadPositive.Concat(ExtremePositive)), t => (object?)_objective.WithLoss(new CrossEntropy(t)).ValueAndGradient(_theta))),
            ("Value(alpha*theta)", r => Describe(Pick(r, BadPositive.Concat(ExtremePositive)), a => (object?)_objective.ValueAndGradient(_theta * a))),
            ("Hessian(alpha*theta,T)", ScaledCurvature),
            ("theta shape", r => { var t = WrongShape(r, _model.ParameterCount); return (Shape(t), () => _objective.Value(t)); }),
            ("theta non-finite", r => { var t = WithNonFinite(r, _theta); return (t.ToString(), () => _objective.ValueAndGradient(t)); }),
            ("theta dtype", r => { var t = _theta.to(Pick(r, OtherTypes)); return (t.dtype.ToString(), () => _objective.Value(t)); }),
            ("theta disposed", _ => { var t = _theta.clone(); t.Dispose(); return ("disposed", () => _objective.Value(t)); }),
            ("SubspaceBasis(P,d)", SubspaceBasisCase),
            ("Dataset(...)", DatasetCase),
            ("SyntheticClusters(...)", ClustersCase),
            ("Objective(...)", ObjectiveCase),
            ("Model(...)", ModelCase),
            ("Model.Forward", ForwardCase),
            ("Operator.Apply", OperatorApplyCase),
            ("LinearizationPoint disposed", _ => ("disposed", () => { var p = new LinearizationPoint(_objective, _theta); p.Dispose(); return new HessianOperator(p).Apply(torch.ones(_model.ParameterCount)); })),
            ("SafeAutograd.Grad", AutogradCase),
            ("PositiveCurvature.Of", r => { var m = MatrixInput(r); return (Shape(m), () => PositiveCurvature.Of(m)); }),
            ("SymmetricEigen", r => { var m = MatrixInput(r); return (Shape(m), () => SymmetricEigen.Decompose(m)); }),
            ("CurvatureSummary", SummaryCase),
            ("Lanczos", LanczosCase),
            ("PowerIteration", r => { int it = r.Next(-2, 4); var m = MatrixInput(r, validOnly: true); return ($"maxIt={it} {Shape(m)}", () => PowerIteration.Run(new MatrixOperator(m), maxIterations: it)); }),
            ("Hutchinson", r => { int p = r.Next(-2, 4); return ($"probes={p}", () => Hutchinson.Estimate(new HessianOperator(_point), p, r.Next())); }),
            ("SLQ", SlqCase),
            ("MatrixOperator", r => { var m = MatrixInput(r); return (Shape(m), () => DenseMaterializer.Materialize(new MatrixOperator(m))); }),
            ("ProjectedOperator", ProjectedCase),
            ("IdxFile.Parse", IdxCase),
            ("Subsets.Balanced", r => { int k = r.Next(-1, 6); return ($"perClass={k}", () => Subsets.Balanced(_data, k, 1)); }),
            ("GradientDescent", GradientDescentCase),
            ("Device", r => { string d = Pick(r, new[] { "tpu", "cuda", "cuda:7", "", "CPU", "gpu0" }); return (d, () => TorchRuntime.ResolveDevice(d).ToString()); }),
            ("Dataset.Slice/Batches", SliceCase),
        };
    }

    public IReadOnlyList<(string Name, FuzzCase Make)> All { get; }

    private static T Pick<T>(Random r, IEnumerable<T> items)
    {
        var list = items as IList<T> ?? items.ToList();
        return list[r.Next(list.Count)];
    }

    private static (string, Func<object?>) Describe(double x, Func<double, object?> call) =>
        (x.ToString("R", CultureInfo.InvariantCulture), () => call(x));

    private static string Shape(Tensor t) => t.IsInvalid ? "disposed" : $"{t.dtype}[{string.Join(",", t.shape)}]";

    /// <summary>A tensor whose shape differs from [n]: another length, a matrix, a scalar or empty.</summary>
    private static Tensor WrongShape(Random r, long n) => r.Next(5) switch
    {
        0 => torch.randn(n + r.Next(1, 4)),
        1 => torch.randn(Math.Max(0, n - r.Next(1, (int)n + 1))),
        2 => torch.randn(n, 1),
        3 => torch.tensor(1.0),
        _ => torch.randn(0),
    };

    private static Tensor WithNonFinite(Random r, Tensor t)
    {
        var bad = t.clone();
        bad.view(-1)[r.Next((int)t.numel())] = torch.tensor(Pick(r, new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }), dtype: t.dtype);
        return bad;
    }

    /// <summary>Matrices for PositiveCurvature/eigen: zero, tiny, non-finite, non-square, vector, empty, disposed, or valid.</summary>
    private static Tensor MatrixInput(Random r, bool validOnly = false)
    {
        int n = r.Next(1, 6);
        var a = torch.randn(n, n);
        var sym = (a + a.t()) / 2;
        if (validOnly) return r.Next(2) == 0 ? sym : torch.zeros(n, n);
        switch (r.Next(9))
        {
            case 0: return torch.zeros(n, n);
            case 1: return sym * 1e-300;
            case 2: return WithNonFinite(r, sym.flatten()).view(n, n);
            case 3: return torch.randn(n, n + 1);
            case 4: return torch.randn(n);
            case 5: return torch.zeros(0, 0);
            case 6: { var d = sym.clone(); d.Dispose(); return d; }
            case 7: return a + 10 * torch.triu(torch.ones(n, n), 1); // clearly asymmetric
            default: return sym;
        }
    }

    private (string, Func<object?>) ScaledCurvature(Random r)
    {
        double alpha = Pick(r, ExtremePositive), t = Pick(r, ExtremePositive);
        return ($"alpha={alpha:R} T={t:R}", () =>
        {
            using var point = new LinearizationPoint(_objective.WithLoss(new CrossEntropy(t)), _theta * alpha);
            using var m = ProjectedCurvature.Compute(point, SubspaceBasis.Create(_model.ParameterCount, 3, 7));
            return new[] { SymmetricEigen.Eigenvalues(m.Hessian), SymmetricEigen.Eigenvalues(m.GTerm) }
                .Select(CurvatureSummary.FromEigenvalues).ToArray();
        });
    }

    private (string, Func<object?>) SubspaceBasisCase(Random r)
    {
        long p = Pick(r, new long[] { _model.ParameterCount, 0, -3, 1 });
        int d = Pick(r, new[] { 0, -1, (int)p + 1, (int)p + 5, int.MinValue, int.MaxValue, 1, (int)Math.Max(p, 1) });
        long? nz = Pick(r, new long?[] { null, 0, -1, p + 1, 1 });
        var kind = Pick(r, new[] { BasisKind.GaussianOrthonormal, BasisKind.SparseSign, (BasisKind)17 });
        return ($"P={p} d={d} nz={nz} kind={kind}", () => SubspaceBasis.Create(p, d, r.Next(), kind, nonZeros: nz));
    }

    private (string, Func<object?>) DatasetCase(Random r)
    {
        int k = Pick(r, new[] { 3, 2, 1, 0, -1 });
        int variant = r.Next(9);
        Tensor x = torch.randn(6, 4), y = torch.randint(0, Math.Max(k, 1), new long[] { 6 }, dtype: ScalarType.Int64);
        switch (variant)
        {
            case 0: x = torch.randn(0, 4); y = torch.zeros(0, dtype: ScalarType.Int64); break;
            case 1: y = torch.zeros(5, dtype: ScalarType.Int64); break;
            case 2: y[r.Next(6)] = torch.tensor(Pick(r, new long[] { -1, k, k + 7, long.MaxValue })); break;
            case 3: x = WithNonFinite(r, x); break;
            case 4: x = x.to(ScalarType.Int32); break;
            case 5: y = torch.randn(6, k + 1); break;
            case 6: x = torch.tensor(2.0); break;
            case 7: y = torch.zeros(6, 2, dtype: ScalarType.Int64); break;
            default: y = WithNonFinite(r, torch.randn(6, Math.Max(k, 1))); break;
        }
        return ($"variant={variant} K={k} x={Shape(x)} y={Shape(y)}", () => new Dataset(x, y, k));
    }

    private static (string, Func<object?>) ClustersCase(Random r)
    {
        int n = Pick(r, new[] { 0, -5, 1, 4 }), f = Pick(r, new[] { 0, -1, 2 }), k = Pick(r, new[] { 1, 0, -2, 2 });
        double sep = Pick(r, BadPositive.Append(3.0));
        return ($"N={n} D={f} K={k} sep={sep:R}", () => SyntheticClusters.Generate(n, f, k, 1, sep));
    }

    private (string, Func<object?>) ObjectiveCase(Random r)
    {
        int variant = r.Next(4);
        return (variant switch { 0 => "feature mismatch", 1 => "class mismatch", 2 => "CE on regression", _ => "negative batch" }, () => variant switch
        {
            0 => new Objective(new Mlp(5, new[] { 3 }, 3), _data, new CrossEntropy()),
            1 => new Objective(new Mlp(4, new[] { 3 }, 4), _data, new CrossEntropy()),
            2 => new Objective(_model, new Dataset(torch.randn(6, 4), torch.randn(6, 3), 3), new CrossEntropy()),
            _ => new Objective(_model, _data, new MeanSquaredError(), -r.Next(1, 100)),
        });
    }

    private static (string, Func<object?>) ModelCase(Random r)
    {
        int a = Pick(r, new[] { 0, -1, 1 }), b = Pick(r, new[] { 0, -3, 15, 1 });
        int variant = r.Next(4);
        return ($"variant={variant} a={a} b={b}", () => variant switch
        {
            0 => new Mlp(a, new[] { 3 }, b),
            1 => new Mlp(3, new[] { a, b }, 2),
            2 => new LeNet5(a, b, Pick(r, new[] { 1, 0, 10 })),
            _ => (object)new DiagonalLinearNetwork(a),
        });
    }

    private (string, Func<object?>) ForwardCase(Random r)
    {
        var x = r.Next(4) switch
        {
            0 => torch.randn(5, 3),
            1 => torch.randn(5, 4, 1),
            2 => torch.randn(4),
            _ => torch.randn(5, 4).to(Pick(r, OtherTypes)),
        };
        return (Shape(x), () => _model.Forward(_theta, x));
    }

    private (string, Func<object?>) OperatorApplyCase(Random r)
    {
        long n = _model.ParameterCount;
        ICurvatureOperator op = r.Next(4) switch
        {
            0 => new HessianOperator(_point),
            1 => new GTermOperator(_point),
            2 => new HTermOperator(_point),
            _ => new ProjectedOperator(new HessianOperator(_point), SubspaceBasis.Create(n, 4, 3)),
        };
        var v = r.Next(5) switch
        {
            0 => WrongShape(r, op.Size),
            1 => WithNonFinite(r, torch.randn(op.Size)),
            2 => torch.randn(op.Size).to(Pick(r, OtherTypes)),
            3 => Disposed(torch.randn(op.Size)),
            _ => torch.randn(op.Size) * Pick(r, new[] { 0.0, 1e-300, 1e150 }),
        };
        return ($"{op.GetType().Name} v={Shape(v)}", () => op.Apply(v));
    }

    private static Tensor Disposed(Tensor t)
    {
        t.Dispose();
        return t;
    }

    private static (string, Func<object?>) AutogradCase(Random r)
    {
        var x = torch.randn(3).requires_grad_(true);
        var other = torch.randn(3).requires_grad_(true);
        var y = (x * x).sum();
        var z = x * 3;
        int variant = r.Next(10);
        return ($"variant={variant}", variant switch
        {
            0 => () => SafeAutograd.Grad(y, other),
            1 => () => SafeAutograd.Grad(y, torch.randn(3)),
            2 => () => SafeAutograd.Grad(torch.randn(3).sum(), x),
            3 => () => SafeAutograd.Grad(z, x),
            4 => () => SafeAutograd.Grad(z, x, torch.ones(4)),
            5 => () => SafeAutograd.Grad(z, x, torch.ones(3, dtype: ScalarType.Float32)),
            6 => () => SafeAutograd.Grad(y, Disposed(torch.randn(3).requires_grad_(true))),
            7 => () => SafeAutograd.Grad(z, x, Disposed(torch.ones(3))),
            8 => () => new[] { SafeAutograd.Grad(y, x), SafeAutograd.Grad(y, x), SafeAutograd.Grad(y, x) }, // valid: graph retained
            _ => () => SafeAutograd.Grad(SafeAutograd.Grad(y, x, createGraph: true), other, torch.ones(3)),
        });
    }

    private static (string, Func<object?>) SummaryCase(Random r)
    {
        double[] values = r.Next(4) switch
        {
            0 => Array.Empty<double>(),
            1 => new[] { 1.0, double.NaN },
            2 => new double[r.Next(1, 5)], // all zero: PositiveCurvature must be null, not NaN
            _ => new[] { 1e-300, -1e-300, 2.0, double.PositiveInfinity },
        };
        return ($"[{string.Join(",", values)}]", () => CurvatureSummary.FromEigenvalues(values));
    }

    private static (string, Func<object?>) LanczosCase(Random r)
    {
        var m = MatrixInput(r, validOnly: true);
        long n = m.shape[0];
        int k = Pick(r, new[] { 0, -1, (int)n + 1, (int)n + 4, 1, (int)n });
        double tol = Pick(r, new[] { 1e-8, 0, -1, double.NaN });
        int? maxIt = Pick(r, new int?[] { null, 0, -1, k - 1 });
        Tensor? start = Pick(r, new[] { null, torch.zeros(n), torch.randn(n + 1), WithNonFinite(r, torch.randn(n)) });
        return ($"n={n} k={k} tol={tol} maxIt={maxIt} start={(start is null ? "none" : Shape(start))}",
            () => Lanczos.Run(new MatrixOperator(m), k, tolerance: tol, maxIterations: maxIt, start: start));
    }

    private static (string, Func<object?>) SlqCase(Random r)
    {
        var m = MatrixInput(r, validOnly: true);
        int probes = r.Next(-1, 3), steps = Pick(r, new[] { 0, -1, (int)m.shape[0] + 1, 1, (int)m.shape[0] });
        double sigma = Pick(r, BadPositive.Append(0.1));
        return ($"n={m.shape[0]} probes={probes} steps={steps} sigma={sigma:R}", () => StochasticLanczosQuadrature.Run(new MatrixOperator(m), probes, steps, 1, sigma));
    }

    private (string, Func<object?>) ProjectedCase(Random r)
    {
        long n = _model.ParameterCount;
        var basis = r.Next(5) switch
        {
            0 => torch.randn(n + 1, 3),
            1 => torch.randn(n),
            2 => torch.randn(n, 3).to(ScalarType.Float32),
            3 => WithNonFinite(r, torch.randn(n * 3)).view(n, 3),
            _ => torch.randn(new[] { n, 0L }),
        };
        return (Shape(basis), () => DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(_point), basis)));
    }

    private static (string, Func<object?>) IdxCase(Random r)
    {
        int dims = r.Next(1, 4);
        var header = new List<byte> { 0, 0, 8, (byte)dims };
        for (int i = 0; i < dims; i++) header.AddRange(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(r.Next(1, 4))));
        var good = header.Concat(Enumerable.Repeat((byte)7, 64)).ToArray();
        byte[] bytes = r.Next(6) switch
        {
            0 => Array.Empty<byte>(),
            1 => good[..r.Next(0, good.Length)],                       // truncated
            2 => good.Concat(new byte[] { 1, 2, 3 }).ToArray(),         // trailing data
            3 => Corrupt(r, good),                                     // flipped bytes
            4 => Enumerable.Range(0, r.Next(0, 40)).Select(_ => (byte)r.Next(256)).ToArray(),
            _ => good.Take(4).Concat(new byte[] { 0x80, 0, 0, 0 }).Concat(new byte[12]).ToArray(), // negative size
        };
        return ($"{bytes.Length} bytes dims={dims}", () => IdxFile.Parse(bytes, Pick(r, new[] { dims, dims + 1 }), "fuzz.idx"));
    }

    private static byte[] Corrupt(Random r, byte[] good)
    {
        var b = (byte[])good.Clone();
        for (int i = 0; i < 3; i++) b[r.Next(Math.Min(b.Length, 16))] ^= (byte)r.Next(1, 256);
        return b;
    }

    private (string, Func<object?>) GradientDescentCase(Random r)
    {
        double lr = Pick(r, BadPositive.Concat(ExtremePositive));
        int steps = Pick(r, new[] { -1, 0, 2 }), every = Pick(r, new[] { 0, 1 });
        var init = r.Next(3) == 0 ? WithNonFinite(r, _theta) : _theta;
        return ($"lr={lr:R} steps={steps} every={every}", () => GradientDescent.Run(_objective, init, lr, steps, recordEvery: every).Records);
    }

    private (string, Func<object?>) SliceCase(Random r)
    {
        long start = Pick(r, new long[] { -1, 0, 8, 9, 20 }), length = Pick(r, new long[] { -1, 0, 1, 10 });
        bool batches = r.Next(2) == 0;
        return (batches ? $"Batches({length})" : $"Slice({start},{length})",
            () => batches ? _data.Batches(length).ToList() : _data.Slice(start, length).Inputs);
    }
}
