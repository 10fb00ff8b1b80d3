using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Streams;

/// <summary>
/// How one kind of stream turns the desk's messages into its wire events: <see cref="IsItem"/> says whether a message
/// is one of its stream items (a type test: the stream's actor asks it for every message, and maps only those it
/// hands to the reader, not those conflation replaces), <see cref="Item"/> maps a stream item (null when the message is
/// not one), <see cref="Note"/> wraps a note about the stream. <see cref="ConflateTicks"/>: a
/// reader that falls behind gets the latest tick per tick type (market data), instead of an ever longer queue.
/// </summary>
internal sealed record StreamShape<TEvent>(Func<object, bool> IsItem, Func<object, TEvent?> Item, Func<W.StreamNote, TEvent> Note, bool ConflateTicks) where TEvent : class;
