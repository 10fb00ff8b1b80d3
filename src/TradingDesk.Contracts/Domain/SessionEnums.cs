namespace TradingDesk.Desk.Domain;

/// <summary>setServerLogLevel's values: how much the gateway writes to its own log (1 quietest, 5 most).</summary>
public enum ServerLogLevel { System = 1, Error = 2, Warning = 3, Information = 4, Detail = 5 }

/// <summary>
/// The Financial Advisor configuration kinds of requestFA / replaceFA, numbered as IB's faDataType. Profiles were
/// folded into groups by IB and are refused from the server version that removed them.
/// </summary>
public enum FaDataKind { Groups = 1, Profiles = 2, Aliases = 3 }
