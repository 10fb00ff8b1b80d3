using Xunit.Sdk;

namespace TradingDesk.Testing;

/// <summary>
/// A strategy did not speak the desk's protocol as a test expected: it sent another command, or none in time.
/// The message says what was expected, what came (type, value, sender) and the commands taken before it.
/// </summary>
public sealed class DeskProtocolException(string message) : XunitException(message);
