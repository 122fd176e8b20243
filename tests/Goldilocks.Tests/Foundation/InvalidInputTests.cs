using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Bad input to the curvature engine raises a specific .NET exception whose message names the problem; none
/// returns NaN, and none reaches native autograd in a state that would abort the test host (TorchSharp turns those
/// errors into process aborts, so every test after these running at all is part of the evidence).
/// </summary>
public sealed class InvalidInputTests
{
    private static (Mlp Model, Dataset Data, Objective Objective) Setup()
    {
        var (model, data) = Fixtures.TinyReluNet();
        return (model, data, Fixtures.CrossEntropyObjective(model, data));
    }

    [Test]
    public void Wrong_theta_shape_is_rejected_naming_the_expected_shape()
    {
        var (model, data, objective) = Setup();
        using var _ = data;
        using var theta = torch.zeros(model.ParameterCount + 1, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => new LinearizationPoint(objective, theta)).Should().Throw<ArgumentException>()
            .WithMessage($"*theta must have shape [{model.ParameterCount}], got [{model.ParameterCount + 1}]*");
        using var matrix = torch.zeros(model.ParameterCount, 1, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => objective.ValueAndGradient(matrix)).Should().Throw<ArgumentException>().WithMessage("*theta must have shape*");
    }

    /// <summary>FsCheck: every wrong length (shrinking towards 0) is rejected with the expected and actual shapes.</summary>
    [ClaimProperty(MaxTest = 30)]
    public Property Any_wrong_theta_length_is_rejected()
    {
        var (model, data, objective) = Setup();
        var lengths = Gen.Choose(0, 200).Where(n => n != model.ParameterCount).ToArbitrary();
        return Prop.ForAll(lengths, n =>
        {
            using var theta = torch.zeros(n, dtype: ScalarType.Float64);
            var thrown = FluentActions.Invoking(() => new LinearizationPoint(objective, theta)).Should().Throw<ArgumentException>().Which;
            return thrown.Message.Contains($"[{model.ParameterCount}]", StringComparison.Ordinal) && thrown.Message.Contains($"got [{n}]", StringComparison.Ordinal);
        });
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Non_finite_theta_is_rejected(double bad)
    {
        var (model, data, objective) = Setup();
        using var _ = data;
        using var theta = model.InitialParameters(1);
        theta[3] = bad;
        FluentActions.Invoking(() => new LinearizationPoint(objective, theta)).Should().Throw<ArgumentException>().WithMessage("*theta contains NaN or infinite values*");
        FluentActions.Invoking(() => objective.Value(theta)).Should().Throw<ArgumentException>().WithMessage("*theta contains NaN*");
    }

    [Test]
    public void Theta_of_another_dtype_than_the_data_is_rejected()
    {
        var (model, data, objective) = Setup();
        using var _ = data;
        using var theta = model.InitialParameters(1, ScalarType.Float32);
        FluentActions.Invoking(() => new LinearizationPoint(objective, theta)).Should().Throw<ArgumentException>()
            .WithMessage("*theta has dtype Float32, expected Float64*");
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(63)]
    public void Subspace_dimension_outside_1_to_P_is_rejected(int d)
    {
        foreach (var kind in new[] { BasisKind.GaussianOrthonormal, BasisKind.SparseSign })
            FluentActions.Invoking(() => SubspaceBasis.Create(62, d, 1, kind)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage($"*subspace dimension d must be in [1, P = 62], got {d}*");
    }

    [Test]
    public void Empty_dataset_is_rejected()
    {
        using var x = torch.zeros(0, 6, dtype: ScalarType.Float64);
        using var y = torch.zeros(0, dtype: ScalarType.Int64);
        FluentActions.Invoking(() => new Dataset(x, y, 3)).Should().Throw<ArgumentException>().WithMessage("*dataset is empty*");
    }

    [TestCase(3L)]
    [TestCase(-1L)]
    public void Labels_outside_the_classes_are_rejected(long label)
    {
        using var x = torch.zeros(4, 6, dtype: ScalarType.Float64);
        using var y = torch.tensor(new[] { 0L, 1L, label, 2L });
        FluentActions.Invoking(() => new Dataset(x, y, 3)).Should().Throw<ArgumentException>().WithMessage("*labels must lie in [0, 3)*");
    }

    [Test]
    public void Dataset_that_does_not_fit_the_model_is_rejected()
    {
        using var wrongFeatures = SyntheticClusters.Generate(8, 5, 3, 1);
        using var wrongClasses = SyntheticClusters.Generate(8, 6, 4, 1);
        var model = new Mlp(6, new[] { 5 }, 3);
        FluentActions.Invoking(() => new Objective(model, wrongFeatures, new CrossEntropy())).Should().Throw<ArgumentException>()
            .WithMessage("*samples of shape [5]*expects [6]*");
        FluentActions.Invoking(() => new Objective(model, wrongClasses, new CrossEntropy())).Should().Throw<ArgumentException>()
            .WithMessage("*4 classes/outputs*3 outputs*");
    }

    /// <summary>Every public entry point of <see cref="Objective"/> that takes θ checks it itself, with the same messages.</summary>
    [Test]
    public void Every_entry_point_of_the_objective_checks_theta()
    {
        var (model, data, objective) = Setup();
        using var _ = data;
        using var scope = torch.NewDisposeScope();
        var p = model.ParameterCount;
        var entryPoints = new (string Name, Action<Tensor> Call)[]
        {
            ("ValidateParameters", t => objective.ValidateParameters(t)),
            ("Value", t => objective.Value(t)),
            ("ValueAndGradient", t => objective.ValueAndGradient(t)),
            ("Logits", t => objective.Logits(t)),
        };
        var nan = model.InitialParameters(1);
        nan[3] = double.NaN;
        var bad = new (Tensor Theta, string Message)[]
        {
            (torch.zeros(p + 1, dtype: ScalarType.Float64), $"theta must have shape [{p}], got [{p + 1}]*"),
            (nan, "theta contains NaN or infinite values*"),
            (model.InitialParameters(1).to(ScalarType.Float32), "theta has dtype Float32, expected Float64*"),
        };
        foreach (var (name, call) in entryPoints)
            foreach (var (theta, message) in bad)
                FluentActions.Invoking(() => call(theta)).Should().Throw<ArgumentException>($"{name} must check θ itself")
                    .WithMessage(message).Which.ParamName.Should().Be("theta");
    }

    [Test]
    public void Objective_rejects_a_negative_batch_size_and_cross_entropy_on_regression_targets()
    {
        var (model, data, _) = Setup();
        using var d = data;
        FluentActions.Invoking(() => new Objective(model, data, new CrossEntropy(), batchSize: -1)).Should()
            .Throw<ArgumentOutOfRangeException>().WithMessage("batch size must be ≥ 1 (or 0 for the whole dataset)*").Which.ParamName.Should().Be("batchSize");
        using var images = new Dataset(torch.ones(4, 2, 3, dtype: ScalarType.Float64), torch.zeros(4, dtype: ScalarType.Int64), 3, "images");
        FluentActions.Invoking(() => new Objective(model, images, new CrossEntropy())).Should()
            .Throw<ArgumentException>().WithMessage("images has samples of shape [2, 3] but * expects [6]*").Which.ParamName.Should().Be("data");
        FluentActions.Invoking(() => new Objective(new LeNet5(channels: 1, size: 16, classes: 3), images, new CrossEntropy())).Should()
            .Throw<ArgumentException>().WithMessage("images has samples of shape [2, 3] but LeNet-5-1x16x16-Max expects [1, 16, 16]*");
        using var regression = new Dataset(torch.ones(4, 6, dtype: ScalarType.Float64), torch.ones(4, 3, dtype: ScalarType.Float64), 3, "regression");
        FluentActions.Invoking(() => new Objective(model, regression, new CrossEntropy())).Should()
            .Throw<ArgumentException>().WithMessage("cross-entropy needs class labels, but the dataset holds regression targets*").Which.ParamName.Should().Be("loss");
    }

    /// <summary>
    /// Finite θ whose loss or gradient overflows float64 gives an OverflowException naming the quantity, never a NaN or
    /// ∞ result. Linear model z = w·x under squared error, so r = z − y, L = ½ mean r², ∇L = mean r x:
    /// x = 1, w = 1, y = 10¹⁵⁵ overflows L (≈ 10³¹⁰) but not ∇L (≈ 10¹⁵⁵); x = 10²⁰⁰, w = 10⁻²⁰⁰, y = 10¹⁵⁰
    /// overflows ∇L (≈ 10³⁵⁰) but not L (≈ 10³⁰⁰).
    /// </summary>
    [Test]
    public void Overflowing_loss_is_reported_naming_it()
    {
        using var scope = torch.NewDisposeScope();
        var (objective, theta) = HugeLinearRegression(x: 1, w: 1, y: 1e155);
        const string message = "the loss L(θ) is Infinity: the computation overflowed float64*";
        FluentActions.Invoking(() => objective.Value(theta)).Should().Throw<OverflowException>().WithMessage(message);
        FluentActions.Invoking(() => objective.ValueAndGradient(theta)).Should().Throw<OverflowException>().WithMessage(message);
    }

    [Test]
    public void Overflowing_gradient_is_reported_naming_it()
    {
        using var scope = torch.NewDisposeScope();
        var (objective, theta) = HugeLinearRegression(x: 1e200, w: 1e-200, y: 1e150);
        FluentActions.Invoking(() => objective.ValueAndGradient(theta)).Should().Throw<OverflowException>()
            .WithMessage("the gradient ∇L(θ) contains NaN or infinite values: the computation overflowed float64*");
        objective.Value(theta).Should().BeApproximately(0.5 * 1e300, 1e285, "L = ½ (w·x − y)² with w·x = 2");
    }

    private static (Objective Objective, Tensor Theta) HugeLinearRegression(double x, double w, double y)
    {
        var data = new Dataset(torch.full(3, 2, x, dtype: ScalarType.Float64), torch.full(3, 1, y, dtype: ScalarType.Float64), 1, "huge");
        return (new Objective(new Mlp(2, Array.Empty<int>(), 1), data, new MeanSquaredError()), torch.full(2, w, dtype: ScalarType.Float64));
    }

    // Labels that do not index the logits' rows: wrong dtype, wrong rank, wrong length. Each condition alone must throw,
    // from both entry points of the loss (the Objective checks its data first, so these reach the loss only directly).
    [TestCase("float64 [4]")]
    [TestCase("int64 [4, 1]")]
    [TestCase("int64 [3]")]
    public void Cross_entropy_rejects_labels_that_do_not_index_the_logits(string labels)
    {
        using var scope = torch.NewDisposeScope();
        var logits = torch.zeros(4, 3, dtype: ScalarType.Float64);
        var targets = labels switch
        {
            "float64 [4]" => torch.zeros(4, dtype: ScalarType.Float64),
            "int64 [4, 1]" => torch.zeros(4, 1, dtype: ScalarType.Int64),
            _ => torch.zeros(3, dtype: ScalarType.Int64),
        };
        var loss = new CrossEntropy();
        var message = $"cross-entropy needs int64 labels [N = 4], got {labels.Replace("float64", "Float64").Replace("int64", "Int64")}";
        FluentActions.Invoking(() => loss.PerSample(logits, targets)).Should().Throw<ArgumentException>()
            .WithMessage(message + "*").Which.ParamName.Should().Be("targets");
        FluentActions.Invoking(() => loss.Residual(logits, targets)).Should().Throw<ArgumentException>()
            .WithMessage(message + "*").Which.ParamName.Should().Be("targets");
    }

    [TestCase(4, 2)]
    [TestCase(3, 3)]
    public void Squared_error_rejects_targets_not_shaped_like_the_outputs(int rows, int columns)
    {
        using var scope = torch.NewDisposeScope();
        var outputs = torch.zeros(4, 3, dtype: ScalarType.Float64);
        var targets = torch.zeros(rows, columns, dtype: ScalarType.Float64);
        var loss = new MeanSquaredError();
        var message = $"squared error needs targets shaped like the outputs [4, 3], got [{rows}, {columns}]*";
        FluentActions.Invoking(() => loss.PerSample(outputs, targets)).Should().Throw<ArgumentException>()
            .WithMessage(message).Which.ParamName.Should().Be("targets");
        FluentActions.Invoking(() => loss.Residual(outputs, targets)).Should().Throw<ArgumentException>()
            .WithMessage(message).Which.ParamName.Should().Be("targets");
    }

    /// <summary>Loss names go into every record and report: they must tell the losses and the temperatures apart.</summary>
    [Test]
    public void Loss_names_carry_the_temperature()
    {
        new CrossEntropy(0.25).Name.Should().Be("cross-entropy(T=0.25)");
        new CrossEntropy().Name.Should().Be("cross-entropy(T=1)");
        new MeanSquaredError().Name.Should().Be("squared-error");
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Temperature_must_be_positive_and_finite(double temperature)
    {
        FluentActions.Invoking(() => new CrossEntropy(temperature)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*temperature must be a positive finite number*");
    }

    [Test]
    public void Apply_rejects_vectors_of_the_wrong_size_dtype_or_with_NaN()
    {
        var (model, data, objective) = Setup();
        using var _ = data;
        using var theta = model.InitialParameters(1);
        using var point = new LinearizationPoint(objective, theta);
        foreach (ICurvatureOperator op in new ICurvatureOperator[] { new HessianOperator(point), new GTermOperator(point), new HTermOperator(point) })
        {
            using var scope = torch.NewDisposeScope();
            FluentActions.Invoking(() => op.Apply(torch.zeros(model.ParameterCount - 1, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>()
                .WithMessage($"*v must have shape [{model.ParameterCount}], got [{model.ParameterCount - 1}]*");
            FluentActions.Invoking(() => op.Apply(torch.zeros(model.ParameterCount, dtype: ScalarType.Float32))).Should().Throw<ArgumentException>()
                .WithMessage("*v has dtype Float32*");
            FluentActions.Invoking(() => op.Apply(torch.full(model.ParameterCount, double.NaN, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>()
                .WithMessage("*v contains NaN*");
        }
    }

    [Test]
    public void Disposed_linearization_point_is_rejected()
    {
        var (model, data, objective) = Setup();
        using var _ = data;
        using var theta = model.InitialParameters(1);
        var point = new LinearizationPoint(objective, theta);
        var hessian = new HessianOperator(point);
        using var v = torch.ones(model.ParameterCount, dtype: ScalarType.Float64);
        hessian.Apply(v).Dispose();
        point.Dispose();
        FluentActions.Invoking(() => hessian.Apply(v)).Should().Throw<ObjectDisposedException>().WithMessage("*LinearizationPoint*");
        FluentActions.Invoking(() => new GTermOperator(point).Apply(v)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => point.Graphs()).Should().Throw<ObjectDisposedException>();
    }

    [Test]
    public void SafeAutograd_rejects_an_unused_input()
    {
        using var scope = torch.NewDisposeScope();
        var used = torch.ones(3, dtype: ScalarType.Float64).requires_grad_(true);
        var unused = torch.ones(3, dtype: ScalarType.Float64).requires_grad_(true);
        var y = (used * used).sum();
        FluentActions.Invoking(() => SafeAutograd.Grad(y, unused)).Should().Throw<InvalidOperationException>().WithMessage("*input is not used by the output*");
    }

    [Test]
    public void SafeAutograd_rejects_an_output_without_gradient_history_and_an_input_without_grad()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(3, dtype: ScalarType.Float64).requires_grad_(true);
        var constant = torch.ones(3, dtype: ScalarType.Float64).sum();
        FluentActions.Invoking(() => SafeAutograd.Grad(constant, x)).Should().Throw<ArgumentException>().WithMessage("*no gradient history*");
        var plain = torch.ones(3, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => SafeAutograd.Grad((x * 2).sum(), plain)).Should().Throw<ArgumentException>().WithMessage("*does not require grad*");
    }

    [Test]
    public void SafeAutograd_rejects_a_cotangent_of_the_wrong_shape_or_a_missing_one()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(3, dtype: ScalarType.Float64).requires_grad_(true);
        var y = x * 2;
        FluentActions.Invoking(() => SafeAutograd.Grad(y, x, torch.ones(4, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>()
            .WithMessage("*cotangent shape [4] differs from output shape [3]*");
        FluentActions.Invoking(() => SafeAutograd.Grad(y, x)).Should().Throw<ArgumentException>().WithMessage("*cotangent is required*");
        // The host is still alive and autograd still works after all of the above.
        SafeAutograd.Grad(y, x, torch.ones(3, dtype: ScalarType.Float64)).sum().item<double>().Should().Be(6);
    }
}
