using Goldilocks.Objectives;

namespace Goldilocks.Training;

/// <summary>Classification accuracy of a model at given parameters.</summary>
public static class Accuracy
{
    /// <summary>Fraction of samples whose largest logit is the label (classification objectives only).</summary>
    public static double Of(Objective objective, Tensor theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!objective.Data.IsClassification) throw new InvalidOperationException($"{objective.Data.Name} has regression targets; accuracy needs class labels");
        using var scope = torch.NewDisposeScope();
        var predicted = objective.Logits(theta).argmax(1);
        return predicted.eq(objective.Data.Targets).to(ScalarType.Float64).mean().ToDouble();
    }
}
