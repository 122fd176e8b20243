namespace Goldilocks.Tests.Foundation;

/// <summary>
/// The contract of power iteration, subspace iteration (plain and warm-started), stochastic Lanczos quadrature and the
/// curvature summary: each argument check alone with its message, and the result records against diagonal operators
/// whose eigenpairs, quadrature nodes and weights are known in closed form.
/// </summary>
public sealed class SpectralContractTests
{
    /// <summary>diag(d) as an operator that counts its products.</summary>
    private static (ICurvatureOperator Op, Func<int> Products) Diagonal(params double[] d)
    {
        var diagonal = torch.tensor(d, dtype: ScalarType.Float64);
        int count = 0;
        return (new DelegateOperator(d.Length, v => { count++; return diagonal * v; }), () => count);
    }

    private static Tensor Dense(params double[] d) => torch.diag(torch.tensor(d, dtype: ScalarType.Float64));

    private static double TrueResidual(Tensor dense, double lambda, Tensor y) => (dense.matmul(y) - lambda * y).norm().ToDouble();

    [Test]
    public void Power_iteration_checks_its_arguments()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = Diagonal(1, 2, 10);
        FluentActions.Invoking(() => PowerIteration.Run(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => PowerIteration.Run(op, maxIterations: 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("maxIterations must be ≥ 1*").Which.ParamName.Should().Be("maxIterations");
        foreach (var tolerance in new[] { 0.0, -1.0, double.NaN })
            FluentActions.Invoking(() => PowerIteration.Run(op, tolerance: tolerance)).Should().Throw<ArgumentOutOfRangeException>()
                .Which.ParamName.Should().Be("tolerance");
    }

    /// <summary>
    /// The record at every budget m = 1 … 40 on diag(1, 2, 10) (and with the dominant eigenvalue negative): Iterations is
    /// the number of products, the residual is ‖Av − λv‖ of the returned unit vector, λ its Rayleigh quotient, and the run
    /// stops at the first m whose residual is ≤ tolerance·|λ|, which is when Converged is set.
    /// </summary>
    [TestCase(10.0)]
    [TestCase(-10.0)]
    public void Power_iteration_record_matches_the_operator_and_its_stopping_rule(double dominant)
    {
        const double tolerance = 1e-6;
        using var scope = torch.NewDisposeScope();
        var dense = Dense(1, 2, dominant);
        int stoppedAt = 0;
        for (int m = 1; m <= 40; m++)
        {
            var (op, products) = Diagonal(1, 2, dominant);
            var r = PowerIteration.Run(op, tolerance, maxIterations: m, seed: 3);
            var y = r.Eigenvectors[.., 0];
            (r.Count, r.Eigenvectors.shape[0], r.Eigenvectors.shape[1]).Should().Be((1, 3L, 1L));
            y.norm().ToDouble().Should().BeApproximately(1.0, 1e-15);
            r.Iterations.Should().Be(products(), "Iterations counts the products");
            r.Top.Should().BeApproximately(y.dot(dense.matmul(y)).ToDouble(), 1e-13, $"m = {m}: λ is the Rayleigh quotient of the returned vector");
            r.Residuals[0].Should().BeApproximately(TrueResidual(dense, r.Top, y), 1e-13, $"m = {m}: residual of the returned pair");
            bool met = r.Residuals[0] <= tolerance * Math.Abs(r.Top);
            r.Converged.Should().Be(met, $"m = {m}: residual {r.Residuals[0]:E3} vs tolerance·|λ| = {tolerance * Math.Abs(r.Top):E3}");
            if (stoppedAt == 0)
            {
                r.Iterations.Should().Be(m, $"not yet converged: the whole budget of {m} is spent");
                if (met) stoppedAt = m;
            }
            else
            {
                r.Iterations.Should().Be(stoppedAt, $"the run stops at the first converged product ({stoppedAt}), whatever the budget");
            }
        }
        stoppedAt.Should().BeInRange(2, 39, "the pair converges within the budgets tried, not at once");
        PowerIteration.Run(Diagonal(1, 2, dominant).Op, tolerance, seed: 3).Top.Should().BeApproximately(dominant, 1e-5 * 10);
    }

    [Test]
    public void Power_iteration_of_the_zero_operator_stops_at_once()
    {
        using var scope = torch.NewDisposeScope();
        var (op, products) = Diagonal(0, 0, 0);
        var r = PowerIteration.Run(op, maxIterations: 50);
        (r.Top, r.Residuals[0], r.Iterations, r.Converged, products()).Should().Be((0.0, 0.0, 1, true, 1));
    }

    [Test]
    public void Subspace_iteration_checks_its_arguments()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = Diagonal(1, 2, 3, 4);
        var start = torch.eye(4, dtype: ScalarType.Float64)[.., ..2];
        FluentActions.Invoking(() => SubspaceIteration.Run(null!, start, 1)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SubspaceIteration.Run(op, null!, 1)).Should().Throw<ArgumentNullException>();
        foreach (var (bad, shape) in new[] { (torch.ones(4, dtype: ScalarType.Float64), "[4]"), (torch.ones(3, 2, dtype: ScalarType.Float64), "[3, 2]"),
                     (torch.ones(4, 0, dtype: ScalarType.Float64), "[4, 0]"), (torch.ones(4, 5, dtype: ScalarType.Float64), "[4, 5]") })
            FluentActions.Invoking(() => SubspaceIteration.Run(op, bad, 1)).Should().Throw<ArgumentException>()
                .WithMessage($"start block must have shape [4, b] with 1 ≤ b ≤ 4, got {shape}*").Which.ParamName.Should().Be("start");
        FluentActions.Invoking(() => SubspaceIteration.Run(op, start, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("iterations must be ≥ 1*").Which.ParamName.Should().Be("iterations");
        FluentActions.Invoking(() => SubspaceIteration.Run(op, start, 1, tolerance: 0)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("tolerance");
        SubspaceIteration.Run(op, torch.eye(4, dtype: ScalarType.Float64), 1).Count.Should().Be(4, "b = n is allowed");
        SubspaceIteration.Run(op, start[.., ..1], 1).Count.Should().Be(1, "b = 1 is allowed");
    }

    /// <summary>From a start block spanning two eigenvectors of diag(1, 2, 3, 4), one product gives those pairs exactly,
    /// in descending order, with zero residuals; the record counts b products per iteration.</summary>
    [Test]
    public void Subspace_iteration_from_an_invariant_block_is_exact()
    {
        using var scope = torch.NewDisposeScope();
        var (op, products) = Diagonal(1, 2, 3, 4);
        var start = torch.eye(4, dtype: ScalarType.Float64).index_select(1, torch.tensor(new long[] { 1, 3 })); // e₂, e₄
        var r = SubspaceIteration.Run(op, start, iterations: 3);
        r.Eigenvalues.Should().Equal(4.0, 2.0);
        r.Residuals.Should().Equal(0.0, 0.0);
        (r.Iterations, products(), r.Converged).Should().Be((6, 6, true));
        r.Eigenvectors[.., 0].abs().data<double>().ToArray().Should().Equal(0, 0, 0, 1);
        r.Eigenvectors[.., 1].abs().data<double>().ToArray().Should().Equal(0, 1, 0, 0);
        var zero = SubspaceIteration.Run(Diagonal(0, 0, 0).Op, torch.eye(3, dtype: ScalarType.Float64)[.., ..2], 1);
        (zero.Converged, zero.Eigenvalues.All(l => l == 0)).Should().Be((true, true), "the zero operator is converged at once");
    }

    [Test]
    public void Warm_started_solver_checks_its_arguments_and_keeps_its_settings()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => new WarmStartedSubspaceIteration(blockSize: 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("the block needs at least one column*").Which.ParamName.Should().Be("blockSize");
        FluentActions.Invoking(() => new WarmStartedSubspaceIteration(iterations: 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("iterations must be ≥ 1*").Which.ParamName.Should().Be("iterations");
        FluentActions.Invoking(() => new WarmStartedSubspaceIteration(tolerance: double.NaN)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("tolerance");
        using var solver = new WarmStartedSubspaceIteration(blockSize: 2, iterations: 3, seed: 9, tolerance: 1e-5);
        (solver.BlockSize, solver.Iterations, solver.Seed, solver.Tolerance).Should().Be((2, 3, 9L, 1e-5));
        var (op, products) = Diagonal(1, 2, 3, 4);
        FluentActions.Invoking(() => solver.Solve(null!, 1)).Should().Throw<ArgumentNullException>();
        foreach (var k in new[] { 0, 3 })
            FluentActions.Invoking(() => solver.Solve(op, k)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage($"need 1 ≤ k ({k}) ≤ block size (2) ≤ n (4)*").Which.ParamName.Should().Be("k");
        using var wide = new WarmStartedSubspaceIteration(blockSize: 5);
        FluentActions.Invoking(() => wide.Solve(op, 1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("need 1 ≤ k (1) ≤ block size (5) ≤ n (4)*");
        var r = solver.Solve(op, 2);
        (r.Count, r.Iterations, products()).Should().Be((2, 6, 6));
        using var narrow = new WarmStartedSubspaceIteration(blockSize: 1, iterations: 1);
        narrow.Solve(op, 1).Count.Should().Be(1, "a block of one column is allowed");
        using var full = new WarmStartedSubspaceIteration(blockSize: 4, iterations: 1);
        full.Solve(op, 4).Count.Should().Be(4, "b = n is allowed");
        solver.Solve(op, 1).Count.Should().Be(2, "every call returns the whole block");
    }

    /// <summary>The tolerance reaches the record, and disposing the solver restarts it from its seeded block.</summary>
    [Test]
    public void Warm_started_solver_reports_against_its_tolerance_and_restarts_after_disposal()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = Diagonal(1, 2, 3, 4, 5, 6, 7, 8);
        using var strict = new WarmStartedSubspaceIteration(blockSize: 2, iterations: 1, seed: 4, tolerance: 1e-8);
        using var loose = new WarmStartedSubspaceIteration(blockSize: 2, iterations: 1, seed: 4, tolerance: 10);
        var a = strict.Solve(op, 2);
        var b = loose.Solve(op, 2);
        a.Eigenvalues.Should().Equal(b.Eigenvalues, "the same seed and block give the same pairs");
        (a.Converged, b.Converged).Should().Be((false, true), $"residuals {string.Join(", ", a.Residuals.Select(x => x.ToString("E2")))} against 1e-8 and 10 × max|λ|");
        var second = strict.Solve(op, 2);
        second.Eigenvalues.Should().NotEqual(a.Eigenvalues, "the second call continues from the first call's block");
        strict.Dispose();
        strict.Solve(op, 2).Eigenvalues.Should().Equal(a.Eigenvalues, "after disposal the solver starts again from its seed");
    }

    [Test]
    public void Lanczos_quadrature_checks_its_arguments_and_keeps_its_settings()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = Diagonal(1, 2, 3, 4);
        FluentActions.Invoking(() => StochasticLanczosQuadrature.Run(null!, 1, 1, 0, 0.1)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => StochasticLanczosQuadrature.Run(op, 0, 1, 0, 0.1)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("probes must be ≥ 1*").Which.ParamName.Should().Be("probes");
        foreach (var steps in new[] { 0, 5 })
            FluentActions.Invoking(() => StochasticLanczosQuadrature.Run(op, 1, steps, 0, 0.1)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage("steps must be in [1, 4]*").Which.ParamName.Should().Be("steps");
        FluentActions.Invoking(() => StochasticLanczosQuadrature.Run(op, 1, 1, 0, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("sigma");
        var density = StochasticLanczosQuadrature.Run(op, 2, 3, 5, 0.25);
        (density.Probes, density.Steps, density.Sigma, density.Nodes.Length).Should().Be((2, 3, 0.25, 6), "3 steps give 3 nodes per probe");
        StochasticLanczosQuadrature.Run(op, 2, 4, 5, 0.25).Nodes.Length.Should().Be(8, "steps = n is allowed");
        StochasticLanczosQuadrature.Run(op, 1, 1, 5, 0.25).Nodes.Length.Should().Be(1, "one step gives one node");
    }

    /// <summary>
    /// With n steps on diag(1, 2, 3, 4) the Gauss quadrature is exact: each probe's nodes are the four eigenvalues and
    /// its weights (vᵀe_i)²/‖v‖² = 1/4 for a Rademacher v, divided by the number of probes. On the identity the first β
    /// is 0, so each probe contributes one node 1 with weight 1/probes.
    /// </summary>
    [Test]
    public void Lanczos_quadrature_of_diagonal_operators_is_the_closed_form()
    {
        using var scope = torch.NewDisposeScope();
        const int probes = 3;
        var density = StochasticLanczosQuadrature.Run(Diagonal(1, 2, 3, 4).Op, probes, 4, 7, 0.1);
        for (int p = 0; p < probes; p++)
            density.Nodes.Skip(4 * p).Take(4).Order().Should().Equal(new[] { 1.0, 2, 3, 4 }, (a, b) => Math.Abs(a - b) < 1e-13, $"probe {p}");
        density.Weights.Should().OnlyContain(w => Math.Abs(w - 1.0 / (4 * probes)) < 1e-15);
        var identity = StochasticLanczosQuadrature.Run(Diagonal(1, 1, 1, 1).Op, probes, 4, 7, 0.1);
        identity.Nodes.Should().Equal(new[] { 1.0, 1, 1 }, (a, b) => Math.Abs(a - b) < 1e-15);
        identity.Weights.Should().Equal(new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    /// <summary>
    /// Breakdown is relative to the largest |α| and β so far: on diag(1, −1, 1 + δ, −(1 + δ)) with δ = 1e-13 a
    /// Rademacher start has α₀ = α₁ = 0 up to round-off (the spectrum is symmetric and every v_i² is 1/4), β₀ ≈ 1 and
    /// β₁ = ‖(diag(d²) − β₀²)v‖/β₀ ≈ δ = 1e-13, below 1e-12·max(|α|, β): each probe stops after two nodes, the two
    /// clusters ±1 with weight ½. A threshold taken from the smaller of |α| and β (about 0 here) or no threshold at all
    /// would go on from a round-off direction.
    /// </summary>
    [Test]
    public void Lanczos_quadrature_stops_when_beta_falls_below_1e_12_of_the_largest_coefficient()
    {
        using var scope = torch.NewDisposeScope();
        const int probes = 3;
        const double delta = 1e-13;
        var density = StochasticLanczosQuadrature.Run(Diagonal(1, -1, 1 + delta, -(1 + delta)).Op, probes, 4, 7, 0.1);
        density.Nodes.Should().HaveCount(2 * probes, $"two nodes per probe, got [{string.Join(", ", density.Nodes.Select(x => x.ToString("R")))}]");
        density.Nodes.Select(Math.Abs).Should().OnlyContain(x => Math.Abs(x - 1) < 1e-12, "the clusters ±1 (to δ)");
        density.Nodes.Count(x => x > 0).Should().Be(probes, "one positive node per probe");
        density.Weights.Should().OnlyContain(w => Math.Abs(w - 1.0 / (2 * probes)) < 1e-12, "weight ½ per cluster and probe");
    }

    [Test]
    public void Spectral_density_evaluates_the_Gaussian_mixture()
    {
        var density = new SpectralDensity(new[] { 0.0, 2.0 }, new[] { 0.25, 0.75 }, 0.5, 1, 2);
        double N(double x, double mu) => Math.Exp(-0.5 * Math.Pow((x - mu) / 0.5, 2)) / (0.5 * Math.Sqrt(2 * Math.PI));
        var grid = new[] { -1.0, 0.0, 0.7, 2.0 };
        density.Evaluate(grid).Should().Equal(grid.Select(x => 0.25 * N(x, 0) + 0.75 * N(x, 2)), (a, b) => Math.Abs(a - b) < 1e-15);
        density.Evaluate(new[] { 0.0 })[0].Should().BeApproximately(0.25 / (0.5 * Math.Sqrt(2 * Math.PI)) + 0.75 * Math.Exp(-8) / (0.5 * Math.Sqrt(2 * Math.PI)), 1e-15);
    }

    [Test]
    public void Curvature_summary_of_a_closed_form_spectrum()
    {
        var s = CurvatureSummary.FromEigenvalues(new[] { 3.0, -1.0, 0.0, 2.0, -5.0 });
        (s.Size, s.Trace, s.SpectralNorm, s.MinEigenvalue, s.MaxEigenvalue, s.LocalConvexity).Should().Be((5, -1.0, 5.0, -5.0, 3.0, 0.4));
        s.Frobenius.Should().BeApproximately(Math.Sqrt(39), 1e-15);
        s.PositiveCurvature.Should().BeApproximately(-1 / Math.Sqrt(39), 1e-15);
        s.RequirePositiveCurvature().Should().Be(s.PositiveCurvature!.Value);
        CurvatureSummary.FromEigenvalues(new[] { 1.0, 1e-13 }).LocalConvexity.Should().Be(0.5, "1e-13 ≤ 1e-12·max|λ| counts as zero");
        CurvatureSummary.FromEigenvalues(new[] { 1.0, 2e-12 }).LocalConvexity.Should().Be(1.0, "2e-12 > 1e-12·max|λ| is positive");
        CurvatureSummary.FromEigenvalues(new[] { -1e6, 1e-7 }).LocalConvexity.Should().Be(0.0, "the cut scales with max|λ|: 1e-7 ≤ 1e-12 × 1e6");
        var zero = CurvatureSummary.FromEigenvalues(new[] { 0.0, 0.0 });
        (zero.PositiveCurvature, zero.Frobenius, zero.LocalConvexity).Should().Be(((double?)null, 0.0, 0.0));
        FluentActions.Invoking(() => zero.RequirePositiveCurvature()).Should().Throw<InvalidOperationException>()
            .WithMessage("positive curvature Tr(A)/‖A‖_F is undefined: the matrix is zero (‖A‖_F = 0)");
        FluentActions.Invoking(() => CurvatureSummary.FromEigenvalues(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CurvatureSummary.FromEigenvalues(Array.Empty<double>())).Should().Throw<ArgumentException>().WithMessage("no eigenvalues*");
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity })
            FluentActions.Invoking(() => CurvatureSummary.FromEigenvalues(new[] { 1.0, bad })).Should().Throw<ArgumentException>().WithMessage("eigenvalues must be finite*");
    }

    /// <summary>Converged follows the stated rule, every residual ≤ tolerance·max|λ|: with the tolerance just above
    /// the largest residual's it is set, between the smallest and the largest residual's it is not.</summary>
    [Test]
    public void Subspace_iteration_reports_convergence_by_its_rule()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = Diagonal(1, 2, 3, 4, 5, 6, 7, 8);
        var start = torch.linalg.qr(torch.randn(new long[] { 8, 3 }, dtype: ScalarType.Float64, generator: new torch.Generator(2))).Q;
        var first = SubspaceIteration.Run(op, start, 2, tolerance: 1);
        double scale = first.Eigenvalues.Max(Math.Abs), rmax = first.Residuals.Max(), rmin = first.Residuals.Min();
        (rmin < rmax && first.Eigenvalues.Min(Math.Abs) < scale / 2).Should().BeTrue($"residuals {string.Join(", ", first.Residuals)} differ, eigenvalues {string.Join(", ", first.Eigenvalues)} spread");
        SubspaceIteration.Run(op, start, 2, tolerance: 1.01 * rmax / scale).Converged.Should().BeTrue("every residual ≤ tolerance·max|λ|");
        SubspaceIteration.Run(op, start, 2, tolerance: 0.5 * (rmin + rmax) / scale).Converged.Should().BeFalse("the largest residual is above tolerance·max|λ|");
        SubspaceIteration.Run(op, start, 2, tolerance: 0.99 * rmax / scale).Converged.Should().BeFalse();
    }

    /// <summary>The solver's budget is min(n, max(4k + 40, 120)) products: with a tolerance no pair can meet, it spends it all.</summary>
    [TestCase(300, 1, 120)]
    [TestCase(300, 30, 160)]
    [TestCase(100, 1, 100)]
    public void Lanczos_solver_spends_at_most_its_budget(int n, int k, int budget)
    {
        using var scope = torch.NewDisposeScope();
        var (op, products) = Diagonal(Enumerable.Range(1, n).Select(i => (double)i).ToArray());
        var solver = new LanczosSolver(tolerance: 1e-300, seed: 3);
        (solver.Tolerance, solver.Seed).Should().Be((1e-300, 3L));
        var r = solver.Solve(op, k);
        (r.Iterations, products(), r.Count).Should().Be((budget, budget, k));
        FluentActions.Invoking(() => solver.Solve(null!, 1)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>The invariant-subspace stop is relative to the Ritz values: a start in the span of two eigenvectors of a
    /// dense matrix (β ≈ round-off·‖A‖ after 2 products, not exactly 0) stops after 2 products at ‖A‖ = 10⁶ and 10⁻⁶ alike.</summary>
    [TestCase(1e6)]
    [TestCase(1e-6)]
    public void Lanczos_invariant_subspace_stop_is_scale_free(double scale)
    {
        using var scope = torch.NewDisposeScope();
        var spectrum = new[] { 6.0, 5, 4, 3, 2, 1 }.Select(x => x * scale).ToArray();
        int n = spectrum.Length;
        var (q, _) = torch.linalg.qr(torch.randn(new long[] { n, n }, dtype: ScalarType.Float64, generator: new torch.Generator(8)));
        var a = q.matmul(torch.diag(torch.tensor(spectrum, dtype: ScalarType.Float64))).matmul(q.t());
        a = (a + a.t()) / 2;
        var start = q[.., 0] + q[.., 1];
        var r = Lanczos.Run(new MatrixOperator(a), 2, tolerance: 1e-300, start: start);
        (r.Iterations, r.Converged).Should().Be((2, true), $"‖A‖ = {scale:E0}: residuals {string.Join(", ", r.Residuals.Select(x => x.ToString("E2")))}");
        r.Eigenvalues[0].Should().BeApproximately(spectrum[0], 1e-12 * scale);
    }

    [Test]
    public void Dense_eigen_decomposition_checks_and_measures_the_asymmetry()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => SymmetricEigen.Eigenvalues((Tensor)null!)).Should().Throw<ArgumentNullException>();
        foreach (var (bad, shape) in new[] { (torch.ones(3, dtype: ScalarType.Float64), "[3]"), (torch.ones(2, 3, dtype: ScalarType.Float64), "[2, 3]") })
            FluentActions.Invoking(() => SymmetricEigen.Eigenvalues(bad)).Should().Throw<ArgumentException>().WithMessage($"a square matrix is required, got {shape}*");
        var nan = torch.eye(2, dtype: ScalarType.Float64); nan[1, 1] = torch.tensor(double.NaN);
        FluentActions.Invoking(() => SymmetricEigen.Eigenvalues(nan)).Should().Throw<ArgumentException>().WithMessage("matrix contains NaN*");
        var skew = torch.tensor(new[] { 1.0, 1e-3, 0, 1 }, dtype: ScalarType.Float64).view(2, 2);
        FluentActions.Invoking(() => SymmetricEigen.Eigenvalues(skew)).Should().Throw<ArgumentException>().WithMessage("matrix is not symmetric: ‖A - Aᵀ‖_F/‖A‖_F = 1.000E-003*");
        // [[1, ε], [0, 1]]: ‖A − Aᵀ‖_F = √2 ε, ‖A‖_F = √(2 + ε²).
        const double eps = 1e-8;
        var nearly = torch.tensor(new[] { 1.0, eps, 0, 1 }, dtype: ScalarType.Float64).view(2, 2);
        var d = SymmetricEigen.Decompose(nearly);
        d.Asymmetry.Should().BeApproximately(Math.Sqrt(2) * eps / Math.Sqrt(2 + eps * eps), 1e-22);
        d.Eigenvalues.Should().Equal(new[] { 1 - eps / 2, 1 + eps / 2 }, (x, y) => Math.Abs(x - y) < 1e-15);
        var zero = SymmetricEigen.Decompose(torch.zeros(2, 2, dtype: ScalarType.Float64));
        (zero.Asymmetry, zero.Eigenvalues[0], zero.Eigenvalues[1]).Should().Be((0.0, 0.0, 0.0), "the zero matrix is symmetric (no 0/0)");
    }

    [Test]
    public void Hutchinson_positive_curvature_is_the_ratio_of_the_estimates()
    {
        new HutchinsonResult(new Estimate(3, 0.1, 2), new Estimate(4, 0.1, 2)).PositiveCurvature.Should().Be(1.5);
        new HutchinsonResult(new Estimate(3, 0.1, 2), new Estimate(0, 0.1, 2)).PositiveCurvature.Should().BeNull("‖A‖_F² estimate 0");
        new HutchinsonResult(new Estimate(3, 0.1, 2), new Estimate(-1, 0.1, 2)).PositiveCurvature.Should().BeNull("a negative ‖A‖_F² estimate");
        FluentActions.Invoking(() => Hutchinson.MeanWithError(null!)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>SLQ's breakdown test is relative to the largest |α|, β seen: for A with only two distinct eigenvalues
    /// (1 and 2, random eigenvectors) the Krylov space has dimension 2, so β₂ is round-off but not exactly 0, and every
    /// probe stops after 2 steps with nodes 1 and 2.</summary>
    [Test]
    public void Lanczos_quadrature_stops_at_the_Krylov_dimension()
    {
        using var scope = torch.NewDisposeScope();
        var a = EngineCases.SymmetricWithSpectrum(new[] { 1.0, 1, 1, 2, 2, 2 }, seed: 4);
        var density = StochasticLanczosQuadrature.Run(new MatrixOperator(a), 3, 6, 2, 0.1);
        density.Nodes.Should().HaveCount(6, "two nodes per probe");
        density.Nodes.Order().Should().Equal(new[] { 1.0, 1, 1, 2, 2, 2 }, (x, y) => Math.Abs(x - y) < 1e-12);
        density.Weights.Sum().Should().BeApproximately(1.0, 1e-14);
    }
}
