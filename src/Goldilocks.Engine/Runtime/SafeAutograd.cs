namespace Goldilocks.Runtime;

/// <summary>
/// The single gateway to <c>torch.autograd.grad</c>. TorchSharp 0.107 aborts the whole process on errors inside
/// native <c>grad</c> (unused input, freed graph), so every call is validated here first and always retains
/// the graph (TorchSharp does not make <c>retain_graph</c> follow <c>create_graph</c>). A freed graph therefore
/// cannot occur, and an input that does not reach the output becomes a .NET exception.
/// </summary>
internal static class SafeAutograd
{
    /// <summary>∂(Σ output ⊙ cotangent)/∂input, i.e. the vector-Jacobian product.</summary>
    /// <param name="output">A tensor with a gradient history.</param>
    /// <param name="input">A tensor that requires grad and that <paramref name="output"/> depends on.</param>
    /// <param name="cotangent">Same shape, dtype and device as <paramref name="output"/>; required unless it is a scalar.</param>
    /// <param name="createGraph">Build a graph of the result, for higher derivatives.</param>
    public static Tensor Grad(Tensor output, Tensor input, Tensor? cotangent = null, bool createGraph = false) =>
        Grad(output, new[] { input }, cotangent, createGraph)[0];

    /// <summary>The vector-Jacobian product with respect to several inputs in ONE backward pass (shared nodes are
    /// traversed once), e.g. Hv and Jv together from the graph of Jᵀ(r + w).</summary>
    /// <param name="output">A tensor with a gradient history.</param>
    /// <param name="inputs">Tensors that require grad.</param>
    /// <param name="cotangent">Same shape, dtype and device as <paramref name="output"/>; required unless it is a scalar.</param>
    /// <param name="createGraph">Build a graph of the result, for higher derivatives.</param>
    /// <param name="unusedAsZero">An input the output does not reach gets an exact zero derivative instead of an
    /// exception (the parameter tensors of a module: e.g. the last layer's bias does not reach the H-term's first-order
    /// graph, because the logits are linear in it).</param>
    public static Tensor[] Grad(Tensor output, IReadOnlyList<Tensor> inputs, Tensor? cotangent = null, bool createGraph = false, bool unusedAsZero = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new ArgumentException("autograd needs at least one input", nameof(inputs));
        foreach (var input in inputs) Check(output, input, cotangent);
        var grads = torch.autograd.grad(
            new[] { output }, inputs.ToArray(),
            cotangent is null ? null : new[] { cotangent },
            retain_graph: true, create_graph: createGraph, allow_unused: true);
        var result = grads.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] is not null && !result[i].IsInvalid) continue;
            if (!unusedAsZero)
                throw new InvalidOperationException("autograd input is not used by the output: the derivative is structurally zero or the wrong tensor was passed");
            result[i] = torch.zeros_like(inputs[i]);
        }
        return result;
    }

    private static void Check(Tensor output, Tensor input, Tensor? cotangent)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        if (output.IsInvalid || input.IsInvalid)
            throw new ObjectDisposedException(nameof(Tensor), "autograd was given a disposed tensor");
        if (!input.requires_grad)
            throw new ArgumentException("autograd input does not require grad", nameof(input));
        if (!output.requires_grad)
            throw new ArgumentException("autograd output has no gradient history (it does not depend on any input that requires grad)", nameof(output));
        if (cotangent is null)
        {
            if (output.numel() != 1)
                throw new ArgumentException($"a cotangent is required for a non-scalar output of shape [{string.Join(", ", output.shape)}]", nameof(cotangent));
        }
        else
        {
            if (cotangent.IsInvalid) throw new ObjectDisposedException(nameof(cotangent));
            if (!cotangent.shape.SequenceEqual(output.shape))
                throw new ArgumentException($"cotangent shape [{string.Join(", ", cotangent.shape)}] differs from output shape [{string.Join(", ", output.shape)}]", nameof(cotangent));
            if (cotangent.dtype != output.dtype)
                throw new ArgumentException($"cotangent dtype {cotangent.dtype} differs from output dtype {output.dtype}", nameof(cotangent));
            if (cotangent.device.ToString() != output.device.ToString())
                throw new ArgumentException($"cotangent is on {cotangent.device}, output on {output.device}", nameof(cotangent));
        }
        if (input.device.ToString() != output.device.ToString())
            throw new ArgumentException($"input is on {input.device}, output on {output.device}", nameof(input));
    }
}
