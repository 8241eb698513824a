using DurableVulns.Functions.Engine;
using Microsoft.DurableTask.Client;
using Moq;

namespace DurableVulns.Functions.Tests.Engine;

public sealed class InvocationWorkflowClientTests
{
    [Fact]
    public async Task RaiseEventAsync_BeforeUse_ThrowsInvalidOperation()
    {
        // Arrange
        var workflows = new InvocationWorkflowClient();

        // Act
        var raise = () => workflows.RaiseEventAsync("case-1", "Psirt.Close", new object());

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(raise);
    }

    [Fact]
    public async Task RaiseEventAsync_AfterUse_GoesToThatInvocationsClient()
    {
        // Arrange
        var durable = new Mock<DurableTaskClient>("test");
        var workflows = new InvocationWorkflowClient();
        workflows.Use(durable.Object);
        var payload = new object();

        // Act
        await workflows.RaiseEventAsync("case-1", "Psirt.Close", payload);

        // Assert
        durable.Verify(c => c.RaiseEventAsync("case-1", "Psirt.Close", payload, It.IsAny<CancellationToken>()), Times.Once);
    }
}
