namespace Goldilocks.Models;

/// <summary>
/// Bias-free LeNet-5: conv 6@5×5 → ReLU → pool 2 → conv 16@5×5 → ReLU → pool 2 → 120 → 84 → K, ReLU between.
/// Five weight layers, so L = 5 (paper 000 Sec. 5 uses it on CIFAR-10; it also takes 1×28×28 inputs).
/// </summary>
public sealed class LeNet5 : FlatModel
{
    private readonly ParameterBlock _conv1, _conv2, _fc1, _fc2, _fc3;

    /// <summary>LeNet-5 for images [channels, size, size] (size ≥ 16) and <paramref name="classes"/> classes.</summary>
    /// <param name="channels">Input channels (1 for FashionMNIST, 3 for CIFAR-10).</param>
    /// <param name="size">Image side in pixels.</param>
    /// <param name="classes">Number of classes K ≥ 2.</param>
    /// <param name="pooling">Kind of 2×2 pooling.</param>
    public LeNet5(int channels = 1, int size = 28, int classes = 10, Pooling pooling = Pooling.Max)
        : base($"LeNet-5-{channels}x{size}x{size}-{pooling}", new long[] { channels, size, size }, classes)
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be ≥ 1");
        if (size < 16) throw new ArgumentOutOfRangeException(nameof(size), size, "LeNet-5 needs images of at least 16×16");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be ≥ 2");
        Pooling = pooling;
        int s1 = (size - 4) / 2, s2 = (s1 - 4) / 2;
        _conv1 = AddBlock("conv1.weight", 0, false, channels * 25, 6, channels, 5, 5);
        _conv2 = AddBlock("conv2.weight", 1, false, 6 * 25, 16, 6, 5, 5);
        _fc1 = AddBlock("fc1.weight", 2, false, 16L * s2 * s2, 120, 16L * s2 * s2);
        _fc2 = AddBlock("fc2.weight", 3, false, 120, 84, 120);
        _fc3 = AddBlock("fc3.weight", 4, false, 84, classes, 84);
    }

    /// <summary>Kind of 2×2 pooling.</summary>
    public Pooling Pooling { get; }

    /// <inheritdoc/>
    public override int? HomogeneityDegree => 5;

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Tensor theta, Tensor inputs)
    {
        var h = Pool(torch.nn.functional.relu(torch.nn.functional.conv2d(inputs, _conv1.Of(theta))));
        h = Pool(torch.nn.functional.relu(torch.nn.functional.conv2d(h, _conv2.Of(theta))));
        h = h.flatten(1);
        h = torch.nn.functional.relu(torch.nn.functional.linear(h, _fc1.Of(theta)));
        h = torch.nn.functional.relu(torch.nn.functional.linear(h, _fc2.Of(theta)));
        return torch.nn.functional.linear(h, _fc3.Of(theta));
    }

    private Tensor Pool(Tensor x) => Pooling == Pooling.Max
        ? torch.nn.functional.max_pool2d(x, 2)
        : torch.nn.functional.avg_pool2d(x, 2);
}
