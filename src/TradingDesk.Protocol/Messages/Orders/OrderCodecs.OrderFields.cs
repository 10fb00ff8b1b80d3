using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>Order field runs that openOrder and completedOrder share in the same order.</summary>
internal static partial class OrderCodecs
{
    // [action][totalQuantity][orderType][lmtPrice][auxPrice][tif][ocaGroup][account][openClose][origin][orderRef]
    private static void ReadOrderMain(ref TextFieldReader f, Order o)
    {
        if (f.ReadStringOrUnset("action") is { } action) o.Action = action;
        if (f.ReadStringOrUnset("totalQuantity") is { } quantity) o.TotalQuantity = quantity;
        if (f.ReadStringOrUnset("orderType") is { } orderType) o.OrderType = orderType;
        if (f.ReadDoubleOrUnset("lmtPrice") is { } lmtPrice) o.LmtPrice = lmtPrice;
        if (f.ReadDoubleOrUnset("auxPrice") is { } auxPrice) o.AuxPrice = auxPrice;
        if (f.ReadStringOrUnset("tif") is { } tif) o.Tif = tif;
        if (f.ReadStringOrUnset("ocaGroup") is { } ocaGroup) o.OcaGroup = ocaGroup;
        if (f.ReadStringOrUnset("account") is { } account) o.Account = account;
        if (f.ReadStringOrUnset("openClose") is { } openClose) o.OpenClose = openClose;
        if (f.ReadIntOrUnset("origin") is { } origin) o.Origin = origin;
        if (f.ReadStringOrUnset("orderRef") is { } orderRef) o.OrderRef = orderRef;
    }

    private static void WriteOrderMain(ref TextFieldWriter w, Order o)
    {
        w.WriteString(o.Action);
        w.WriteString(o.TotalQuantity);
        w.WriteString(o.OrderType);
        w.WriteDoubleOrUnset(o.HasLmtPrice, o.LmtPrice);
        w.WriteDoubleOrUnset(o.HasAuxPrice, o.AuxPrice);
        w.WriteString(o.Tif);
        w.WriteString(o.OcaGroup);
        w.WriteString(o.Account);
        w.WriteString(o.OpenClose);
        w.WriteIntOrUnset(o.HasOrigin, o.Origin);
        w.WriteString(o.OrderRef);
    }

    // [faGroup][faMethod][faPercentage][faProfile (<177, dropped)][modelCode (≥103)][goodTillDate][rule80A]
    // [percentOffset][settlingFirm][shortSaleSlot][designatedLocation][exemptCode]
    private static void ReadFaParamsToShortSale(ref TextFieldReader f, Order o, int v)
    {
        if (f.ReadStringOrUnset("faGroup") is { } faGroup) o.FaGroup = faGroup;
        if (f.ReadStringOrUnset("faMethod") is { } faMethod) o.FaMethod = faMethod;
        if (f.ReadStringOrUnset("faPercentage") is { } faPercentage) o.FaPercentage = faPercentage;
        if (v < OrderVersions.FaProfileDesupport) f.Skip("faProfile");
        if (v >= OrderVersions.ModelsSupport && f.ReadStringOrUnset("modelCode") is { } modelCode) o.ModelCode = modelCode;
        if (f.ReadStringOrUnset("goodTillDate") is { } goodTill) o.GoodTillDate = goodTill;
        if (f.ReadStringOrUnset("rule80A") is { } rule80A) o.Rule80A = rule80A;
        if (f.ReadDoubleOrUnset("percentOffset") is { } percentOffset) o.PercentOffset = percentOffset;
        if (f.ReadStringOrUnset("settlingFirm") is { } settlingFirm) o.SettlingFirm = settlingFirm;
        if (f.ReadIntOrUnset("shortSaleSlot") is { } slot) o.ShortSaleSlot = slot;
        if (f.ReadStringOrUnset("designatedLocation") is { } location) o.DesignatedLocation = location;
        if (f.ReadIntOrUnset("exemptCode") is { } exempt) o.ExemptCode = exempt;
    }

    private static void WriteFaParamsToShortSale(ref TextFieldWriter w, Order o, int v)
    {
        w.WriteString(o.FaGroup);
        w.WriteString(o.FaMethod);
        w.WriteString(o.FaPercentage);
        if (v < OrderVersions.FaProfileDesupport) w.WriteEmpty();
        if (v >= OrderVersions.ModelsSupport) w.WriteString(o.ModelCode);
        w.WriteString(o.GoodTillDate);
        w.WriteString(o.Rule80A);
        w.WriteDoubleOrUnset(o.HasPercentOffset, o.PercentOffset);
        w.WriteString(o.SettlingFirm);
        w.WriteIntOrUnset(o.HasShortSaleSlot, o.ShortSaleSlot);
        w.WriteString(o.DesignatedLocation);
        w.WriteIntOrUnset(o.HasExemptCode, o.ExemptCode);
    }

    // Box order and peg-to-stock/vol: [startingPrice][stockRefPrice][delta][stockRangeLower][stockRangeUpper]
    private static void ReadBoxAndPegToStock(ref TextFieldReader f, Order o)
    {
        if (f.ReadDoubleOrUnset("startingPrice") is { } starting) o.StartingPrice = starting;
        if (f.ReadDoubleOrUnset("stockRefPrice") is { } stockRef) o.StockRefPrice = stockRef;
        if (f.ReadDoubleOrUnset("delta") is { } delta) o.Delta = delta;
        if (f.ReadDoubleOrUnset("stockRangeLower") is { } lower) o.StockRangeLower = lower;
        if (f.ReadDoubleOrUnset("stockRangeUpper") is { } upper) o.StockRangeUpper = upper;
    }

    private static void WriteBoxAndPegToStock(ref TextFieldWriter w, Order o)
    {
        w.WriteDoubleOrUnset(o.HasStartingPrice, o.StartingPrice);
        w.WriteDoubleOrUnset(o.HasStockRefPrice, o.StockRefPrice);
        w.WriteDoubleOrUnset(o.HasDelta, o.Delta);
        w.WriteDoubleOrUnset(o.HasStockRangeLower, o.StockRangeLower);
        w.WriteDoubleOrUnset(o.HasStockRangeUpper, o.StockRangeUpper);
    }

    // Soft-dollar tier: [name][value], openOrder adds [displayName]. All empty means no tier.
    private static void ReadSoftDollarTier(ref TextFieldReader f, Order o, bool withDisplayName)
    {
        var tier = new SoftDollarTier();
        if (f.ReadStringOrUnset("softDollarTier.name") is { } name) tier.Name = name;
        if (f.ReadStringOrUnset("softDollarTier.value") is { } value) tier.Value = value;
        if (withDisplayName && f.ReadStringOrUnset("softDollarTier.displayName") is { } display) tier.DisplayName = display;
        if (tier.HasName || tier.HasValue || tier.HasDisplayName) o.SoftDollarTier = tier;
    }

    private static void WriteSoftDollarTier(ref TextFieldWriter w, Order o, bool withDisplayName)
    {
        var tier = o.SoftDollarTier;
        w.WriteString(tier?.Name);
        w.WriteString(tier?.Value);
        if (withDisplayName) w.WriteString(tier?.DisplayName);
    }
}
