namespace TradingDesk.Desk.Messages;

/// <summary>IB's tick types (wire numbers). Values not listed arrive as their number cast to this enum.</summary>
public enum TickType
{
    BidSize = 0, Bid = 1, Ask = 2, AskSize = 3, Last = 4, LastSize = 5, High = 6, Low = 7, Volume = 8, Close = 9,
    BidOptionComputation = 10, AskOptionComputation = 11, LastOptionComputation = 12, ModelOptionComputation = 13,
    Open = 14, Low13Week = 15, High13Week = 16, Low26Week = 17, High26Week = 18, Low52Week = 19, High52Week = 20,
    AverageVolume = 21, OpenInterest = 22, OptionHistoricalVolatility = 23, OptionImpliedVolatility = 24,
    OptionCallOpenInterest = 27, OptionPutOpenInterest = 28, OptionCallVolume = 29, OptionPutVolume = 30,
    IndexFuturePremium = 31, BidExchange = 32, AskExchange = 33, AuctionVolume = 34, AuctionPrice = 35,
    AuctionImbalance = 36, MarkPrice = 37, LastTimestamp = 45, Shortable = 46, RtVolume = 48, Halted = 49,
    TradeCount = 54, TradeRate = 55, VolumeRate = 56, LastRthTrade = 57, RtHistoricalVolatility = 58,
    DelayedBid = 66, DelayedAsk = 67, DelayedLast = 68, DelayedBidSize = 69, DelayedAskSize = 70,
    DelayedLastSize = 71, DelayedHigh = 72, DelayedLow = 73, DelayedVolume = 74, DelayedClose = 75, DelayedOpen = 76,
    ShortableShares = 89,
}
