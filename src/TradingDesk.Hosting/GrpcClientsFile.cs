using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradingDesk.Hosting;

/// <summary>
/// <c>config/clients.json</c>: the gRPC front's clients (<c>TradingDesk:Grpc:Clients</c>), one entry per client with
/// the SHA-256 of its token. <c>desk token new</c> adds to it; the desk reads it after the appsettings files. It is a
/// file of its own because the command rewrites it, and appsettings.json holds comments a rewrite would lose.
/// </summary>
public static class GrpcClientsFile
{
    /// <summary>The file's name in the configuration directory.</summary>
    public const string FileName = "clients.json";

    private const string ClientsKey = DeskConfiguration.Section + ":Grpc:Clients";

    /// <summary>Reads <paramref name="path"/> and checks that it holds nothing but the clients list; throws <see cref="DeskStartException"/> otherwise.</summary>
    public static JsonSettingsFile Check(string path)
    {
        var file = JsonSettingsFile.Read(path);
        var stray = file.Keys.FirstOrDefault(k => !IsClientsKey(k));
        if (stray is not null)
            throw new DeskStartException($"{file.Path} line {file.LineOf(stray)}: {stray} does not belong here; {FileName} holds only {ClientsKey} (desk token new writes it), the rest goes in appsettings.json");
        return file;
    }

    // The file's own path to the list: "TradingDesk", "TradingDesk:Grpc", "TradingDesk:Grpc:Clients" and what lies below.
    private static bool IsClientsKey(string key) =>
        ClientsKey.StartsWith(key, StringComparison.OrdinalIgnoreCase) && (key.Length == ClientsKey.Length || ClientsKey[key.Length] == ':') ||
        key.StartsWith(ClientsKey + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds <paramref name="client"/> to the clients.json in <paramref name="directory"/> (created when missing), after
    /// checking it against the desk's whole configuration there: a name or strategy already taken, or anything else the
    /// desk would refuse at start, throws <see cref="DeskStartException"/> and writes nothing. Returns the file's path.
    /// </summary>
    public static string Add(string directory, GrpcClientSettings client)
    {
        var path = Path.Combine(Path.GetFullPath(directory), FileName);
        var root = File.Exists(path) ? Parse(Check(path).Path, File.ReadAllText(path)) : new JsonObject();
        var list = Clients(root);
        list.Add(JsonSerializer.SerializeToNode(new Entry(client.Name, client.Strategy, client.TokenSha256, client.Access.ToString())));

        // The desk's own validation, on the configuration as it would be: the start must not be the first to refuse it.
        var options = DeskConfiguration.BindOptions(DeskConfiguration.Load(directory, null, []));
        if (options.Grpc.Clients.Any(c => c.Name.Equals(client.Name, StringComparison.OrdinalIgnoreCase)))
            throw new DeskStartException($"a client named '{client.Name}' is in {path} already: choose another name, or remove its entry there to give it a new token");
        try
        {
            (options with { Grpc = options.Grpc with { Clients = [.. options.Grpc.Clients, client] } }).Validated();
        }
        catch (InvalidSettingException ex)
        {
            // "TradingDesk:Grpc:Clients:3:Name must be …" speaks of an index the user never wrote: "Name must be …".
            throw new DeskStartException($"the new client '{client.Name}': {System.Text.RegularExpressions.Regex.Replace(ex.Message, @"TradingDesk:Grpc:Clients:\d+:", "")}");
        }

        // Written beside and moved over: a crash never leaves half a file, and a reader sees the old list or the new.
        var temporary = path + ".new";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static JsonObject Parse(string shown, string text)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        return JsonNode.Parse(text, documentOptions: options) as JsonObject
            ?? throw new DeskStartException($"{shown}: the file must hold one JSON object ({{ ... }})");
    }

    private static JsonArray Clients(JsonObject root)
    {
        var desk = Child(root, DeskConfiguration.Section);
        var grpc = Child(desk, "Grpc");
        if (grpc["Clients"] is JsonArray list) return list;
        var created = new JsonArray();
        grpc["Clients"] = created;
        return created;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing) return existing;
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    // The entry as written: the names the settings binder takes, the strategy only when it is not the name.
    private sealed record Entry(string Name, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Strategy, string TokenSha256, string Access);
}
