
namespace Goldilocks.Papers.FortScherlis;

/// <summary>Monte-Carlo sides of Eq. 4 over one set of directions: ⟨Tr H⟩_r and the radial derivatives of ⟨L⟩_r.</summary>
/// <param name="MeanTrace">⟨Tr H(ru)⟩ over the directions u.</param>
/// <param name="FirstRadialDerivative">∂⟨L⟩/∂r = ⟨u·∇L(ru)⟩.</param>
/// <param name="Radius">r, the radius of the sphere of directions.</param>
/// <param name="Dimension">D, the dimension of parameter space (Eq. 4 has the factor 1/D).</param>
/// <param name="SecondRadialDerivative">∂²⟨L⟩/∂r² = ⟨uᵀH(ru)u⟩.</param>
public sealed record SphericalMeanSides(double MeanTrace, double FirstRadialDerivative, double SecondRadialDerivative, double Radius, long Dimension)
{
    /// <summary>The right-hand side of Eq. 4.</summary>
    public double RadialLaplacian => SphericalMean.RadialLaplacian(FirstRadialDerivative, SecondRadialDerivative, Radius, Dimension);
}

/// <summary>
/// Fort &amp; Scherlis Eq. 4 (the Euler-Poisson-Darboux identity): the mean of Tr H = ΔL over the sphere of radius r
/// equals ∂²⟨L⟩_r/∂r² + (D-1)/r ∂⟨L⟩_r/∂r. It needs L twice continuously differentiable: for ReLU networks the
/// almost-everywhere Hessian misses the singular part of ΔL on the kink surfaces.
/// </summary>
public static class SphericalMean
{
    /// <summary>∂²M/∂r² + (D-1)/r ∂M/∂r for a radial profile M(r) with the given derivatives.</summary>
    public static double RadialLaplacian(double first, double second, double radius, long dimension)
    {
        Guard.PositiveFinite(radius, nameof(radius));
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension D must be ≥ 1");
        return second + (dimension - 1) / radius * first;
    }

    /// <summary>
    /// The 2D unit vectors ±q_i of a random orthonormal frame Q (a cross-polytope): a spherical 3-design, so the
    /// average over them of any polynomial of degree ≤ 3 equals its exact sphere average. Columns of [D, 2D].
    /// </summary>
    public static Tensor CrossPolytope(long dimension, long seed, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        using var scope = torch.NewDisposeScope();
        var q = SubspaceBasis.Create(dimension, (int)dimension, seed, BasisKind.GaussianOrthonormal, dtype, device);
        return torch.cat(new[] { q, -q }, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Both sides of Eq. 4 for an objective, averaging over the columns u of <paramref name="directions"/> (unit vectors).</summary>
    public static SphericalMeanSides Estimate(Objective objective, double radius, Tensor directions)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Estimate(theta => (objective.ValueAndGradient(theta).Gradient, DenseMaterializer.Hessian(objective, theta)),
            objective.Model.ParameterCount, radius, directions);
    }

    /// <summary>Both sides of Eq. 4 for any function given by its gradient and dense Hessian at θ.</summary>
    public static SphericalMeanSides Estimate(Func<Tensor, (Tensor Gradient, Tensor Hessian)> derivatives, long dimension, double radius, Tensor directions)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(directions);
        Guard.PositiveFinite(radius, nameof(radius));
        if (directions.dim() != 2 || directions.shape[0] != dimension || directions.shape[1] < 1)
            throw new ArgumentException($"directions must have shape [{dimension}, m] with m ≥ 1, got [{string.Join(", ", directions.shape)}]", nameof(directions));
        double trace = 0, first = 0, second = 0;
        long m = directions.shape[1];
        for (long j = 0; j < m; j++)
        {
            using var scope = torch.NewDisposeScope();
            var u = directions[.., j].contiguous();
            var (gradient, hessian) = derivatives(u * radius);
            trace += torch.trace(hessian).ToDouble();
            first += u.dot(gradient).ToDouble();
            second += u.dot(hessian.matmul(u)).ToDouble();
        }
        return new SphericalMeanSides(trace / m, first / m, second / m, radius, dimension);
    }
}
