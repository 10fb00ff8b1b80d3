namespace TradingDesk.Protocol;
internal static class Placeholder { }
