global using FluentAssertions;
global using Goldilocks.Tests.Infrastructure;
global using NUnit.Framework;
global using TorchSharp;
global using Tensor = TorchSharp.torch.Tensor;
global using ScalarType = TorchSharp.torch.ScalarType;
