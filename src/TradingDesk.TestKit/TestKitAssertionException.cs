namespace TradingDesk.Testing;

/// <summary>A TestKit expectation failed. The message says what was expected, what arrived and when.</summary>
public sealed class TestKitAssertionException(string message) : Exception(message);
