namespace TradingDesk.Protocol;

/// <summary>
/// Server-version gates (IB's MIN_SERVER_VER_* constants) that change something on the wire this codec speaks.
/// A field or encoding gated by a constant is present when the negotiated version is at least that constant.
/// </summary>
public static class ServerVersions
{
    /// <summary>Lowest version of the V100+ handshake; the codec's floor.</summary>
    public const int Min = 100;
    /// <summary>Highest version this codec knows (ODD_LOT_BID_ASK_QUOTES).</summary>
    public const int Max = 225;

    public const int OptionalCapabilities = 72;
    public const int SyntRealtimeBars = 124;
    public const int MarketCapPrice = 131;
    public const int LastLiquidity = 136;
    public const int OrderContainer = 145;
    public const int SmartDepth = 146;
    public const int EncodeMsgAscii7 = 153;
    public const int SizeRules = 164;
    public const int AdvancedOrderReject = 166;
    public const int ManualOrderTime = 169;
    public const int BondIssuerId = 176;
    public const int PendingPriceRevision = 178;
    public const int FundDataFields = 179;
    public const int LastTradeDate = 182;
    public const int IneligibilityReasons = 186;
    public const int RfqFields = 187;
    public const int PerformanceRfqFieldsRemoved = 190;
    public const int CmeTaggingFields = 192;
    public const int ErrorTime = 194;
    public const int HistoricalDataEnd = 196;
    public const int CurrentTimeInMillis = 197;
    public const int Submitter = 198;
    public const int ParametrizedDaysOfExecutions = 200;

    // The protobuf era: binary message ids from 201, then one family at a time switches to protobuf.
    public const int Protobuf = 201;
    public const int ZeroStrike = 202;
    public const int ProtobufPlaceOrder = 203;
    public const int ProtobufCompletedOrder = 204;
    public const int ProtobufContractData = 205;
    public const int ProtobufMarketData = 206;
    public const int ProtobufAccountsPositions = 207;
    public const int ProtobufHistoricalData = 208;
    public const int ProtobufNewsData = 209;
    public const int ProtobufScanData = 210;
    public const int ProtobufRestMessages1 = 211;
    public const int ProtobufRestMessages2 = 212;
    public const int ProtobufRestMessages3 = 213;
    public const int AddZSuffixToUtcDateTime = 214;
    public const int CancelContractData = 215;
    public const int AdditionalOrderParams1 = 216;
    public const int AdditionalOrderParams2 = 217;
    public const int AttachedOrders = 218;
    public const int Config = 219;
    public const int MarketDataVolumesInShares = 220;
    public const int UpdateConfig = 221;
    public const int FractionalLastSize = 222;
    public const int HedgeMaxSize = 223;
    public const int UsePrecisionFromSecDef = 224;
    public const int OddLotBidAskQuotes = 225;

    /// <summary>From 201 every frame, both directions, starts with a 4-byte big-endian binary message id.</summary>
    public static bool UsesBinaryIds(int serverVersion) => serverVersion >= Protobuf;

    /// <summary>Protobuf payloads travel under binary id = message id + 200.</summary>
    public const int ProtobufIdOffset = 200;
}
