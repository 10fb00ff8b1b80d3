namespace TradingDesk.Desk.Orders;

/// <summary>What an IB error carrying an order id means for that order (see <see cref="OrderErrors.Classify"/>).</summary>
public enum OrderErrorEffect
{
    /// <summary>A warning or information: the order goes on (e.g. 399, 404, 2109). Delivered as OrderNotice.</summary>
    Notice,

    /// <summary>The gateway did not take the order (or the modification, if one was in flight). Delivered as OrderRejected.</summary>
    Ends,

    /// <summary>Answer to a cancel: the gateway has no order with this id (135, 10147).</summary>
    CancelNotFound,

    /// <summary>Answer to a cancel: the order exists but cannot be cancelled now (161, 10148); its status tells the rest.</summary>
    CancelRefused,

    /// <summary>202 "Order Canceled": the end of a cancel; the Cancelled status carries the state.</summary>
    Cancelled,
}

/// <summary>
/// The desk's reading of IB's message codes for errors whose id is an order id. IB sends rejections, warnings and
/// answers to cancels through the same error message, so the code alone decides what the owner is told.
/// </summary>
public static class OrderErrors
{
    /// <summary>
    /// Codes with which IB refuses a placeOrder: the order is not placed (or a modification is not applied), and no
    /// later message would end it for the desk. IB's message-code table says so for each of them:
    /// <list type="bullet">
    /// <item>103 duplicate order id, 106/107 cannot transmit, 109/163/164 price outside the percentage constraint,
    /// 110 price not on the contract's tick grid, 111/113 time in force not allowed for the type, 114–129 order type
    /// or destination not allowed (relative, VWAP, block, linkage, best bid/ask), 132 no clearing account, 133 submit
    /// failed, 140/141 size or price not a number, 144–148 allocation, fields, trigger, conditions, 151–160 user,
    /// hidden, EFP, halted security, size-op, iceberg, offsets, zero size;</item>
    /// <item>200 no (or an ambiguous) security definition, 201 order rejected, 203 security not allowed for the
    /// account, 321 the request failed validation, 322 the server failed to process it.</item>
    /// </list>
    /// IB's own clients count 110 and 321 among warnings because they also answer market-data and other requests;
    /// for an order id they mean the order was not accepted. Everything not listed here is a notice (399 order
    /// warnings, 404 shares being located, 2100–2199 order event warnings such as 2109, 105 and 131 which IB says
    /// are ignored or informational, 134 "modify order failed" which leaves the order as it was): an unknown code
    /// never takes an order out of the working set, so the desk never stops watching an order the gateway still works.
    /// </summary>
    private static readonly HashSet<int> Ending =
    [
        103, 106, 107, 109, 110, 111, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129,
        132, 133, 140, 141, 144, 145, 146, 147, 148, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 163, 164,
        200, 201, 203, 321, 322,
    ];

    /// <summary>What an error with this code, for an order id, means for the order.</summary>
    public static OrderErrorEffect Classify(int code) => code switch
    {
        135 or 10147 => OrderErrorEffect.CancelNotFound,
        161 or 10148 => OrderErrorEffect.CancelRefused,
        202 => OrderErrorEffect.Cancelled,
        _ when Ending.Contains(code) => OrderErrorEffect.Ends,
        _ => OrderErrorEffect.Notice,
    };
}
