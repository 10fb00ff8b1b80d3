using Microsoft.Extensions.Configuration;
using Serilog;

namespace TradingDesk.Hosting;

/// <summary>Reads <c>config/appsettings.json</c>, <c>appsettings.{Environment}.json</c> and <c>TRADINGDESK_</c> environment variables.</summary>
public static class DeskConfiguration
{
    /// <summary>The configuration section of <see cref="TradingDeskOptions"/>.</summary>
    public const string Section = "TradingDesk";

    /// <summary>The Serilog section (read by Serilog.Settings.Configuration).</summary>
    public const string SerilogSection = "Serilog";

    /// <summary>Environment variables with this prefix override the files (<c>TRADINGDESK_TradingDesk__ClientId=5</c>).</summary>
    public const string EnvironmentPrefix = "TRADINGDESK_";

    /// <summary>
    /// The top-level keys the desk's configuration may hold: its own section, Serilog's, and <c>ENVIRONMENT</c>, which is
    /// what the TRADINGDESK_ENVIRONMENT variable (the default of --environment) becomes. There is no "Logging" section:
    /// the desk logs through Serilog only, so Microsoft.Extensions.Logging's section would be ignored. And
    /// <c>TEST_POSTGRES</c>: the tests' PostgreSQL, which scripts/test.sh exports as TRADINGDESK_TEST_POSTGRES, so a
    /// shell that ran the tests (or a test that runs <c>desk run</c>) still has it; the desk reads nothing from it.
    /// </summary>
    public static readonly IReadOnlyList<string> TopLevelKeys = [Section, SerilogSection, "ENVIRONMENT", "TEST_POSTGRES"];

    /// <summary>The keys Serilog.Settings.Configuration reads at the top of its section (what lies below is Serilog's).</summary>
    public static readonly IReadOnlyList<string> SerilogKeys = ["Using", "MinimumLevel", "WriteTo", "Enrich", "Properties", "Filter", "Destructure", "AuditTo", "LevelSwitches", "FilterSwitches"];

    /// <summary>
    /// Loads the configuration from <paramref name="directory"/>: appsettings.json (required),
    /// appsettings.<paramref name="environment"/>.json (required when an environment is named), clients.json (the gRPC
    /// front's clients, when it exists), then the environment variables. Throws <see cref="DeskStartException"/> for a missing file, malformed JSON (file and line), or an
    /// unknown top-level section or Serilog key.
    /// </summary>
    public static IConfigurationRoot Load(string directory, string? environment, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var full = Path.GetFullPath(directory);
        var main = Path.Combine(full, "appsettings.json");
        if (!File.Exists(main)) throw new DeskStartException($"no configuration file {main}: pass --config DIRECTORY holding appsettings.json");
        JsonSettingsFile.Read(main);
        var builder = new ConfigurationBuilder().SetBasePath(full).AddJsonFile("appsettings.json", optional: false);
        if (!string.IsNullOrWhiteSpace(environment))
        {
            var file = $"appsettings.{environment}.json";
            if (!File.Exists(Path.Combine(full, file))) throw new DeskStartException($"no configuration file {Path.Combine(full, file)} for environment '{environment}'");
            JsonSettingsFile.Read(Path.Combine(full, file));
            builder.AddJsonFile(file, optional: false);
        }
        var clients = Path.Combine(full, GrpcClientsFile.FileName);
        if (File.Exists(clients))
        {
            var read = GrpcClientsFile.Check(clients);
            // Lists merge item by item across files: clients in two files would be spliced into each other.
            foreach (var other in new[] { "appsettings.json", $"appsettings.{environment}.json" }.Where(f => File.Exists(Path.Combine(full, f))))
                if (JsonSettingsFile.Read(Path.Combine(full, other)).LineOf($"{Section}:Grpc:Clients:0") is { } line)
                    throw new DeskStartException($"{Path.Combine(full, other)} line {line} lists gRPC clients, and so does {read.Path}: keep them in {GrpcClientsFile.FileName} only (desk token new writes it)");
            builder.AddJsonFile(GrpcClientsFile.FileName, optional: false);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            // JsonSettingsFile.Read catches what the JSON provider refuses; this is the fallback.
            throw new DeskStartException($"malformed configuration in {full}: {OneLine(ex)}");
        }
        CheckKeys(root);
        return root;
    }

    /// <summary>Every top-level key must be a known section, and every key at the top of the Serilog section one Serilog reads.</summary>
    public static void CheckKeys(IConfiguration configuration)
    {
        var binder = new SettingsBinder(new SettingLocations(configuration));
        foreach (var section in configuration.GetChildren())
        {
            var known = TopLevelKeys.FirstOrDefault(k => string.Equals(k, section.Key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
                throw new DeskStartException(binder.Unknown(section.Path, section.Key, TopLevelKeys.Take(2), "section") +
                    (section.Key.Equals("Logging", StringComparison.OrdinalIgnoreCase) ? "; the desk logs through Serilog: set levels under Serilog:MinimumLevel" : ""));
            if (known != SerilogSection) continue;
            foreach (var key in section.GetChildren())
                if (!SerilogKeys.Contains(key.Key, StringComparer.OrdinalIgnoreCase))
                    throw new DeskStartException(binder.Unknown(key.Path, key.Key, SerilogKeys));
        }
    }

    /// <summary>Binds the <c>TradingDesk</c> section; unknown keys and malformed values throw <see cref="DeskStartException"/> in the user's words.</summary>
    public static TradingDeskOptions BindOptions(IConfiguration configuration) =>
        new SettingsBinder(new SettingLocations(configuration)).Bind<TradingDeskOptions>(configuration.GetSection(Section));

    /// <summary>Serilog from the <c>Serilog</c> section (console on stderr and a rolling file under logs/ by default).</summary>
    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration)
    {
        try
        {
            // The generic host logs a failed start with a stack trace; desk run reports that failure as one line itself.
            return new LoggerConfiguration().ReadFrom.Configuration(configuration)
                .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", Serilog.Events.LogEventLevel.Fatal)
                .CreateLogger();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new DeskStartException($"bad Serilog configuration: {OneLine(ex)}");
        }
    }

    private static string OneLine(Exception ex)
    {
        var text = ex.Message;
        if (ex.InnerException is { } inner && !text.Contains(inner.Message, StringComparison.Ordinal)) text += " " + inner.Message;
        return text.ReplaceLineEndings(" ");
    }
}
