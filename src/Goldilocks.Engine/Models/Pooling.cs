namespace Goldilocks.Models;

/// <summary>2×2 pooling of LeNet-5; both kinds are positively 1-homogeneous.</summary>
public enum Pooling
{
    /// <summary>2×2 average pooling.</summary>
    Average,
    /// <summary>2×2 max pooling (the default).</summary>
    Max,
}
