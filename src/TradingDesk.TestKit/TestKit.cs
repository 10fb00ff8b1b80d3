namespace TradingDesk.TestKit;

/// <summary>The xunit TestKit. Not built yet: it arrives with the actor runtime.</summary>
public abstract class TestKit
{
}
