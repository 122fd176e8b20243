// A consumer of the Goldilocks.Engine package: it references only that package and TorchSharp-cpu (see
// PackagedConsumerTests). It checks one Hessian-vector product of its own nn.Module against a dense Hessian built with
// plain TorchSharp autograd, and the top Hessian eigenvalue of a TorchScript file against PyTorch's reference number.
using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Runtime;
using Goldilocks.Spectral;
using TorchSharp;
using static TorchSharp.torch;

TorchRuntime.EnsureLoaded();   // before the first TorchSharp call: makes the native library loadable on Debian 12

// 1. Your own TorchSharp module.
var gen = new Generator(7);
var x = randn(new long[] { 5, 4 }, dtype: ScalarType.Float64, generator: gen);
var y = tensor(new long[] { 0, 1, 1, 0, 1 });
using var data = new Dataset(x, y, classes: 2, name: "consumer");
var net = nn.Sequential(nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float64), nn.ReLU(),
    nn.Linear(3, 2, hasBias: false, dtype: ScalarType.Float64));
using var model = new ModuleModel(net, new long[] { 4 });
var objective = new Objective(model, data, new CrossEntropy());
using var point = new LinearizationPoint(objective, model.CurrentParameters());
var v = randn(new long[] { model.ParameterCount }, dtype: ScalarType.Float64, generator: gen);
var hv = new HessianOperator(point).Apply(v);

// Dense Hessian by plain autograd (no library code): row i = ∂(∂L/∂θ_i)/∂θ.
var ps = net.parameters().ToArray();
var loss = nn.functional.cross_entropy(net.forward(x), y);
var g = cat(autograd.grad(new[] { loss }, ps, create_graph: true, retain_graph: true).Select(t => t.flatten()).ToArray());
var rows = Enumerable.Range(0, (int)g.shape[0])
    .Select(i => cat(autograd.grad(new[] { g[i] }, ps, retain_graph: true).Select(t => t.flatten()).ToArray())).ToArray();
double hvpError = (stack(rows).matmul(v) - hv).abs().max().item<double>();
var trace = Hutchinson.Estimate(new GTermOperator(point), probes: 100, seed: 0).Trace;   // Value ± StandardError
var hTermCheck = new HessianOperator(point).Minus(new GTermOperator(point));             // = the H-term operator
double algebraError = (hTermCheck.Apply(v) - new HTermOperator(point).Apply(v)).abs().max().item<double>();
Console.WriteLine($"algebra: (H - G)v vs H-term v max |diff| = {algebraError:E3}; Tr(G) = {trace.Value:R} ± {trace.StandardError:R}");
Console.WriteLine($"module: P = {model.ParameterCount}, degree {model.HomogeneityDegree?.ToString() ?? "none"}, HVP max |diff| = {hvpError:E3}");

// 2. A TorchScript file saved by PyTorch (args: file, inputs.f64 with [8, 784] float64, labels.i64 with 8 int64).
var raw = File.ReadAllBytes(args[1]);
var inputs = tensor(Enumerable.Range(0, raw.Length / 8).Select(i => BitConverter.ToDouble(raw, 8 * i)).ToArray()).reshape(8, 784);
var labelBytes = File.ReadAllBytes(args[2]);
var labels = tensor(Enumerable.Range(0, 8).Select(i => BitConverter.ToInt64(labelBytes, 8 * i)).ToArray());
using var fixture = new Dataset(inputs, labels, classes: 10, name: "fixture");
using var scripted = TorchScriptModel.Load(args[0], fixture);
var scriptedObjective = new Objective(scripted, fixture, new CrossEntropy());
using var scriptedPoint = new LinearizationPoint(scriptedObjective, scripted.CurrentParameters());
var top = Lanczos.Run(new HessianOperator(scriptedPoint), k: 1);
Console.WriteLine($"torchscript: P = {scripted.ParameterCount}, degree {scripted.HomogeneityDegree?.ToString() ?? "none"}, " +
                  $"top eigenvalue {top.Top:R} (residual {top.Residuals[0]:E2}, converged {top.Converged}, {top.Iterations} products)");
return hvpError < 1e-12 && algebraError < 1e-12 && top.Converged ? 0 : 1;
