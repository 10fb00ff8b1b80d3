using Google.Protobuf;
using IBApi.protobuf;

namespace TradingDesk.Protocol.Messages.Orders;

/// <summary>
/// placeOrder text fields that IB's protobuf Order has no field for, carried on the Order as an unknown field (a
/// number far above IB's, which protobuf keeps through parsing, cloning and serialising) so every message type stays
/// IB's own. Only faProfile so far: the text protocol has its slot below server version 177
/// (<see cref="OrderVersions.FaProfileDesupport"/>); from 177 IB folded profiles into groups and the slot is gone.
/// </summary>
public static class OrderTextOnlyFields
{
    /// <summary>The field number faProfile travels under inside the desk; never on IB's protobuf wire (see the desk's check).</summary>
    public const int FaProfileField = 100_177;

    /// <summary>Sets faProfile on <paramref name="order"/> (a later call wins).</summary>
    public static void SetFaProfile(Order order, string profile)
    {
        var buffer = new byte[CodedOutputStream.ComputeTagSize(FaProfileField) + CodedOutputStream.ComputeStringSize(profile)];
        var output = new CodedOutputStream(buffer);
        output.WriteTag(FaProfileField, WireFormat.WireType.LengthDelimited);
        output.WriteString(profile);
        output.Flush();
        order.MergeFrom(buffer);
    }

    /// <summary>The faProfile set on <paramref name="order"/>, or null. Protobuf gives no read access to unknown fields: the order is read back.</summary>
    public static string? FaProfile(Order order)
    {
        string? profile = null;
        var input = new CodedInputStream(order.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == FaProfileField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                profile = input.ReadString();
            else
                input.SkipLastField();
        }
        return profile;
    }
}
