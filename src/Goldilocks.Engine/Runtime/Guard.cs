namespace Goldilocks.Runtime;

/// <summary>Argument checks shared by the library's public API; each names the argument and the problem.</summary>
internal static class Guard
{
    public static double PositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number, got {value}");
        return value;
    }

    /// <summary>Throws unless value is finite and ≥ 0; the message calls it <paramref name="what"/> (default: the name).</summary>
    public static double NonNegativeFinite(double value, string name, string? what = null)
    {
        if (!double.IsFinite(value) || !(value >= 0))
            throw new ArgumentOutOfRangeException(name, value, $"{what ?? name} must be finite and ≥ 0, got {value}");
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
        if (!AllFinite(t)) throw new ArgumentException($"{name} contains NaN or infinite values", name);
        return t;
    }

    /// <summary>
    /// Checks a computed result (not an argument): with finite, validated inputs a NaN or ±Inf can only come from a
    /// float64 overflow (e.g. logits f(αθ, x)/T beyond 1.8e308), which is reported instead of returned.
    /// </summary>
    public static double FiniteResult(double value, string what)
    {
        if (!double.IsFinite(value))
            throw new OverflowException($"{what} is {value}: the computation overflowed float64 (parameters, inputs or 1/T too large in magnitude)");
        return value;
    }

    /// <inheritdoc cref="FiniteResult(double, string)"/>
    public static Tensor FiniteResult(Tensor value, string what)
    {
        if (!AllFinite(value))
            throw new OverflowException($"{what} contains NaN or infinite values: the computation overflowed float64 (parameters, inputs or 1/T too large in magnitude)");
        return value;
    }

    /// <summary>
    /// True when every element is finite (always for integer and empty tensors). One reduction without temporaries
    /// decides almost every call: a finite sum proves every element finite, because a NaN or ±Inf element makes the
    /// sum NaN or ±Inf. Only a non-finite sum, which finite elements can also reach by overflow, pays for the
    /// element-wise isfinite, whose |t|-sized temporaries made it the largest single cost of a d = 50 projection of
    /// LeNet-300-100 (340 ms for the 266,200 × 50 basis, against 3 ms for the sum; BENCHMARKS.md).
    /// </summary>
    public static bool AllFinite(Tensor t)
    {
        if (!t.is_floating_point() || t.numel() == 0) return true;
        using var scope = torch.NewDisposeScope();
        return double.IsFinite(t.sum().ToDouble()) || torch.isfinite(t).all().item<bool>();
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
