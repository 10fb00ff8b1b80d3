namespace TradingDesk.Desk.Domain;

/// <summary>An order id: allocated by the desk from nextValidId, unique within a gateway session and never reused.</summary>
public readonly record struct OrderId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>IB's permanent order id, assigned by TWS; stable across sessions.</summary>
public readonly record struct PermId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A request (ticker) id, allocated by the desk's router. Strategies never see one.</summary>
public readonly record struct RequestId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>IB's contract id.</summary>
public readonly record struct ConId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An execution id, unique per fill ("0000e0d5.65d8b1c2.01.01"); fills are de-duplicated by it.</summary>
public readonly record struct ExecId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>An API client id: one connection to TWS / IB Gateway.</summary>
public readonly record struct ClientId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An IB account code, e.g. DU111111.</summary>
public readonly record struct AccountId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The name a strategy runs under; orders and subscriptions are attributed to it.</summary>
public readonly record struct StrategyId(string Value)
{
    public override string ToString() => Value;
}
