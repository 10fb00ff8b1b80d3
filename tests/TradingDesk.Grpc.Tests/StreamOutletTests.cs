using System.Threading.Channels;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Streams;
using Xunit;

namespace TradingDesk.Grpc.Tests;

/// <summary>A slow reader gets the latest tick per tick type and a count of what was replaced; other items never beyond the limit.</summary>
public sealed class StreamOutletTests
{
    private static IEnumerable<string> Render(StreamOutlet<string>.Waiting w)
    {
        if (w.Replaced > 0) yield return $"conflated {w.Key} {w.Replaced}";
        yield return (string)w.Message;
    }

    [Fact]
    public void Ticks_of_one_type_waiting_for_credit_are_replaced_by_the_latest_and_counted()
    {
        var channel = Channel.CreateUnbounded<string>();
        var outlet = new StreamOutlet<string>(channel.Writer, window: 1, limit: 10);
        outlet.Flush(Render);
        Assert.True(outlet.Add("bid 1", TickType.Bid));
        outlet.Flush(Render); // takes the only credit
        Assert.True(outlet.Add("bid 2", TickType.Bid));
        Assert.True(outlet.Add("ask 1", TickType.Ask));
        Assert.True(outlet.Add("bid 3", TickType.Bid));
        outlet.Flush(Render);

        outlet.Credit();
        outlet.Flush(Render);
        outlet.Credit();
        outlet.Credit();
        outlet.Flush(Render);

        var written = new List<string>();
        while (channel.Reader.TryRead(out var item)) written.Add(item);
        Assert.Equal(["bid 1", "conflated Bid 1", "bid 3", "ask 1"], written);
    }

    [Fact]
    public void Items_without_a_key_stop_at_the_limit()
    {
        var outlet = new StreamOutlet<string>(Channel.CreateUnbounded<string>().Writer, window: 1, limit: 2);
        outlet.Flush(Render);
        Assert.True(outlet.Add("a", null));
        outlet.Flush(Render);
        Assert.True(outlet.Add("b", null));
        Assert.True(outlet.Add("c", null));
        Assert.False(outlet.Add("d", null));
    }
}
