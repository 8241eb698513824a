using System.Net;

namespace DurableVulns.Testing.Hostile;

/// <summary>A request body sent without a Content-Length, as a client streaming it would.</summary>
public sealed class StreamedContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
