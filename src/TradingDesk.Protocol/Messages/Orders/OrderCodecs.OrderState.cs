using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// openOrder's what-if block (IB's decodeWhatIfInfoAndCommissionAndFees): [whatIf][status], the six "before/change"
/// margins (≥142 WHAT_IF_EXT_FIELDS), the three "after" margins, [commission][minCommission][maxCommission]
/// [commissionCurrency], then from 195 (FULL_ORDER_PREVIEW_FIELDS) [marginCurrency], nine outside-RTH margins,
/// [suggestedSize][rejectReason][allocationsCount]{7 fields}, and finally [warningText].
/// Margins are strings in IB's Python but numbers in practice (TWS sends 1.7976931348623157E308 for none);
/// the proto keeps them as doubles.
/// </summary>
internal static partial class OrderCodecs
{
    private static void ReadWhatIfAndOrderState(ref TextFieldReader f, Order o, OrderState s, int v)
    {
        if (f.ReadBoolOrUnset("whatIf") is { } whatIf) o.WhatIf = whatIf;
        if (f.ReadStringOrUnset("status") is { } status) s.Status = status;
        if (v >= OrderVersions.WhatIfExtFields)
        {
            if (f.ReadDoubleOrUnset("initMarginBefore") is { } a) s.InitMarginBefore = a;
            if (f.ReadDoubleOrUnset("maintMarginBefore") is { } b) s.MaintMarginBefore = b;
            if (f.ReadDoubleOrUnset("equityWithLoanBefore") is { } c) s.EquityWithLoanBefore = c;
            if (f.ReadDoubleOrUnset("initMarginChange") is { } d) s.InitMarginChange = d;
            if (f.ReadDoubleOrUnset("maintMarginChange") is { } e) s.MaintMarginChange = e;
            if (f.ReadDoubleOrUnset("equityWithLoanChange") is { } g) s.EquityWithLoanChange = g;
        }
        if (f.ReadDoubleOrUnset("initMarginAfter") is { } h) s.InitMarginAfter = h;
        if (f.ReadDoubleOrUnset("maintMarginAfter") is { } i) s.MaintMarginAfter = i;
        if (f.ReadDoubleOrUnset("equityWithLoanAfter") is { } j) s.EquityWithLoanAfter = j;
        if (f.ReadDoubleOrUnset("commissionAndFees") is { } k) s.CommissionAndFees = k;
        if (f.ReadDoubleOrUnset("minCommissionAndFees") is { } l) s.MinCommissionAndFees = l;
        if (f.ReadDoubleOrUnset("maxCommissionAndFees") is { } m) s.MaxCommissionAndFees = m;
        if (f.ReadStringOrUnset("commissionAndFeesCurrency") is { } currency) s.CommissionAndFeesCurrency = currency;
        if (v >= OrderVersions.FullOrderPreviewFields) ReadFullPreview(ref f, s);
        if (f.ReadStringOrUnset("warningText") is { } warning) s.WarningText = warning;
    }

    private static void WriteWhatIfAndOrderState(ref TextFieldWriter w, Order o, OrderState s, int v)
    {
        w.WriteBool(o.WhatIf);
        w.WriteString(s.Status);
        if (v >= OrderVersions.WhatIfExtFields)
        {
            w.WriteDoubleOrUnset(s.HasInitMarginBefore, s.InitMarginBefore);
            w.WriteDoubleOrUnset(s.HasMaintMarginBefore, s.MaintMarginBefore);
            w.WriteDoubleOrUnset(s.HasEquityWithLoanBefore, s.EquityWithLoanBefore);
            w.WriteDoubleOrUnset(s.HasInitMarginChange, s.InitMarginChange);
            w.WriteDoubleOrUnset(s.HasMaintMarginChange, s.MaintMarginChange);
            w.WriteDoubleOrUnset(s.HasEquityWithLoanChange, s.EquityWithLoanChange);
        }
        w.WriteDoubleOrUnset(s.HasInitMarginAfter, s.InitMarginAfter);
        w.WriteDoubleOrUnset(s.HasMaintMarginAfter, s.MaintMarginAfter);
        w.WriteDoubleOrUnset(s.HasEquityWithLoanAfter, s.EquityWithLoanAfter);
        w.WriteDoubleOrUnset(s.HasCommissionAndFees, s.CommissionAndFees);
        w.WriteDoubleOrUnset(s.HasMinCommissionAndFees, s.MinCommissionAndFees);
        w.WriteDoubleOrUnset(s.HasMaxCommissionAndFees, s.MaxCommissionAndFees);
        w.WriteString(s.CommissionAndFeesCurrency);
        if (v >= OrderVersions.FullOrderPreviewFields) WriteFullPreview(ref w, s);
        w.WriteString(s.WarningText);
    }

