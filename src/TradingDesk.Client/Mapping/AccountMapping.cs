using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>The account updates and single-position P&amp;L streams' events, through the contract's readers: a value the
/// contract does not allow throws naming its field, an empty oneof too.</summary>
internal static class AccountMapping
{
    public static AccountUpdatesItem AccountUpdates(W.AccountUpdatesEvent w) => w.KindCase switch
    {
        W.AccountUpdatesEvent.KindOneofCase.Value => new AccountUpdateValue(
            new AccountId(w.Value.Account), w.Value.Key, w.Value.Value, DecOrNull(w.Value.HasAmount, w.Value.Amount, "value.amount"),
            w.Value.Currency, Time(w.Value.LocalTime, "value.local_time")),
        W.AccountUpdatesEvent.KindOneofCase.Portfolio => Portfolio(w.Portfolio, "portfolio"),
        W.AccountUpdatesEvent.KindOneofCase.AccountTime => new AccountUpdateTime(w.AccountTime.GatewayTime, Time(w.AccountTime.LocalTime, "account_time.local_time")),
        W.AccountUpdatesEvent.KindOneofCase.End => new AccountDownloadEnd(new AccountId(w.End.Account), Time(w.End.LocalTime, "end.local_time")),
        W.AccountUpdatesEvent.KindOneofCase.Note => new AccountUpdatesNote(StreamMapping.Note(w.Note, "note")),
        _ => throw StreamMapping.Unknown("kind"),
    };

    private static PortfolioUpdate Portfolio(W.PortfolioItem p, string field) => new(
        new AccountId(p.Account), p.Contract.FromWire(field + ".contract"), Dec(p.Position, field + ".position"),
        DecOrNull(p.HasMarketPrice, p.MarketPrice, field + ".market_price"), DecOrNull(p.HasMarketValue, p.MarketValue, field + ".market_value"),
        DecOrNull(p.HasAverageCost, p.AverageCost, field + ".average_cost"), DecOrNull(p.HasUnrealizedPnl, p.UnrealizedPnl, field + ".unrealized_pnl"),
        DecOrNull(p.HasRealizedPnl, p.RealizedPnl, field + ".realized_pnl"), Time(p.LocalTime, field + ".local_time"));

    public static PnLSingleItem PnLSingle(W.PnLSingleEvent w)
    {
        if (w.KindCase == W.PnLSingleEvent.KindOneofCase.Note) return new PnLSingleNote(StreamMapping.Note(w.Note, "note"));
        if (w.KindCase != W.PnLSingleEvent.KindOneofCase.Pnl) throw StreamMapping.Unknown("kind");
        var p = w.Pnl;
        return new PnLSingleUpdate(
            Dec(p.Position, "pnl.position"), DecOrNull(p.HasDaily, p.Daily, "pnl.daily"), DecOrNull(p.HasUnrealized, p.Unrealized, "pnl.unrealized"),
            DecOrNull(p.HasRealized, p.Realized, "pnl.realized"), DecOrNull(p.HasValue, p.Value, "pnl.value"), Time(p.LocalTime, "pnl.local_time"));
    }
}
