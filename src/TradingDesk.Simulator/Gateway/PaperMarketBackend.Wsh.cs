using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// Wall Street Horizon: reqWshMetaData / cancelWshMetaData, reqWshEventData / cancelWshEventData. Both answer at
// once with one JSON document and leave nothing pending, so a cancel (of any id) is accepted silently and IB's
// duplicate-request codes (10278, 10281) cannot arise (UNCONFIRMED: whether IB keeps an answered request pending).
public sealed partial class PaperMarketBackend
{
    /// <summary>IB caps an event request at 100 events.</summary>
    private const int MaxWshEvents = 100;

    // Clients that asked for the metadata in this session (IB refuses event data before it: 10282). Weak, so a
    // client's entry goes with its ClientLines when the connection closes.
    private readonly ConditionalWeakTable<ClientLines, object> _wshMetaRequested = new();

    private bool OnWshRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case WshMetaDataRequest r:
                _wshMetaRequested.AddOrUpdate(client, true);
                session.Send(new WshMetaData { ReqId = r.ReqId, DataJson = WshMetaJson() });
                return true;
            case WshEventDataRequest r:
                if (!_wshMetaRequested.TryGetValue(client, out _))
                {
                    session.Send(GatewayErrors.Create(r.ReqId, 10282, "WSH metadata not requested", Now));
                    return true;
                }
                if (WshEvents(r) is { } json) session.Send(new WshEventData { ReqId = r.ReqId, DataJson = json });
                else session.Send(GatewayErrors.Create(r.ReqId, 10309, "Invalid WSH event data request.", Now));
                return true;
            case CancelWshMetaData or CancelWshEventData:
                return true;
            default:
                return false;
        }
    }

    private static string WshMetaJson()
    {
        var types = new JsonArray();
        foreach (var (tag, name) in WshCalendar.EventTypes) types.Add(new JsonObject { ["tag"] = tag, ["name"] = name });
        var filters = new JsonArray
        {
            new JsonObject { ["tag"] = "watchlist", ["name"] = "Watchlist", ["type"] = "conid_list" },
            new JsonObject { ["tag"] = "country", ["name"] = "Country", ["values"] = new JsonArray("All", "US") },
        };
        foreach (var (tag, name) in WshCalendar.EventTypes) filters.Add(new JsonObject { ["tag"] = tag, ["name"] = name, ["type"] = "bool" });
        return new JsonObject { ["meta_data"] = new JsonObject { ["event_types"] = types, ["filters"] = filters } }.ToJsonString();
    }

    /// <summary>The events as IB's JSON array, or null for an invalid request (10309).</summary>
    private string? WshEvents(WshEventDataRequest r)
    {
        var hasConId = r.HasConId && r.ConId is > 0 and < int.MaxValue;
        var hasFilter = !string.IsNullOrWhiteSpace(r.Filter);
        if (hasConId == hasFilter) return null; // a request names a contract or a filter, not both
        var today = ExchangeTimeZone.Eastern.LocalDate(Now);
        if (!TryWshDate(r.StartDate, today, out var from) || !TryWshDate(r.EndDate, from.AddYears(1), out var to) || to < from) return null;
        var limit = r.HasTotalLimit && r.TotalLimit is > 0 and < int.MaxValue ? Math.Min(r.TotalLimit, MaxWshEvents) : MaxWshEvents;
        var calendar = new WshCalendar(Market.Prices.Options.Seed, Market.Catalogue);
        var types = WshCalendar.EventTypes.Select(t => t.Tag).ToHashSet();
        IEnumerable<ContractDefinition> contracts;
        if (hasConId)
            contracts = calendar.Covered.Where(c => c.ConId.Value == r.ConId);
        else
        {
            if (ParseWshFilter(r.Filter, out var selected, out var wanted) is false) return null;
            if (wanted.Count > 0) types = wanted;
            var conIds = selected.ToHashSet();
            if (r.FillPortfolio)
                foreach (var (_, contract, _) in Market.Positions()) conIds.Add(contract.ConId.Value);
            // Watchlists and competitor lists live in TWS's user settings, which the simulator has none of.
            contracts = conIds.Count == 0 && selected.Count == 0 && !r.FillPortfolio
                ? calendar.Covered
                : calendar.Covered.Where(c => conIds.Contains(c.ConId.Value));
        }
        var events = contracts.SelectMany(c => calendar.Events(c, types, from, to))
            .Where(e => e.Date >= from && e.Date <= to)
            .OrderBy(e => e.Date).ThenBy(e => e.ConId.Value).ThenBy(e => e.Type, StringComparer.Ordinal)
            .Take(limit);
        var array = new JsonArray();
        foreach (var e in events)
        {
            var date = e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var data = new JsonObject { ["conid"] = e.ConId.Value, ["symbol"] = e.Symbol, ["date"] = date };
            if (e.TimeOfDay.Length > 0) data["time_of_day"] = e.TimeOfDay;
            array.Add(new JsonObject { ["event_key"] = $"{e.Type}-{e.ConId.Value}-{date}", ["event_type"] = e.Type, ["data"] = data });
        }
        return array.ToJsonString();
    }

    private static bool TryWshDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return DateOnly.TryParseExact(text.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    // The filter is IB's JSON object: "watchlist" lists conIds (as strings or numbers), each event tag set to
    // true or "true" selects that type (none selected: every type), other keys ("country", "limit_region", ...)
    // are accepted and have nothing to narrow here (every covered stock is a US listing).
    private static bool ParseWshFilter(string json, out List<int> conIds, out HashSet<string> types)
    {
        conIds = [];
        types = [];
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
        if (root is null) return false;
        foreach (var (key, value) in root)
        {
            if (key == "watchlist")
            {
                if (value is not JsonArray list) return false;
                foreach (var item in list)
                {
                    var text = item?.ToString() ?? "";
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var conId)) return false;
                    conIds.Add(conId);
                }
            }
            else if (WshCalendar.EventTypes.Any(t => t.Tag == key) && string.Equals(value?.ToString(), "true", StringComparison.OrdinalIgnoreCase))
                types.Add(key);
        }
        return true;
    }
}