    private static void ReadFullPreview(ref TextFieldReader f, OrderState s)
    {
        if (f.ReadStringOrUnset("marginCurrency") is { } currency) s.MarginCurrency = currency;
        if (f.ReadDoubleOrUnset("initMarginBeforeOutsideRTH") is { } a) s.InitMarginBeforeOutsideRTH = a;
        if (f.ReadDoubleOrUnset("maintMarginBeforeOutsideRTH") is { } b) s.MaintMarginBeforeOutsideRTH = b;
        if (f.ReadDoubleOrUnset("equityWithLoanBeforeOutsideRTH") is { } c) s.EquityWithLoanBeforeOutsideRTH = c;
        if (f.ReadDoubleOrUnset("initMarginChangeOutsideRTH") is { } d) s.InitMarginChangeOutsideRTH = d;
        if (f.ReadDoubleOrUnset("maintMarginChangeOutsideRTH") is { } e) s.MaintMarginChangeOutsideRTH = e;
        if (f.ReadDoubleOrUnset("equityWithLoanChangeOutsideRTH") is { } g) s.EquityWithLoanChangeOutsideRTH = g;
        if (f.ReadDoubleOrUnset("initMarginAfterOutsideRTH") is { } h) s.InitMarginAfterOutsideRTH = h;
        if (f.ReadDoubleOrUnset("maintMarginAfterOutsideRTH") is { } i) s.MaintMarginAfterOutsideRTH = i;
        if (f.ReadDoubleOrUnset("equityWithLoanAfterOutsideRTH") is { } j) s.EquityWithLoanAfterOutsideRTH = j;
        if (f.ReadStringOrUnset("suggestedSize") is { } size) s.SuggestedSize = size;
        if (f.ReadStringOrUnset("rejectReason") is { } reason) s.RejectReason = reason;
        var count = ReadCount(ref f, "accountsCount");
        for (var n = 0; n < count; n++)
        {
            var alloc = new OrderAllocation();
            if (f.ReadStringOrUnset("allocation.account") is { } account) alloc.Account = account;
            if (f.ReadStringOrUnset("allocation.position") is { } position) alloc.Position = position;
            if (f.ReadStringOrUnset("allocation.positionDesired") is { } desired) alloc.PositionDesired = desired;
            if (f.ReadStringOrUnset("allocation.positionAfter") is { } after) alloc.PositionAfter = after;
            if (f.ReadStringOrUnset("allocation.desiredAllocQty") is { } desiredQty) alloc.DesiredAllocQty = desiredQty;
            if (f.ReadStringOrUnset("allocation.allowedAllocQty") is { } allowed) alloc.AllowedAllocQty = allowed;
            if (f.ReadBoolOrUnset("allocation.isMonetary") is { } monetary) alloc.IsMonetary = monetary;
            s.OrderAllocations.Add(alloc);
        }
    }

    private static void WriteFullPreview(ref TextFieldWriter w, OrderState s)
    {
        w.WriteString(s.MarginCurrency);
        w.WriteDoubleOrUnset(s.HasInitMarginBeforeOutsideRTH, s.InitMarginBeforeOutsideRTH);
        w.WriteDoubleOrUnset(s.HasMaintMarginBeforeOutsideRTH, s.MaintMarginBeforeOutsideRTH);
        w.WriteDoubleOrUnset(s.HasEquityWithLoanBeforeOutsideRTH, s.EquityWithLoanBeforeOutsideRTH);
        w.WriteDoubleOrUnset(s.HasInitMarginChangeOutsideRTH, s.InitMarginChangeOutsideRTH);
        w.WriteDoubleOrUnset(s.HasMaintMarginChangeOutsideRTH, s.MaintMarginChangeOutsideRTH);
        w.WriteDoubleOrUnset(s.HasEquityWithLoanChangeOutsideRTH, s.EquityWithLoanChangeOutsideRTH);
        w.WriteDoubleOrUnset(s.HasInitMarginAfterOutsideRTH, s.InitMarginAfterOutsideRTH);
        w.WriteDoubleOrUnset(s.HasMaintMarginAfterOutsideRTH, s.MaintMarginAfterOutsideRTH);
        w.WriteDoubleOrUnset(s.HasEquityWithLoanAfterOutsideRTH, s.EquityWithLoanAfterOutsideRTH);
        w.WriteString(s.SuggestedSize);
        w.WriteString(s.RejectReason);
        w.WriteInt(s.OrderAllocations.Count);
        foreach (var a in s.OrderAllocations)
        {
            w.WriteString(a.Account);
            w.WriteString(a.Position);
            w.WriteString(a.PositionDesired);
            w.WriteString(a.PositionAfter);
            w.WriteString(a.DesiredAllocQty);
            w.WriteString(a.AllowedAllocQty);
            w.WriteBool(a.IsMonetary);
        }
    }
}
