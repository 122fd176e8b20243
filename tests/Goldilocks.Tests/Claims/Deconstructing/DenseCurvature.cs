
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>Dense H, G-term and H-term of a tiny objective, from the library's curvature operators (batched when
/// <c>batchSize</c> &gt; 0, so the operators' batch sums are exercised).</summary>
public sealed record DenseCurvature(Tensor Hessian, Tensor GTerm, Tensor HTerm)
{
    public static DenseCurvature At(FlatModel model, Dataset data, Tensor theta, double temperature, Tensor? basis = null, long batchSize = 0)
    {
        var objective = new Objective(model, data, new CrossEntropy(temperature), batchSize);
        using var point = new LinearizationPoint(objective, theta);
        Tensor M(ICurvatureOperator op) => DenseMaterializer.Materialize(basis is null ? op : new ProjectedOperator(op, basis));
        return new DenseCurvature(M(new HessianOperator(point)), M(new GTermOperator(point)), M(new HTermOperator(point)));
    }

    public DenseCurvature Times(double factor) => new(Hessian * factor, GTerm * factor, HTerm * factor);
}
