using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class JsonChunksTests
{
    private const int ChunkLength = 30_000;

    [Theory]
    [InlineData("", ChunkLength - 1)] // '"' then pairs at 1-2, 3-4, …: a pair straddles 29,999-30,000
    [InlineData("x", ChunkLength)] // '"x' then pairs at 2-3, 4-5, …: the boundary falls between pairs
    public void Write_SurrogatePairsAcrossChunkBoundary_KeepsEachPairInOneChunk(string lead, int firstChunkLength)
    {
        // Arrange: the value is written as raw JSON, so the emoji reach the chunks unescaped.
        var value = new RawText(lead + string.Concat(Enumerable.Repeat("😀", 40_000)));
        var entity = new TableEntity("p", "r");

        // Act
        JsonChunks.Write(entity, value);

        // Assert
        var chunks = Chunks(entity);
        Assert.Equal(firstChunkLength, chunks[0].Length);
        Assert.Equal("\"" + value.Text + "\"", string.Concat(chunks));
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, ChunkLength));
        Assert.All(chunks, chunk => Assert.False(char.IsHighSurrogate(chunk[^1]), "a chunk ends in a high surrogate"));
        Assert.All(chunks, chunk => Assert.False(char.IsLowSurrogate(chunk[0]), "a chunk starts with a low surrogate"));
        Assert.Equal(value, JsonChunks.Read<RawText>(entity));
    }

    [Fact]
    public void Write_ChineseText_StoresItUnescaped()
    {
        // Arrange
        var entity = new TableEntity("p", "r");

        // Act
        JsonChunks.Write(entity, new Note("智能网关远程命令执行"));

        // Assert
        var json = string.Concat(Chunks(entity));
        Assert.Equal("""{"text":"智能网关远程命令执行"}""", json);
        Assert.Equal(new Note("智能网关远程命令执行"), JsonChunks.Read<Note>(entity));
    }

    private static List<string> Chunks(TableEntity entity) =>
        [.. Enumerable.Range(0, entity.Count).Select(i => "Json" + i).TakeWhile(entity.ContainsKey).Select(k => (string)entity[k])];

    private sealed record Note(string Text);

    [JsonConverter(typeof(RawTextConverter))]
    private sealed record RawText(string Text);

    // Writes the text as a raw JSON string, bypassing the encoder's escaping of non-BMP characters.
    private sealed class RawTextConverter : JsonConverter<RawText>
    {
        public override RawText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, RawText value, JsonSerializerOptions options) =>
            writer.WriteRawValue("\"" + value.Text + "\"");
    }
}
