using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Functions.Tests;

/// <summary>The worker builder's service collection, without a worker process behind it.</summary>
internal sealed class TestWorkerApplicationBuilder : IFunctionsWorkerApplicationBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection().AddLogging().AddOptions();

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) => this;
}
