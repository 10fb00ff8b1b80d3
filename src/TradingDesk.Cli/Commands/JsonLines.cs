using System.Text;
using System.Text.Json;
using Google.Protobuf;
using TradingDesk.Protocol.Codec;

namespace TradingDesk.Cli.Commands;

/// <summary>Formats decoded stream items as one JSON object each, with IB's field names.</summary>
public static class JsonLines
{
    // Protobuf's JSON mapping keeps IB's camelCase field names; unset optional fields are left out.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

    public static string Format(StreamItem item)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("offset", item.Offset);
            if (item.ClientHello is { } client)
            {
                json.WriteString("handshake", "client");
                json.WriteNumber("minVersion", client.MinVersion);
                json.WriteNumber("maxVersion", client.MaxVersion);
                if (client.ConnectOptions is { } options) json.WriteString("connectOptions", options);
            }
            else if (item.ServerHello is { } server)
            {
                json.WriteString("handshake", "server");
                json.WriteNumber("serverVersion", server.ServerVersion);
                json.WriteString("connectionTime", server.ConnectionTime);
            }
            else if (item.Message is { } message)
            {
                WriteMessage(json, message);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteMessage(Utf8JsonWriter json, DecodedMessage message)
    {
        json.WriteNumber("id", message.Id);
        json.WriteString("name", message.Name);
        json.WriteString("encoding", message.Encoding == WireEncoding.Text ? "text" : "protobuf");
        if (message.Unknown is { } unknown)
        {
            json.WriteBoolean("unknown", true);
            json.WriteString("payloadHex", Convert.ToHexString(unknown.Payload));
            return;
        }
        json.WritePropertyName("fields");
        json.WriteRawValue(Formatter.Format(message.Message));
        if (message.Companion is { } companion)
        {
            json.WriteString("companion", companion.Descriptor.Name);
            json.WritePropertyName("companionFields");
            json.WriteRawValue(Formatter.Format(companion));
        }
    }
}
