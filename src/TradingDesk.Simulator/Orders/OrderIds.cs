using System.Globalization;

namespace TradingDesk.Simulator.Orders;

/// <summary>An API client id; orders are owned per client.</summary>
public readonly record struct ClientId(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A client-chosen order id (unique per client id).</summary>
public readonly record struct OrderId(int Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>IB's permanent order id, unique across clients and sessions; large like IB's.</summary>
public readonly record struct PermId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An order's identity in the simulator: the placing client and its order id.</summary>
public readonly record struct OrderKey(ClientId ClientId, OrderId OrderId)
{
    public override string ToString() => $"{ClientId}/{OrderId}";
}

/// <summary>An execution id in TWS style, e.g. "0000e0d5.65d8b1c2.01.01".</summary>
public readonly record struct ExecId(string Value)
{
    public override string ToString() => Value;
}
