using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TradingDesk.Desk.Domain;

namespace TradingDesk.Cli.Commands;

/// <summary>SYMBOL plus <c>--sec-type</c>, <c>--exchange</c>, <c>--currency</c> (and <c>--expiry</c>): the contract a verb is about.</summary>
public sealed class ContractOptions
{
    public Argument<string> Symbol { get; } = new("SYMBOL") { Description = "The symbol, e.g. AAPL (EUR for EUR.USD with --sec-type CASH)." };
    public Option<string> SecType { get; } = new("--sec-type") { Description = "IB security type: STK, FUT, CASH, IND, OPT, … (default STK).", DefaultValueFactory = _ => "STK" };
    public Option<string?> Exchange { get; } = new("--exchange") { Description = "Exchange (default SMART; IDEALPRO for CASH, CME for FUT)." };
    public Option<string> Currency { get; } = new("--currency") { Description = "Currency (default USD).", DefaultValueFactory = _ => "USD" };
    public Option<string?> Expiry { get; } = new("--expiry") { Description = "Contract month YYYYMM or last trading day YYYYMMDD (futures, options)." };
    private readonly bool _withExpiry;

    public ContractOptions(bool withExpiry)
    {
        _withExpiry = withExpiry;
        Symbol.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (text.Trim().Length == 0 || text.Any(char.IsWhiteSpace)) r.AddError($"SYMBOL must be a symbol such as AAPL, not '{text}'");
        });
        SecType.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "STK";
            try { WireNames.ParseSecType(text.ToUpperInvariant()); }
            catch (FormatException) { r.AddError($"--sec-type must be one of STK, OPT, FUT, CASH, IND, BOND, CFD, FOP, CMDTY, FUND, WAR, CRYPTO, NEWS, not '{text}'"); }
        });
        Currency.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "USD";
            if (text.Length != 3 || !text.All(char.IsAsciiLetter)) r.AddError($"--currency must be a 3-letter code such as USD, not '{text}'");
        });
        Expiry.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (text is not null && !IsExpiry(text))
                r.AddError($"--expiry must be a contract month YYYYMM or a day YYYYMMDD (e.g. 202606 or 20260619), not '{text}'");
        });
    }

    /// <summary>YYYYMM with a real month, or YYYYMMDD with a real day.</summary>
    public static bool IsExpiry(string text) => text.All(char.IsAsciiDigit) && text.Length switch
    {
        6 => DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        8 => DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => false,
    };

    public IEnumerable<Symbol> Symbols => _withExpiry ? [Symbol, SecType, Exchange, Currency, Expiry] : [Symbol, SecType, Exchange, Currency];

    public ContractSpec Build(ParseResult parse)
    {
        var secType = WireNames.ParseSecType(parse.GetValue(SecType)!.ToUpperInvariant());
        var exchange = parse.GetValue(Exchange) ?? secType switch
        {
            Desk.Domain.SecType.Forex => "IDEALPRO",
            Desk.Domain.SecType.Future => "CME",
            // A BroadTape contract is "BRFG:BRFG_ALL" on the provider's own exchange.
            Desk.Domain.SecType.News => parse.GetValue(Symbol)!.Split(':')[0].Trim(),
            _ => "SMART",
        };
        return new ContractSpec
        {
            Symbol = parse.GetValue(Symbol)!.Trim().ToUpperInvariant(),
            SecType = secType,
            Exchange = exchange.ToUpperInvariant(),
            Currency = parse.GetValue(Currency)!.ToUpperInvariant(),
            LastTradeDateOrContractMonth = _withExpiry ? parse.GetValue(Expiry) : null,
        };
    }
}
