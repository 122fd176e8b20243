namespace Goldilocks.Models;

/// <summary>Element-wise non-linearities. ReLU, LeakyReLU and Identity are positively 1-homogeneous; Tanh is not.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    ReLU,
    /// <summary>x for x ≥ 0, <see cref="ActivationExtensions.LeakySlope"/>·x otherwise.</summary>
    LeakyReLU,
    /// <summary>x (deep linear networks).</summary>
    Identity,
    /// <summary>tanh(x): not homogeneous.</summary>
    Tanh,
}

/// <summary>Properties and evaluation of an <see cref="Activation"/>.</summary>
public static class ActivationExtensions
{
    /// <summary>Negative slope of <see cref="Activation.LeakyReLU"/> (PyTorch's default).</summary>
    public const double LeakySlope = 0.01;

    /// <summary>True when σ(αx) = ασ(x) for α &gt; 0 (every activation except Tanh), which makes a bias-free network homogeneous (paper 000 Sec. 2).</summary>
    public static bool IsPositivelyHomogeneous(this Activation a) => a != Activation.Tanh;

    /// <summary>σ(x) element-wise.</summary>
    public static Tensor Apply(this Activation a, Tensor x) => a switch
    {
        Activation.ReLU => torch.nn.functional.relu(x),
        Activation.LeakyReLU => torch.nn.functional.leaky_relu(x, LeakySlope),
        Activation.Identity => x,
        Activation.Tanh => torch.tanh(x),
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "unknown activation"),
    };
}
