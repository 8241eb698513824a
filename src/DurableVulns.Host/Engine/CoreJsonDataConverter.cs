using Microsoft.DurableTask.Converters;

namespace DurableVulns.Host.Engine;

/// <summary>
/// Lets DurableTask.Core's client write inputs and event payloads with the same
/// System.Text.Json converter the worker shims read them with.
/// </summary>
public sealed class CoreJsonDataConverter : DurableTask.Core.Serializing.DataConverter
{
    private readonly JsonDataConverter inner = JsonDataConverter.Default;

    public override string Serialize(object value) => inner.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => inner.Serialize(value)!;

    public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
}
