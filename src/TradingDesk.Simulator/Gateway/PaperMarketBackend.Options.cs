using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;
using Position = IBApi.protobuf.Position;

namespace TradingDesk.Simulator.Gateway;

// reqSecDefOptParams, calculateImpliedVolatility / calculateOptionPrice and their cancels, exerciseOptions, and the
// tickOptionComputation ticks of a market-data line on an option.
public sealed partial class PaperMarketBackend
{
    // IBPY ticktype.py: BID/ASK/LAST/MODEL_OPTION 10–13, their delayed twins 80–83, CUST_OPTION_COMPUTATION 53 (the
    // calculators' answer).
    private const int BidOption = 10, AskOption = 11, LastOption = 12, ModelOption = 13, CustomOption = 53;
    private const double SecondsPerYear = 365.25 * 86400;

    private bool OnOptionRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case SecDefOptParamsRequest r:
                SendOptionChain(session, r);
                return true;
            case CalculateImpliedVolatilityRequest r:
                if (IsDuplicate(client, r.ReqId) || OptionOf(session, r.ReqId, r.Contract) is not { } ivContract) return true;
                if (!(r.OptionPrice > 0) || !(r.UnderPrice > 0))
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, "option price and underlying price must be positive", Now));
                    return true;
                }
                client.Live[r.ReqId] = new CalculationLine(r.ReqId);
                var years = YearsToExpiry(ivContract, Now);
                var call = ivContract.Right == OptionRight.Call;
                var iv = OptionModel.ImpliedVol(call, r.UnderPrice, (double)ivContract.Strike, years, r.OptionPrice);
                session.Send(iv is { } vol
                    ? Computation(r.ReqId, CustomOption, vol, OptionModel.Greeks(call, r.UnderPrice, (double)ivContract.Strike, years, vol) with { Price = r.OptionPrice }, r.UnderPrice)
                    : NotComputed(r.ReqId, CustomOption, r.OptionPrice, r.UnderPrice));
                return true;
            case CalculateOptionPriceRequest r:
                if (IsDuplicate(client, r.ReqId) || OptionOf(session, r.ReqId, r.Contract) is not { } pxContract) return true;
                if (!(r.Volatility > 0) || !(r.UnderPrice > 0))
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, "volatility and underlying price must be positive", Now));
                    return true;
                }
                client.Live[r.ReqId] = new CalculationLine(r.ReqId);
                var g = OptionModel.Greeks(pxContract.Right == OptionRight.Call, r.UnderPrice, (double)pxContract.Strike, YearsToExpiry(pxContract, Now), r.Volatility);
                session.Send(Computation(r.ReqId, CustomOption, r.Volatility, g, r.UnderPrice));
                return true;
            case CancelCalculateImpliedVolatility c:
                if (client.Live.TryGetValue(c.ReqId, out var a) && a is CalculationLine) client.Live.Remove(c.ReqId);
                return true;
            case CancelCalculateOptionPrice c:
                if (client.Live.TryGetValue(c.ReqId, out var b) && b is CalculationLine) client.Live.Remove(c.ReqId);
                return true;
            case ExerciseOptionsRequest r:
                ExerciseOptions(client, r);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A calculator request: answered once, live until cancelled (so a cancel has something to end, and 102 guards its id).</summary>
    private sealed class CalculationLine(int reqId) : LiveRequest(reqId);

    /// <summary>
    /// One securityDefinitionOptionParameter per exchange the chain trades on (SMART first, then each venue, or only
    /// the one asked for in futFopExchange), then the End. An underlying without listed options gets the End alone;
    /// an unknown underlying gets 200 (UNCONFIRMED: IB may answer just the End).
    /// </summary>
    private void SendOptionChain(GatewaySession session, SecDefOptParamsRequest r)
    {
        var query = new ContractQuery
        {
            ConId = r.UnderlyingConId != 0 ? new ConId(r.UnderlyingConId) : null,
            Symbol = r.UnderlyingSymbol,
            SecType = string.IsNullOrWhiteSpace(r.UnderlyingSecType) ? null : SecTypeCodes.FromIb(r.UnderlyingSecType),
        };
        var underlying = query.SecType is null && !string.IsNullOrWhiteSpace(r.UnderlyingSecType) ? null : Market.Catalogue.Resolve(query).Contract;
        if (underlying is null)
        {
            session.Send(GatewayErrors.NoSecurityDefinition(r.ReqId, Now));
            return;
        }
        var options = Market.Catalogue.OptionsOn(underlying.ConId);
        if (options.Count > 0)
        {
            var expirations = options.Select(o => o.LastTradeDate!.Value).Distinct().Order()
                .Select(d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).ToList();
            var strikes = options.Select(o => (double)o.Strike).Distinct().Order().ToList();
            var exchanges = options[0].ValidExchanges.Split(',');
            var wanted = (r.FutFopExchange ?? "").Trim();
            foreach (var exchange in exchanges.Where(e => wanted.Length == 0 || string.Equals(e, wanted, StringComparison.OrdinalIgnoreCase)))
            {
                var m = new SecDefOptParameter
                {
                    ReqId = r.ReqId, Exchange = exchange, UnderlyingConId = underlying.ConId.Value,
                    TradingClass = options[0].TradingClass, Multiplier = WireFormat.Qty(options[0].Multiplier),
                };
                m.Expirations.AddRange(expirations);
                m.Strikes.AddRange(strikes);
                session.Send(m);
            }
        }
        session.Send(new SecDefOptParameterEnd { ReqId = r.ReqId });
    }

    /// <summary>The request's contract as a listed option; 200 (unknown) or 321 (not an option) otherwise.</summary>
    private ContractDefinition? OptionOf(GatewaySession session, int reqId, Contract? wire)
    {
        if (Resolve(session, reqId, wire) is not { } c) return null;
        if (c.SecType == SecType.Option) return c;
        session.Send(GatewayErrors.ValidationFailed(reqId, $"{c.LocalSymbol} is a {c.SecType.ToIb()}, not an option", Now));
        return null;
    }

    private static double YearsToExpiry(ContractDefinition option, DateTimeOffset at)
    {
        var close = TradingCalendar.ZoneOf(option.Session).ToInstant(option.LastTradeDate!.Value, new TimeOnly(16, 0));
        return Math.Max(0, (close - at).TotalSeconds / SecondsPerYear);
    }

    private static TickOptionComputation Computation(int reqId, int tickType, double vol, OptionGreeks g, double underPrice) => new()
    {
        ReqId = reqId, TickType = tickType, TickAttrib = 0, ImpliedVol = vol, Delta = g.Delta, OptPrice = g.Price,
        PvDividend = 0, Gamma = g.Gamma, Vega = g.Vega, Theta = g.Theta, UndPrice = underPrice,
    };

    // TWS's "not computed" values (-1 prices and vol, -2 greeks), as the codec's OptionComputationValues reads them.
    private static TickOptionComputation NotComputed(int reqId, int tickType, double optPrice, double underPrice) => new()
    {
        ReqId = reqId, TickType = tickType, TickAttrib = 0, ImpliedVol = -1, Delta = -2, OptPrice = optPrice,
        PvDividend = -1, Gamma = -2, Vega = -2, Theta = -2, UndPrice = underPrice,
    };

    /// <summary>
    /// The option computations of a market-data line on an option: bid, ask and last with the volatility implied by
    /// each price, and the model (the surface's volatility and price), each sent when its price or the underlying's
    /// moved. Delayed lines use 80–83 and the delayed path.
    /// </summary>
    private void SendOptionTicks(GatewaySession session, MarketDataLine line, DateTimeOffset at)
    {
        var c = line.Contract;
        if (c.SecType == SecType.Stock) SendVolatilityTicks(session, line);
        if (c.SecType != SecType.Option || c.UnderlyingConId is not { } underlyingId) return;
        var q = Market.Prices.GetQuote(c.ConId, at);
        var second = Market.Prices.SecondOf(q.Time);
        var spot = Market.Prices.MidAt(Market.Catalogue.Get(underlyingId), second);
        var years = YearsToExpiry(c, q.Time);
        var call = c.Right == OptionRight.Call;
        var strike = (double)c.Strike;
        var surface = VolSurface.ImpliedVol(c.AnnualVolatility, spot, strike, years);
        OptionTick(session, line, BidOption, (double)q.Bid, spot, call, strike, years);
        OptionTick(session, line, AskOption, (double)q.Ask, spot, call, strike, years);
        OptionTick(session, line, LastOption, (double)q.Last, spot, call, strike, years);
        var model = OptionModel.Greeks(call, spot, strike, years, surface);
        if (OptionChanged(line, ModelOption, model.Price, spot))
            session.Send(Computation(line.ReqId, OptionType(line, ModelOption), surface, model, spot));
    }

    /// <summary>
    /// A stock line's generic ticks 104 (tick 23, 30-day historical volatility: the path's own) and 106 (tick 24,
    /// 30-day at-the-money implied volatility from the surface), sent once: both are constant in this model.
    /// </summary>
    private static void SendVolatilityTicks(GatewaySession session, MarketDataLine line)
    {
        var generic = line.GenericTicks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (generic.Contains("104") && !line.Sent.ContainsKey(1023))
        {
            line.Sent[1023] = 1;
            session.Send(new TickGeneric { ReqId = line.ReqId, TickType = 23, Value = line.Contract.AnnualVolatility });
        }
        if (generic.Contains("106") && !line.Sent.ContainsKey(1024))
        {
            line.Sent[1024] = 1;
            session.Send(new TickGeneric { ReqId = line.ReqId, TickType = 24, Value = VolSurface.AtTheMoney30Day(line.Contract.AnnualVolatility) });
        }
    }

    private static void OptionTick(GatewaySession session, MarketDataLine line, int tick, double price, double spot, bool call, double strike, double years)
    {
        if (!OptionChanged(line, tick, price, spot)) return;
        var type = OptionType(line, tick);
        session.Send(OptionModel.ImpliedVol(call, spot, strike, years, price) is { } vol
            ? Computation(line.ReqId, type, vol, OptionModel.Greeks(call, spot, strike, years, vol) with { Price = price }, spot)
            : NotComputed(line.ReqId, type, price, spot));
    }

    // The line's Sent map holds the option ticks under 1000 + tick type, clear of the L1 tick types; the value packs
    // the option price and the underlying's, so a move of either sends a new computation.
    private static bool OptionChanged(MarketDataLine line, int tick, double price, double spot)
    {
        var packed = Math.Round((decimal)spot, 4) * 1_000_000_000m + Math.Round((decimal)price, 4);
        if (line.Sent.TryGetValue(1000 + tick, out var sent) && sent == packed) return false;
        line.Sent[1000 + tick] = packed;
        return true;
    }

    private static int OptionType(MarketDataLine line, int tick) => line.Delayed ? tick + 70 : tick;

    private void ExerciseOptions(ClientLines client, ExerciseOptionsRequest r)
    {
        var session = client.Session;
        if (OptionOf(session, r.OrderId, r.Contract) is not { } option) return;
        if (KnownAccount(session, r.OrderId, r.Account, allowEmpty: true) is not { } account) return;
        if (r.ExerciseAction is not (1 or 2))
        {
            session.Send(GatewayErrors.ValidationFailed(r.OrderId, $"exercise action {r.ExerciseAction} is not 1 (exercise) or 2 (lapse)", Now));
            return;
        }
        var outcome = Market.Exercise(account, option.ConId, r.ExerciseQuantity, r.ExerciseAction == 1, r.Override);
        if (!outcome.Done)
        {
            session.Send(GatewayErrors.ValidationFailed(r.OrderId, outcome.Refusal!, Now));
            return;
        }
        List<ConId> changed = outcome.Underlying is { } u ? [option.ConId, u] : [option.ConId];
        PushPositionChanges(account, changed);
    }

    /// <summary>Positions to position subscribers and values and portfolio to the account's subscribers, after a change that is not a fill.</summary>
    private void PushPositionChanges(AccountId account, IReadOnlyList<ConId> changed)
    {
        foreach (var client in _clients.Values)
        {
            if (client.Positions)
                foreach (var conId in changed)
                {
                    var p = Market.Positions(account).FirstOrDefault(x => x.Contract.ConId == conId).Position;
                    client.Session.Send(new Position
                    {
                        Account = account.Value, Contract = WireFormat.ToWire(Market.Catalogue.Get(conId)),
                        Position_ = WireFormat.Qty(p?.Quantity ?? 0m), AvgCost = (double)(p?.AverageCost ?? 0m),
                    });
                }
            if (client.AccountUpdates == account) SendAccountUpdates(client.Session, account);
        }
    }
}
