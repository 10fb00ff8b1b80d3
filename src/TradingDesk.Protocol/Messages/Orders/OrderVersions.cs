namespace TradingDesk.Protocol.Messages.Orders;

/// <summary>
/// Server-version gates (IB's MIN_SERVER_VER_*, ibapi/server_versions.py) used only by the order family and not in
/// the shared <see cref="ServerVersions"/>. A field gated by a constant is on the wire when the version is at least it.
/// </summary>
internal static class OrderVersions
{
    public const int FractionalPositions = 101;
    public const int PeggedToBenchmark = 102;
    public const int ModelsSupport = 103;
    public const int ExtOperator = 105;
    public const int SoftDollarTier = 106;
    public const int CashQty = 111;
    public const int DecisionMaker = 138;
    public const int MifidExecution = 139;
    public const int AutoPriceForHedge = 141;
    public const int WhatIfExtFields = 142;
    public const int ApiBindOrder = 144;
    public const int DPegOrders = 148;
    public const int CompletedOrders = 150;
    public const int PriceMgmtAlgo = 151;
    public const int Duration = 158;
    public const int PostToAts = 160;
    public const int AutoCancelParent = 162;
    public const int PegBestPegMidOffsets = 170;
    public const int FaProfileDesupport = 177;
    public const int CustomerAccount = 183;
    public const int ProfessionalCustomer = 184;
    public const int BondAccruedInterest = 185;
    public const int IncludeOvernight = 189;
    public const int UndoRfqFields = 190;
    public const int CmeTaggingFieldsInOpenOrder = 193;
    public const int FullOrderPreviewFields = 195;
    public const int ImbalanceOnly = 199;

    /// <summary>
    /// The "version" field openOrder carried before <see cref="ServerVersions.OrderContainer"/> (145). Every server
    /// the codec supports (≥ 100) sends a version ≥ 34, the last value IB's decoder tests, so the decoder ignores it
    /// and reads every version-gated block; the encoder writes 34.
    /// </summary>
    public const int OpenOrderMessageVersion = 34;

    /// <summary>placeOrder's "version" field before 145: 45 from MIN_SERVER_VER_NOT_HELD (44), i.e. at every supported version.</summary>
    public const int PlaceOrderMessageVersion = 45;
}
