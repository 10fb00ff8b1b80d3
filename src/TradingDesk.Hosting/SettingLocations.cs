using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace TradingDesk.Hosting;

/// <summary>
/// Says where a setting came from: "config/appsettings.json line 12", "environment variable TRADINGDESK_X__Y", …
/// The last source that sets a key wins, as in the configuration itself. Without a configuration root (a bare section
/// or an in-memory collection) it says nothing.
/// </summary>
public sealed partial class SettingLocations(IConfiguration? configuration)
{
    private readonly Dictionary<string, JsonSettingsFile?> _files = new(StringComparer.Ordinal);

    [GeneratedRegex("Prefix: '([^']*)'")]
    private static partial Regex PrefixPattern();

    /// <summary>" (config/appsettings.json line 12)", or "" when the source is not known.</summary>
    public string Suffix(string key) => Of(key) is { } where ? $" ({where})" : "";

    /// <summary>Where <paramref name="key"/> was set, or null when the source is not known.</summary>
    public string? Of(string key)
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _) && !provider.GetChildKeys([], key).Any()) continue;
            switch (provider)
            {
                case FileConfigurationProvider file when file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath is { } path:
                    var json = File(path);
                    return json?.LineOf(key) is { } line ? $"{json.Path} line {line}" : json?.Path ?? path;
                case EnvironmentVariablesConfigurationProvider env:
                    var prefix = PrefixPattern().Match(env.ToString()) is { Success: true } m ? m.Groups[1].Value : "";
                    return $"environment variable {prefix}{key.Replace(":", "__", StringComparison.Ordinal)}";
                default:
                    return null;
            }
        }
        return null;
    }

    private JsonSettingsFile? File(string path)
    {
        if (_files.TryGetValue(path, out var known)) return known;
        JsonSettingsFile? read;
        try
        {
            read = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && System.IO.File.Exists(path) ? JsonSettingsFile.Read(path) : null;
        }
        catch (DeskStartException)
        {
            read = null;
        }
        return _files[path] = read;
    }
}
