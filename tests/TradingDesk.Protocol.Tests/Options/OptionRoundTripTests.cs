using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.TextOnly;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>Encode → decode over random field values, text and protobuf, at the shared versions and this family's gates.</summary>
public sealed class OptionRoundTripTests
{
    public static TheoryData<int> Versions => OptionTestSupport.Versions();

    [Theory, MemberData(nameof(Versions))]
    public void Calculators(int version)
    {
        Property.ForAll(
            from id in MarketDataGens.OptInt
            from contract in MarketDataGens.C12()
            from price in MarketDataGens.OptDouble
            from under in MarketDataGens.OptDouble
            from options in MarketDataGens.Options
            select (id, contract, price, under, options),
            x =>
            {
                var iv = new CalculateImpliedVolatilityRequest { Contract = x.contract };
                var px = new CalculateOptionPriceRequest { Contract = x.contract };
                if (x.id is { } id) iv.ReqId = px.ReqId = id;
                if (x.price is { } p) iv.OptionPrice = px.Volatility = p;
                if (x.under is { } u) iv.UnderPrice = px.UnderPrice = u;
                MarketDataGens.Fill(iv.ImpliedVolatilityOptions, x.options);
                MarketDataGens.Fill(px.OptionPriceOptions, x.options);
                CodecAssert.RoundTripAllEncodings(iv, version, ClientToServer);
                CodecAssert.RoundTripAllEncodings(px, version, ClientToServer);
            });
        Property.ForAll(Gens.Int, id =>
        {
            CodecAssert.RoundTripAllEncodings(new CancelCalculateImpliedVolatility { ReqId = id }, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(new CancelCalculateOptionPrice { ReqId = id }, version, ClientToServer);
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void ExerciseOptions(int version)
    {
        var g = new FieldGen<ExerciseOptionsRequest>()
            .Int((m, x) => m.OrderId = x)
            .With(ContractGens.Block(ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass)
                .Select(c => (Action<ExerciseOptionsRequest>)(m => m.Contract = c)))
            .Int((m, x) => m.ExerciseAction = x)
            .Int((m, x) => m.ExerciseQuantity = x)
            .Text((m, x) => m.Account = x)
            .Bool((m, x) => m.Override = x);
        // Each later field only from its gate: below it the text form has no place for it.
        if (version >= V.ManualOrderTimeExerciseOptions) g.Text((m, x) => m.ManualOrderTime = x);
        if (version >= V.CustomerAccount) g.Text((m, x) => m.CustomerAccount = x);
        if (version >= V.ProfessionalCustomer) g.Bool((m, x) => m.ProfessionalCustomer = x);
        Property.ForAll(g.Gen(), m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
    }

    [Theory, MemberData(nameof(Versions))]
    public void OptionChain(int version)
    {
        Property.ForAll(new FieldGen<SecDefOptParamsRequest>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.UnderlyingSymbol = x)
                .Text((m, x) => m.FutFopExchange = x)
                .Text((m, x) => m.UnderlyingSecType = x)
                .Int((m, x) => m.UnderlyingConId = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<SecDefOptParameter>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.Exchange = x)
                .Int((m, x) => m.UnderlyingConId = x)
                .Text((m, x) => m.TradingClass = x)
                .Text((m, x) => m.Multiplier = x)
                .With(OptionTestSupport.List(Gens.Text).Select(e => (Action<SecDefOptParameter>)(m => m.Expirations.Add(e))))
                .With(OptionTestSupport.List(Gens.Double, 30).Select(s => (Action<SecDefOptParameter>)(m => m.Strikes.Add(s))))
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(Gens.Int, id =>
            CodecAssert.RoundTripAllEncodings(new SecDefOptParameterEnd { ReqId = id }, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void OptionComputation(int version)
    {
        var g = new FieldGen<TickOptionComputation>()
            .Int((m, x) => m.ReqId = x)
            .Always(FsCheck.Fluent.Gen.Elements(10, 11, 12, 13, 53, 80, 81, 82, 83), (m, x) => m.TickType = x);
        if (version >= V.PriceBasedVolatility) g.Value(FsCheck.Fluent.Gen.Elements(0, 1), (m, x) => m.TickAttrib = x);
        var d = OptionTestSupport.DoubleOrSentinel;
        g.Value(d, (m, x) => m.ImpliedVol = x).Value(d, (m, x) => m.Delta = x)
            .Value(d, (m, x) => m.OptPrice = x).Value(d, (m, x) => m.PvDividend = x)
            .Value(d, (m, x) => m.Gamma = x).Value(d, (m, x) => m.Vega = x)
            .Value(d, (m, x) => m.Theta = x).Value(d, (m, x) => m.UndPrice = x);
        Property.ForAll(g.Gen(), m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void TextOnlyTicks(int version)
    {
        // Text only at every version: from 201 they travel as text behind a binary id (and the protobuf form of
        // the project's own schema round-trips too, for a peer that chooses it).
        Property.ForAll(new FieldGen<TickEFP>()
                .Int((m, x) => m.ReqId = x)
                .Int((m, x) => m.TickType = x)
                .Double((m, x) => m.BasisPoints = x)
                .Text((m, x) => m.FormattedBasisPoints = x)
                .Double((m, x) => m.ImpliedFuturesPrice = x)
                .Int((m, x) => m.HoldDays = x)
                .Text((m, x) => m.FutureLastTradeDate = x)
                .Double((m, x) => m.DividendImpact = x)
                .Double((m, x) => m.DividendsToLastTradeDate = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<DeltaNeutralValidation>()
                .Int((m, x) => m.ReqId = x)
                .Int((m, x) => m.ConId = x)
                .Double((m, x) => m.Delta = x)
                .Double((m, x) => m.Price = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }
}
