using Microsoft.Extensions.Configuration;
using Serilog;

namespace TradingDesk.Hosting;

/// <summary>Reads <c>config/appsettings.json</c>, <c>appsettings.{Environment}.json</c> and <c>TRADINGDESK_</c> environment variables.</summary>
public static class DeskConfiguration
{
    /// <summary>The configuration section of <see cref="TradingDeskOptions"/>.</summary>
    public const string Section = "TradingDesk";

    /// <summary>Environment variables with this prefix override the files (<c>TRADINGDESK_TradingDesk__ClientId=5</c>).</summary>
    public const string EnvironmentPrefix = "TRADINGDESK_";

    /// <summary>
    /// Loads the configuration from <paramref name="directory"/>: appsettings.json (required),
    /// appsettings.<paramref name="environment"/>.json (required when an environment is named), then the environment
    /// variables. Throws <see cref="DeskStartException"/> for a missing file or malformed JSON.
    /// </summary>
    public static IConfigurationRoot Load(string directory, string? environment, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var full = Path.GetFullPath(directory);
        var main = Path.Combine(full, "appsettings.json");
        if (!File.Exists(main)) throw new DeskStartException($"no configuration file {main}: pass --config DIRECTORY holding appsettings.json");
        var builder = new ConfigurationBuilder().SetBasePath(full).AddJsonFile("appsettings.json", optional: false);
        if (!string.IsNullOrWhiteSpace(environment))
        {
            var file = $"appsettings.{environment}.json";
            if (!File.Exists(Path.Combine(full, file))) throw new DeskStartException($"no configuration file {Path.Combine(full, file)} for environment '{environment}'");
            builder.AddJsonFile(file, optional: false);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new DeskStartException($"malformed configuration in {full}: {OneLine(ex)}");
        }
    }

    /// <summary>Binds the <c>TradingDesk</c> section; unknown keys and malformed values throw <see cref="DeskStartException"/>.</summary>
    public static TradingDeskOptions BindOptions(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(Section).Get<TradingDeskOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new TradingDeskOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new DeskStartException($"bad configuration: {OneLine(ex)}");
        }
    }

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
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
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
