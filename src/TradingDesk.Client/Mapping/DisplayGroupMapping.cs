using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>The display-group stream's wire events to the client's items; an event with no case this client knows fails naming its field.</summary>
internal static class DisplayGroupMapping
{
    public static DisplayGroupItem DisplayGroup(W.DisplayGroupEvent w) => w.KindCase switch
    {
        W.DisplayGroupEvent.KindOneofCase.Subscribed => new DisplayGroupOpened(w.Subscribed.Id),
        W.DisplayGroupEvent.KindOneofCase.Changed => new DisplayGroupShows(
            w.Changed.Subscription, w.Changed.ContractInfo, Time(w.Changed.LocalTime, "changed.local_time")),
        W.DisplayGroupEvent.KindOneofCase.Note => new DisplayGroupNote(StreamMapping.Note(w.Note, "note")),
        _ => throw StreamMapping.Unknown("kind"),
    };
}
