using Goldilocks.Objectives;

namespace Goldilocks.Training;

/// <summary>Classification accuracy: the fraction of samples whose largest logit is the label.</summary>
public static class Accuracy
{
    /// <summary>Fraction of samples whose largest logit is the label (classification objectives only).</summary>
    public static double Of(Objective objective, Tensor theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!objective.Data.IsClassification) throw new InvalidOperationException($"{objective.Data.Name} has regression targets; accuracy needs class labels");
        using var scope = torch.NewDisposeScope();
        return OfLogits(objective.Logits(theta), objective.Data.Targets);
    }

    /// <summary>Fraction of rows of <paramref name="logits"/> [N, K] whose arg-max is the class label in <paramref name="labels"/> [N].</summary>
    public static double OfLogits(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.dim() != 2 || labels.dim() != 1 || logits.shape[0] != labels.shape[0])
            throw new ArgumentException($"logits [N, K] and labels [N] must agree in N, got [{string.Join(", ", logits.shape)}] and [{string.Join(", ", labels.shape)}]");
        using var scope = torch.NewDisposeScope();
        return logits.argmax(1).eq(labels).to(ScalarType.Float64).mean().ToDouble();
    }
}
