namespace Goldilocks.Runtime;

/// <summary>Argument checks shared by the library's public API; each names the argument and the problem.</summary>
public static class Guard
{
    public static double PositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number, got {value}");
        return value;
    }

    public static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}], got {value}");
        return value;
    }

    /// <summary>Throws when the tensor holds NaN or ±Inf.</summary>
    public static Tensor Finite(Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.IsInvalid) throw new ObjectDisposedException(name);
        if (t.is_floating_point() && t.numel() > 0)
        {
            using var scope = torch.NewDisposeScope();
            if (!torch.isfinite(t).all().item<bool>())
                throw new ArgumentException($"{name} contains NaN or infinite values", name);
        }
        return t;
    }

    public static Tensor Shape(Tensor t, string name, params long[] shape)
    {
        if (!t.shape.SequenceEqual(shape))
            throw new ArgumentException($"{name} must have shape [{string.Join(", ", shape)}], got [{string.Join(", ", t.shape)}]", name);
        return t;
    }

    public static Tensor SameDTypeAndDevice(Tensor t, ScalarType dtype, Device device, string name)
    {
        if (t.dtype != dtype)
            throw new ArgumentException($"{name} has dtype {t.dtype}, expected {dtype}", name);
        if (t.device.ToString() != device.ToString())
            throw new ArgumentException($"{name} is on {t.device}, expected {device}", name);
        return t;
    }
}
