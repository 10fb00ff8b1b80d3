namespace TradingDesk.Client;

/// <summary>One item of <see cref="DeskClient.DisplayGroup"/>: a <see cref="DisplayGroupOpened"/> first, then <see cref="DisplayGroupShows"/> and <see cref="DisplayGroupNote"/>.</summary>
public abstract record DisplayGroupItem;

/// <summary>The first item: the stream's subscription, which <see cref="DeskClient.UpdateDisplayGroupAsync"/> names.</summary>
public sealed record DisplayGroupOpened(long Subscription) : DisplayGroupItem;

/// <summary>The group shows <see cref="ContractInfo"/> now ("conId@exchange", a combo's legs, or "none").</summary>
public sealed record DisplayGroupShows(long Subscription, string ContractInfo, DateTimeOffset LocalTime) : DisplayGroupItem;

/// <summary>A note about the stream.</summary>
public sealed record DisplayGroupNote(StreamNote Note) : DisplayGroupItem;
