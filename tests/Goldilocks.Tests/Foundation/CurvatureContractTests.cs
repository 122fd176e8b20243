namespace Goldilocks.Tests.Foundation;

/// <summary>
/// The contract of the curvature layer beyond its exactness: random bases (each check alone, the QR sign convention,
/// the sparse-sign layout), the basis check every consumer shares, the linearisation point's life cycle and caching,
/// and the argument checks of the operators and their algebra, each with the message naming the problem.
/// </summary>
public sealed class CurvatureContractTests
{
    [Test]
    public void Basis_arguments_are_checked_one_by_one()
    {
        FluentActions.Invoking(() => SubspaceBasis.Create(0, 1, 1)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("P must be ≥ 1*").Which.ParamName.Should().Be("parameters");
        foreach (var d in new[] { 0, 6 })
            FluentActions.Invoking(() => SubspaceBasis.Create(5, d, 1)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage($"subspace dimension d must be in [1, P = 5], got {d}*").Which.ParamName.Should().Be("dimension");
        foreach (var nz in new[] { 0L, 6L })
            FluentActions.Invoking(() => SubspaceBasis.Create(5, 2, 1, BasisKind.SparseSign, nonZeros: nz)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage("non-zeros per column must be in [1, 5]*").Which.ParamName.Should().Be("nonZeros");
        using var scope = torch.NewDisposeScope();
        SubspaceBasis.Create(1, 1, 1).shape.Should().Equal(1, 1);
        SubspaceBasis.Create(5, 5, 1).shape.Should().Equal(5, 5);
        SubspaceBasis.Create(5, 2, 1, BasisKind.SparseSign, nonZeros: 5).shape.Should().Equal(5, 2);
        SubspaceBasis.Create(5, 2, 1, BasisKind.SparseSign, nonZeros: 1).shape.Should().Equal(5, 2);
        FluentActions.Invoking(() => SubspaceBasis.Create(5, 2, 1, (BasisKind)7)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("unknown basis kind*");
    }

    /// <summary>The Gaussian basis is Q of the QR of the seeded Gaussian draw with diag(R) &gt; 0: VᵀG is upper
    /// triangular with a positive diagonal, for the draw G repeated here from the same seed.</summary>
    [Test]
    public void Gaussian_basis_is_the_sign_fixed_QR_of_the_seeded_draw()
    {
        using var scope = torch.NewDisposeScope();
        const int p = 30, d = 6;
        var v = SubspaceBasis.Create(p, d, seed: 12);
        var g = torch.randn(new long[] { p, d }, dtype: ScalarType.Float64, generator: new torch.Generator(12));
        var r = v.t().matmul(g);
        double offDiagonal = torch.tril(r, -1).abs().max().ToDouble();
        offDiagonal.Should().BeLessThan(1e-13, "VᵀG = R is upper triangular");
        r.diagonal().min().ToDouble().Should().BeGreaterThan(0, "the sign of QR is fixed so that diag(R) > 0");
        (v.t().matmul(v) - torch.eye(d, dtype: ScalarType.Float64)).abs().max().ToDouble().Should().BeLessThan(1e-14, "orthonormal columns");
        var f32 = SubspaceBasis.Create(p, d, seed: 12, dtype: ScalarType.Float32);
        f32.dtype.Should().Be(ScalarType.Float32);
        (f32.to(ScalarType.Float64) - v).abs().max().ToDouble().Should().BeLessThan(1e-6, "the float64 basis rounded");
        SubspaceBasis.Create(p, d, seed: 12).device.type.Should().Be(DeviceType.CPU);
    }

    [Test]
    public void Sparse_sign_columns_have_n_entries_of_plus_or_minus_one_over_root_n()
    {
        using var scope = torch.NewDisposeScope();
        const int p = 40, d = 12;
        var fixedN = SubspaceBasis.Create(p, d, 3, BasisKind.SparseSign, nonZeros: 4);
        for (int j = 0; j < d; j++)
        {
            var column = fixedN[.., j];
            var nonZero = column.abs() > 0;
            nonZero.sum().ToInt64().Should().Be(4, $"column {j}");
            (column.abs()[nonZero] - 0.5).abs().max().ToDouble().Should().Be(0, $"column {j}: entries ±1/√4");
        }
        (fixedN > 0).sum().ToInt64().Should().BeInRange(1, 4 * d - 1, "both signs occur");
        var random = SubspaceBasis.Create(p, d, 3, BasisKind.SparseSign);
        var counts = Enumerable.Range(0, d).Select(j => (random[.., j].abs() > 0).sum().ToInt64()).ToArray();
        counts.Should().OnlyContain(n => n >= 1 && n <= p);
        counts.Distinct().Count().Should().BeGreaterThan(1, $"n is drawn per column (counts {string.Join(", ", counts)})");
        for (int j = 0; j < d; j++)
        {
            var column = random[.., j];
            column.norm().ToDouble().Should().BeApproximately(1.0, 1e-14, $"column {j} is a unit vector");
            (column.abs()[column.abs() > 0] - 1 / Math.Sqrt(counts[j])).abs().max().ToDouble().Should().BeLessThan(1e-16);
        }
    }

    [Test]
    public void Basis_check_names_each_problem()
    {
        using var scope = torch.NewDisposeScope();
        var cpu = torch.CPU;
        FluentActions.Invoking(() => SubspaceBasis.Validate(null!, 5, ScalarType.Float64, cpu, "V")).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("V");
        foreach (var (bad, shape) in new[] { (torch.ones(5, dtype: ScalarType.Float64), "[5]"), (torch.ones(4, 2, dtype: ScalarType.Float64), "[4, 2]"), (torch.ones(5, 0, dtype: ScalarType.Float64), "[5, 0]") })
            FluentActions.Invoking(() => SubspaceBasis.Validate(bad, 5, ScalarType.Float64, cpu, "V")).Should().Throw<ArgumentException>()
                .WithMessage($"V must have shape [5, d] with d ≥ 1, got {shape}*").Which.ParamName.Should().Be("V");
        FluentActions.Invoking(() => SubspaceBasis.Validate(torch.ones(5, 2, dtype: ScalarType.Float32), 5, ScalarType.Float64, cpu)).Should().Throw<ArgumentException>()
            .WithMessage("basis has dtype Float32, expected Float64*");
        var nan = torch.ones(5, 2, dtype: ScalarType.Float64);
        nan[1, 1] = torch.tensor(double.NaN);
        FluentActions.Invoking(() => SubspaceBasis.Validate(nan, 5, ScalarType.Float64, cpu)).Should().Throw<ArgumentException>().WithMessage("basis contains NaN or infinite values*");
        var good = torch.ones(5, 2, dtype: ScalarType.Float64);
        ReferenceEquals(SubspaceBasis.Validate(good, 5, ScalarType.Float64, cpu), good).Should().BeTrue("the basis is returned unchanged");
    }

    [Test]
    public void Linearization_point_copies_theta_caches_its_graphs_and_refuses_use_after_disposal()
    {
        using var c = EngineCases.Create("MLP-Tanh-bias");
        var objective = c.Objective(1.0, batchSize: 5);
        FluentActions.Invoking(() => new LinearizationPoint(null!, c.Theta)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("objective");
        FluentActions.Invoking(() => new LinearizationPoint(objective, c.Theta[..3])).Should().Throw<ArgumentException>().WithMessage("*theta*");
        using var scope = torch.NewDisposeScope();
        var theta = c.Theta.clone();
        var point = new LinearizationPoint(objective, theta);
        (point.Size, point.DType, point.Device.type, ReferenceEquals(point.Objective, objective)).Should().Be((c.Model.ParameterCount, ScalarType.Float64, DeviceType.CPU, true));
        theta.zero_();
        (point.Theta - c.Theta).abs().max().ToDouble().Should().Be(0, "the point holds a copy of θ");
        (point.Theta.requires_grad, point.Theta.is_leaf).Should().Be((true, true));
        var graphs = point.Graphs();
        graphs.Should().HaveCount(3, "12 samples in batches of 5");
        graphs.Select(b => b.Logits.shape[0]).Should().Equal(5L, 5L, 2L);
        ReferenceEquals(point.Graphs()[0].Logits, graphs[0].Logits).Should().BeTrue("the forward passes run once");
        var batch = graphs[0];
        ReferenceEquals(batch.Gradient, batch.Gradient).Should().BeTrue("each first-order graph is built once");
        ReferenceEquals(batch.JacobianTransposeDummy, batch.Gradient).Should().BeTrue();
        ReferenceEquals(batch.Residual, batch.Residual).Should().BeTrue();
        ReferenceEquals(batch.Dummy, batch.Dummy).Should().BeTrue();
        ReferenceEquals(batch.LossSum, batch.LossSum).Should().BeTrue();
        ReferenceEquals(batch.JacobianTransposeResidual, batch.JacobianTransposeResidual).Should().BeTrue();
        (batch.Dummy.abs().max().ToDouble(), batch.Dummy.requires_grad).Should().Be((0.0, true), "the dummy w is zero and requires grad");
        batch.Residual.requires_grad.Should().BeFalse("r = ∂ℓ/∂z is held constant");
        double lossSum = batch.LossSum.ToDouble();
        lossSum.Should().BeApproximately(objective.Loss.Sum(c.Model.Forward(c.Theta, c.Data.Inputs[..5]), c.Data.Targets[..5]).ToDouble(), 1e-13);
        var mean = point.MeanOverBatches(b => b.Logits.sum().reshape(1));
        mean.ToDouble().Should().BeApproximately(c.Model.Forward(c.Theta, c.Data.Inputs).sum().ToDouble() / 12, 1e-13, "Σ over batches / N");
        FluentActions.Invoking(() => point.MeanOverBatches(b => b.Logits.sum().reshape(1) / 0.0)).Should().Throw<OverflowException>().WithMessage("the curvature product*");
        var constant = torch.ones(c.Model.ParameterCount, dtype: ScalarType.Float64);
        point.SecondOrderProduct(constant, constant).abs().max().ToDouble().Should().Be(0, "a g without gradient history does not depend on θ");

        point.Dispose();
        FluentActions.Invoking(() => point.Theta).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => point.Binding).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => point.Graphs()).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => point.MeanOverBatches(b => b.Logits)).Should().Throw<ObjectDisposedException>();
        point.Dispose();
    }

    [Test]
    public void Operators_check_their_arguments_one_by_one()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => new MatrixOperator(torch.ones(2, 3, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>()
            .WithMessage("a non-empty square matrix is required, got [2, 3]*");
        FluentActions.Invoking(() => new MatrixOperator(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("*got [3]*");
        FluentActions.Invoking(() => new MatrixOperator(torch.ones(0, 0, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("*got [0, 0]*");
        var nan = torch.eye(2, dtype: ScalarType.Float64); nan[0, 1] = torch.tensor(double.NaN);
        FluentActions.Invoking(() => new MatrixOperator(nan)).Should().Throw<ArgumentException>().WithMessage("matrix contains NaN*");
        var a = new MatrixOperator(torch.diag(torch.tensor(new[] { 1.0, 2, 3 }, dtype: ScalarType.Float64)));
        (a.Size, a.DType, a.Device.type).Should().Be((3L, ScalarType.Float64, DeviceType.CPU));
        FluentActions.Invoking(() => a.Apply(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => a.Apply(torch.ones(4, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("v must have shape [3], got [4]*");
        FluentActions.Invoking(() => a.Apply(torch.ones(3, dtype: ScalarType.Float32))).Should().Throw<ArgumentException>().WithMessage("v has dtype Float32*");
        FluentActions.Invoking(() => a.Apply(torch.full(3, double.PositiveInfinity, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("v contains NaN*");
        FluentActions.Invoking(() => a.ApplyColumns(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("columns must have shape [3, m], got [3]*");
        FluentActions.Invoking(() => a.ApplyColumns(torch.ones(2, 2, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("columns must have shape [3, m], got [2, 2]*");
        a.ApplyColumns(torch.ones(3, 2, dtype: ScalarType.Float64)).data<double>().ToArray().Should().Equal(1, 1, 2, 2, 3, 3);

        FluentActions.Invoking(() => new DelegateOperator(3, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new DelegateOperator(3, _ => null!).Apply(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<InvalidOperationException>()
            .WithMessage("the operator's function returned null");
        FluentActions.Invoking(() => new DelegateOperator(3, x => x.unsqueeze(0)).Apply(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<InvalidOperationException>()
            .WithMessage("the operator's function returned shape [1, 3] for v of shape [3]");
        FluentActions.Invoking(() => new DelegateOperator(3, x => x.to(ScalarType.Float32) * 2, ScalarType.Float64).Apply(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<InvalidOperationException>()
            .WithMessage("the operator's function returned Float32 on cpu; the operator is Float64 on cpu");
        var f32 = new DelegateOperator(3, x => x * 2, ScalarType.Float32);
        (f32.DType, f32.Size).Should().Be((ScalarType.Float32, 3L));
        f32.Apply(torch.ones(3, dtype: ScalarType.Float32)).data<float>().ToArray().Should().Equal(2f, 2f, 2f);
    }

    [Test]
    public void Linear_combinations_check_each_term()
    {
        using var scope = torch.NewDisposeScope();
        var a = new MatrixOperator(torch.diag(torch.tensor(new[] { 1.0, 2, 3 }, dtype: ScalarType.Float64)));
        var b = new MatrixOperator(torch.eye(3, dtype: ScalarType.Float64));
        FluentActions.Invoking(() => new LinearCombinationOperator(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new LinearCombinationOperator(Array.Empty<(double, ICurvatureOperator)>())).Should().Throw<ArgumentException>()
            .WithMessage("a linear combination needs at least one operator*");
        FluentActions.Invoking(() => new LinearCombinationOperator(new[] { (1.0, (ICurvatureOperator)null!) })).Should().Throw<ArgumentException>().WithMessage("operator 0 is null*");
        FluentActions.Invoking(() => new LinearCombinationOperator(new[] { (1.0, (ICurvatureOperator)a), (1.0, null!) })).Should().Throw<ArgumentException>().WithMessage("operator 1 is null*");
        foreach (var c in new[] { double.NaN, double.PositiveInfinity })
            FluentActions.Invoking(() => new LinearCombinationOperator(new[] { (1.0, (ICurvatureOperator)a), (c, b) })).Should().Throw<ArgumentException>()
                .WithMessage($"coefficient 1 must be finite, got {c}*");
        var four = new MatrixOperator(torch.eye(4, dtype: ScalarType.Float64));
        FluentActions.Invoking(() => a.Plus(four)).Should().Throw<ArgumentException>().WithMessage("operator 1 (MatrixOperator) has size 4, operator 0 (MatrixOperator) has 3*");
        var single = new MatrixOperator(torch.eye(3, dtype: ScalarType.Float32));
        FluentActions.Invoking(() => a.Minus(single)).Should().Throw<ArgumentException>().WithMessage("operator 1 (MatrixOperator) has dtype Float32, operator 0 (MatrixOperator) has Float64*");
        FluentActions.Invoking(() => OperatorAlgebra.Plus(null!, b)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => a.Plus(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => OperatorAlgebra.Scale(null!, 2)).Should().Throw<ArgumentNullException>();

        var combination = new LinearCombinationOperator(new[] { (2.0, (ICurvatureOperator)a), (-0.5, b), (3.0, a) });
        combination.Terms.Select(t => t.Coefficient).Should().Equal(2.0, -0.5, 3.0);
        (combination.Size, combination.DType, combination.Device.type).Should().Be((3L, ScalarType.Float64, DeviceType.CPU));
        combination.Apply(torch.ones(3, dtype: ScalarType.Float64)).data<double>().ToArray().Should().Equal(4.5, 9.5, 14.5);
        a.Scale(-2).Apply(torch.ones(3, dtype: ScalarType.Float64)).data<double>().ToArray().Should().Equal(-2, -4, -6);
        a.Minus(b).Apply(torch.ones(3, dtype: ScalarType.Float64)).data<double>().ToArray().Should().Equal(0, 1, 2);
        var huge = new MatrixOperator(torch.eye(3, dtype: ScalarType.Float64) * 1e308);
        FluentActions.Invoking(() => huge.Plus(huge).Apply(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<OverflowException>().WithMessage("the linear combination's product*");
    }

    [Test]
    public void Dense_materialisation_refuses_large_operators_unless_allowed()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => DenseMaterializer.Materialize(null!)).Should().Throw<ArgumentNullException>();
        var large = new DelegateOperator(DenseMaterializer.DefaultLimit + 1, x => x * 2);
        FluentActions.Invoking(() => DenseMaterializer.Materialize(large)).Should().Throw<ArgumentException>()
            .WithMessage("operator of size 4097 is too large to materialise densely (limit 4096; pass allowLarge)*");
        var small = new DelegateOperator(3, x => x * 2);
        DenseMaterializer.Materialize(small).data<double>().ToArray().Should().Equal(2, 0, 0, 0, 2, 0, 0, 0, 2);
        DenseMaterializer.Materialize(small, allowLarge: true).shape.Should().Equal(3, 3);
    }

    [Test]
    public void Small_sparse_sign_bases_draw_n_in_one_to_P()
    {
        using var scope = torch.NewDisposeScope();
        var one = SubspaceBasis.Create(1, 1, 5, BasisKind.SparseSign);
        one.abs().ToDouble().Should().Be(1.0, "P = 1: the one entry is ±1");
        var two = SubspaceBasis.Create(2, 2, 5, BasisKind.SparseSign);
        for (int j = 0; j < 2; j++) two[.., j].norm().ToDouble().Should().BeApproximately(1.0, 1e-15, $"column {j}");
    }

    [Test]
    public void Disposal_frees_the_point_and_its_graphs_and_stale_batches_build_nothing()
    {
        using var c = EngineCases.Create("MLP-Tanh-bias");
        var point = new LinearizationPoint(c.Objective(1.0), c.Theta);
        var theta = point.Theta;
        var batch = point.Graphs()[0];
        var logits = batch.Logits;
        var gradient = batch.Gradient;
        point.Dispose();
        (theta.IsInvalid, logits.IsInvalid, gradient.IsInvalid).Should().Be((true, true, true), "θ and every graph tensor are freed");
        FluentActions.Invoking(() => batch.Residual).Should().Throw<ObjectDisposedException>("a batch of a disposed point builds nothing");

        using var m = Goldilocks.Tests.Modules.ModuleCases.Create("LeakyReLU-MLP-bias");
        using var scope = torch.NewDisposeScope();
        var objective = m.ModuleObjective();
        using var modulePoint = new LinearizationPoint(objective, m.Theta);
        var stale = modulePoint.Graphs()[0];
        objective.Value(m.Theta * 2); // overwrites the module's parameters
        FluentActions.Invoking(() => stale.LossSum).Should().Throw<InvalidOperationException>().WithMessage("*were overwritten*");
        FluentActions.Invoking(() => stale.Residual).Should().Throw<InvalidOperationException>().WithMessage("*were overwritten*");
        FluentActions.Invoking(() => stale.Dummy).Should().Throw<InvalidOperationException>().WithMessage("*were overwritten*");
    }

    /// <summary>An operator that does not check its argument, to see that the operators built on it do.</summary>
    private sealed class Unchecked(long size) : ICurvatureOperator
    {
        public long Size => size;
        public ScalarType DType => ScalarType.Float64;
        public Device Device => torch.CPU;
        public Tensor Apply(Tensor v) => v * 1.0;
    }

    [Test]
    public void Composite_operators_check_the_vector_themselves()
    {
        using var scope = torch.NewDisposeScope();
        var inner = new Unchecked(3);
        var bad = torch.ones(4, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => inner.Scale(2).Apply(bad)).Should().Throw<ArgumentException>().WithMessage("v must have shape [3], got [4]*");
        var projected = new ProjectedOperator(inner, torch.eye(3, dtype: ScalarType.Float64)[.., ..2]);
        projected.Size.Should().Be(2);
        FluentActions.Invoking(() => projected.Apply(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("v must have shape [2], got [3]*");
        var d = new DelegateOperator(3, x => x * 2);
        FluentActions.Invoking(() => d.Apply(bad)).Should().Throw<ArgumentException>().WithMessage("v must have shape [3], got [4]*");
        FluentActions.Invoking(() => new DelegateOperator(0, x => x)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("size must be ≥ 1*");
        var unit = new DelegateOperator(1, x => x * 3);
        (unit.Size, unit.Device.type).Should().Be((1L, DeviceType.CPU));
        unit.Apply(torch.ones(1, dtype: ScalarType.Float64)).ToDouble().Should().Be(3);
        FluentActions.Invoking(() => new DelegateOperator(3, x => x / 0.0).Apply(torch.ones(3, dtype: ScalarType.Float64))).Should().Throw<OverflowException>()
            .WithMessage("the operator's product contains NaN*");
        FluentActions.Invoking(() => new LinearCombinationOperator(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("terms");
    }

    [Test]
    public void Projected_matrices_are_disposed_together_and_need_a_point()
    {
        using var c = EngineCases.Create("MLP-Tanh-bias");
        using var point = new LinearizationPoint(c.Objective(1.0), c.Theta);
        using var scope = torch.NewDisposeScope();
        var basis = SubspaceBasis.Create(c.Model.ParameterCount, 3, 1);
        FluentActions.Invoking(() => ProjectedCurvature.Compute(null!, basis)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("point");
        var m = ProjectedCurvature.Compute(point, basis);
        m.Dispose();
        (m.Hessian.IsInvalid, m.GTerm.IsInvalid, m.HTerm.IsInvalid).Should().Be((true, true, true));
    }

    [Test]
    public void Dense_materialisation_takes_the_limit_itself()
    {
        using var scope = torch.NewDisposeScope();
        var limit = new DelegateOperator(DenseMaterializer.DefaultLimit, x => x * 2);
        var dense = DenseMaterializer.Materialize(limit);
        dense.shape.Should().Equal(4096, 4096);
        dense.trace().ToDouble().Should().Be(2 * 4096);
    }
}
