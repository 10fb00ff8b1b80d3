using Gen = FsCheck.Fluent.Gen;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.ReferenceData;

/// <summary>Encode → decode over random field values, both encodings, at the shared versions and this family's gates.</summary>
public sealed class ReferenceDataRoundTripTests
{
    /// <summary>The shared versions plus each existence gate, the layout gates 120 and 176, and both sides of the protobuf gates.</summary>
    public static TheoryData<int> Versions()
    {
        var data = new TheoryData<int>();
        foreach (var v in CodecAssert.Versions.Concat([106, 108, 112, 114, 119, 120, 125, 126, 167, 175, 206, 211, 212]).Distinct().Order()) data.Add(v);
        return data;
    }

    /// <summary>0 to 3 items of a repeated field, added by <paramref name="add"/>.</summary>
    private static FsCheck.Gen<Action<T>> Repeated<T, TItem>(FsCheck.Gen<TItem> item, Action<T, TItem[]> add) =>
        from count in Gen.Choose(0, 3)
        from items in Gen.ArrayOf(item, count)
        select (Action<T>)(m => add(m, items));

    [Theory, MemberData(nameof(Versions))]
    public void MatchingSymbols(int version)
    {
        Property.ForAll(new FieldGen<MatchingSymbolsRequest>().Int((m, x) => m.ReqId = x).Text((m, x) => m.Pattern = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        var contract = new FieldGen<Contract>()
            .Int((c, x) => c.ConId = x)
            .Text((c, x) => c.Symbol = x)
            .Text((c, x) => c.SecType = x)
            .Text((c, x) => c.PrimaryExch = x)
            .Text((c, x) => c.Currency = x);
        if (version >= ServerVersions.BondIssuerId) contract.Text((c, x) => c.Description = x).Text((c, x) => c.IssuerId = x);
        var description = from c in contract.Gen()
                          from count in Gen.Choose(0, 3)
                          from types in Gen.ArrayOf(Gens.Text, count)
                          select new ContractDescription { Contract = c, DerivativeSecTypes = { types } };
        Property.ForAll(new FieldGen<SymbolSamples>()
                .Int((m, x) => m.ReqId = x)
                .With(Repeated<SymbolSamples, ContractDescription>(description, (m, xs) => m.ContractDescriptions.AddRange(xs)))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void MarketRules(int version)
    {
        Property.ForAll(Gens.OptionalValue(Gens.Int), id =>
        {
            var request = new MarketRuleRequest();
            if (id is { } x) request.MarketRuleId = x;
            CodecAssert.RoundTripAllEncodings(request, version, ClientToServer);
        });
        var increment = new FieldGen<PriceIncrement>().Double((p, x) => p.LowEdge = x).Double((p, x) => p.Increment = x).Gen();
        Property.ForAll(new FieldGen<MarketRule>()
                .Int((m, x) => m.MarketRuleId = x)
                .With(Repeated<MarketRule, PriceIncrement>(increment, (m, xs) => m.PriceIncrements.AddRange(xs)))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void SmartComponents(int version)
    {
        Property.ForAll(new FieldGen<SmartComponentsRequest>().Int((m, x) => m.ReqId = x).Text((m, x) => m.BboExchange = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        var component = new FieldGen<SmartComponent>()
            .Int((c, x) => c.BitNumber = x).Text((c, x) => c.Exchange = x).Text((c, x) => c.ExchangeLetter = x).Gen();
        Property.ForAll(new FieldGen<SmartComponents>()
                .Int((m, x) => m.ReqId = x)
                .With(Repeated<SmartComponents, SmartComponent>(component, (m, xs) => m.SmartComponents_.AddRange(xs)))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void DepthExchanges(int version)
    {
        CodecAssert.RoundTripAllEncodings(new MarketDepthExchangesRequest(), version, ClientToServer);
        var description = new FieldGen<DepthMarketDataDescription>().Text((d, x) => d.Exchange = x).Text((d, x) => d.SecType = x);
        if (version >= 120)
            description.Text((d, x) => d.ListingExch = x).Text((d, x) => d.ServiceDataType = x).Int((d, x) => d.AggGroup = x);
        else
            description.Ref(Gen.Elements("Deep", "Deep2"), (d, x) => d.ServiceDataType = x); // all the isL2 flag can say
        Property.ForAll(new FieldGen<MarketDepthExchanges>()
                .With(Repeated<MarketDepthExchanges, DepthMarketDataDescription>(description.Gen(), (m, xs) => m.DepthMarketDataDescriptions.AddRange(xs)))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void SoftDollarTiersAndUserInfo(int version)
    {
        var tier = new FieldGen<SoftDollarTier>()
            .Text((t, x) => t.Name = x).Text((t, x) => t.Value = x).Text((t, x) => t.DisplayName = x).Gen();
        Property.ForAll(new FieldGen<SoftDollarTiers>()
                .Int((m, x) => m.ReqId = x)
                .With(Repeated<SoftDollarTiers, SoftDollarTier>(tier, (m, xs) => m.SoftDollarTiers_.AddRange(xs)))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<UserInfo>().Int((m, x) => m.ReqId = x).Text((m, x) => m.WhiteBrandingId = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(Gens.Int, id =>
        {
            CodecAssert.RoundTripAllEncodings(new SoftDollarTiersRequest { ReqId = id }, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(new UserInfoRequest { ReqId = id }, version, ClientToServer);
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void Reroutes(int version)
    {
        Property.ForAll(new FieldGen<RerouteMarketDataRequest>()
                .Int((m, x) => m.ReqId = x).Int((m, x) => m.ConId = x).Text((m, x) => m.Exchange = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<RerouteMarketDepthRequest>()
                .Int((m, x) => m.ReqId = x).Int((m, x) => m.ConId = x).Text((m, x) => m.Exchange = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }
}
