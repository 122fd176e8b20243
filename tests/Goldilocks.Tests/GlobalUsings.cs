global using FluentAssertions;
global using Goldilocks.Tests.Infrastructure;
global using Goldilocks.Tests.Oracles;
global using NUnit.Framework;
