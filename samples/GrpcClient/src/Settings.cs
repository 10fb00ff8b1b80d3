namespace TradingDesk.Samples.GrpcClient;

/// <summary>Where the desk is, who we are, what to trade: from arguments, else TRADINGDESK_URL / TRADINGDESK_TOKEN.</summary>
internal sealed record Settings(string Url, string Token, string Symbol)
{
    public const string Usage = "usage: GrpcClient [--url http://host:port] [--token TOKEN] [SYMBOL]  (or TRADINGDESK_URL, TRADINGDESK_TOKEN)";

    /// <summary>The settings, or the one line that says what is wrong.</summary>
    public static (Settings? Settings, string? Error) Parse(string[] args, Func<string, string?> env)
    {
        string? url = null, token = null, symbol = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length: url = args[++i]; break;
                case "--token" when i + 1 < args.Length: token = args[++i]; break;
                case "--url" or "--token": return (null, $"{args[i]} needs a value; {Usage}");
                case "-h" or "--help": return (null, Usage);
                case var a when a.StartsWith('-'): return (null, $"unknown option {a}; {Usage}");
                case var a when symbol is null: symbol = a; break;
                default: return (null, $"one symbol only, not also '{args[i]}'; {Usage}");
            }
        }
        url ??= env("TRADINGDESK_URL") ?? "http://127.0.0.1:50051";
        token ??= env("TRADINGDESK_TOKEN");
        symbol ??= "AAPL";
        if (string.IsNullOrWhiteSpace(token)) return (null, $"no token: pass --token or set TRADINGDESK_TOKEN; {Usage}");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return (null, $"'{url}' is not a desk address (http://host:port); {Usage}");
        if (!symbol.All(c => char.IsAsciiLetterOrDigit(c) || c == '.')) return (null, $"'{symbol}' is not a symbol; {Usage}");
        return (new Settings(url, token, symbol.ToUpperInvariant()), null);
    }
}
