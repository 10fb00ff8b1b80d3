using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// Multi-account streams.
public sealed partial class DeskClient
{
    /// <summary>Positions of <paramref name="account"/> and <paramref name="modelCode"/> (one may be empty): the initial set, its end, then updates.</summary>
    public IAsyncEnumerable<PositionsMultiItem> PositionsMulti(AccountId account, string modelCode = "", CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribePositionsMulti { Account = account.Value ?? "", ModelCode = modelCode ?? "" };
        return Stream("StreamPositionsMulti", o => _desk.StreamPositionsMulti(request, o), MapPositionsMulti, cancellationToken);
    }

    /// <summary>Account values of <paramref name="account"/> and <paramref name="modelCode"/>: the initial set, its end, then updates.</summary>
    public IAsyncEnumerable<AccountUpdatesMultiItem> AccountUpdatesMulti(AccountId account, string modelCode = "", bool ledgerAndNlv = false, CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeAccountUpdatesMulti { Account = account.Value ?? "", ModelCode = modelCode ?? "", LedgerAndNlv = ledgerAndNlv };
        return Stream("StreamAccountUpdatesMulti", o => _desk.StreamAccountUpdatesMulti(request, o), MapAccountUpdatesMulti, cancellationToken);
    }

    private static PositionsMultiItem MapPositionsMulti(W.PositionsMultiEvent w) => w.KindCase switch
    {
        W.PositionsMultiEvent.KindOneofCase.Position => new PositionMultiUpdate(new AccountId(w.Position.Account), w.Position.ModelCode,
            w.Position.Contract.FromWire("position.contract"), Dec(w.Position.Quantity, "position.quantity"),
            DecOrNull(w.Position.HasAverageCost, w.Position.AverageCost, "position.average_cost"), Time(w.Position.LocalTime, "position.local_time")),
        W.PositionsMultiEvent.KindOneofCase.End => new PositionsMultiEnd(Time(w.End.LocalTime, "end.local_time")),
        W.PositionsMultiEvent.KindOneofCase.Note => new PositionsMultiNote(StreamMapping.Note(w.Note, "note")),
        _ => throw StreamMapping.Unknown("kind"),
    };

    private static AccountUpdatesMultiItem MapAccountUpdatesMulti(W.AccountUpdatesMultiEvent w) => w.KindCase switch
    {
        W.AccountUpdatesMultiEvent.KindOneofCase.Update => new AccountUpdateMulti(new AccountId(w.Update.Account), w.Update.ModelCode, w.Update.Key,
            w.Update.Value, DecOrNull(w.Update.HasAmount, w.Update.Amount, "update.amount"), w.Update.Currency, Time(w.Update.LocalTime, "update.local_time")),
        W.AccountUpdatesMultiEvent.KindOneofCase.End => new AccountUpdatesMultiEnd(Time(w.End.LocalTime, "end.local_time")),
        W.AccountUpdatesMultiEvent.KindOneofCase.Note => new AccountUpdatesMultiNote(StreamMapping.Note(w.Note, "note")),
        _ => throw StreamMapping.Unknown("kind"),
    };
}
