using Google.Protobuf;
using System.Runtime.Serialization;
using TradingDesk.Cluster.Serialization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using static TradingDesk.Desk.Messages.WshMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>The research messages' wire cases the generic round trip cannot pick: absent optionals, the 430 failure inside RequestFailed.</summary>
public sealed class ResearchWireTests() : Akka.TestKit.Xunit2.TestKit(DeskSerialization.Config, "research-wire")
{
    [Fact]
    public void A_report_not_available_failure_crosses_nodes_inside_request_failed()
    {
        var failed = new RequestFailed(new GetFundamentals(Contract.Stock("AAPL"), FundamentalsReport.CalendarReport),
            new ReportNotAvailable("AAPL STK SMART USD", FundamentalsReport.CalendarReport, "not available"));
        var back = Assert.IsType<RequestFailed>(RoundTrip(failed));
        Assert.Equal(failed.Failure, back.Failure);
        Assert.Equal(FundamentalsReport.CalendarReport, Assert.IsType<GetFundamentals>(back.Request).Report);
    }

    [Fact]
    public void Absent_bounds_and_fields_stay_absent()
    {
        var events = new GetWshEvents(FilterJson: "{}");
        Assert.Equal(events, RoundTrip(events));
        var ticks = new GetHistoricalTicks(Contract.Stock("AAPL"), HistoricalTicksKind.BidAsk, null, DateTimeOffset.FromUnixTimeSeconds(1_772_463_600), 10);
        Assert.Equal(ticks, RoundTrip(ticks));
        var midpoint = new HistoricalTick(DateTimeOffset.FromUnixTimeSeconds(1), 1.5m, null, null, null, false, false, null, null, null, null, false, false);
        Assert.Equal(midpoint, RoundTrip(midpoint));
    }

    [Fact]
    public void An_unspecified_report_from_a_hostile_node_is_refused()
    {
        var serializer = Sys.Serialization.FindSerializerFor(new GetFundamentals(Contract.Stock("AAPL"), FundamentalsReport.Resc));
        var bytes = new W.GetFundamentals { Contract = new W.ContractSpec { Symbol = "AAPL", SecType = W.SecType.Stock, Exchange = "SMART", Currency = "USD" } }.ToByteArray();
        Assert.ThrowsAny<SerializationException>(() => Sys.Serialization.Deserialize(bytes, serializer.Identifier, "fu.get"));
    }

    private object RoundTrip(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        return Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }
}
