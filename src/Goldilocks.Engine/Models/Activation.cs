namespace Goldilocks.Models;

/// <summary>Element-wise non-linearities. ReLU, LeakyReLU and Identity are positively 1-homogeneous; Tanh is not.</summary>
public enum Activation
{
    ReLU,
    LeakyReLU,
    Identity,
    Tanh,
}

public static class ActivationExtensions
{
    /// <summary>Negative slope of <see cref="Activation.LeakyReLU"/> (PyTorch's default).</summary>
    public const double LeakySlope = 0.01;

    public static bool IsPositivelyHomogeneous(this Activation a) => a != Activation.Tanh;

    public static Tensor Apply(this Activation a, Tensor x) => a switch
    {
        Activation.ReLU => torch.nn.functional.relu(x),
        Activation.LeakyReLU => torch.nn.functional.leaky_relu(x, LeakySlope),
        Activation.Identity => x,
        Activation.Tanh => torch.tanh(x),
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "unknown activation"),
    };
}
