using IBApi.protobuf;
using TradingDesk.Protocol.Text;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class OptionCodecs
{
    /// <summary>
    /// The version written before PRICE_BASED_VOLATILITY (156): 6, the first at which every greek is present.
    /// IB's decoders only compare it with 6, so writing 6 means every field is written; that TWS itself writes 6
    /// there is UNCONFIRMED.
    /// </summary>
    private const int OptionComputationVersion = 6;

    /// <summary>Below version 6 only these tick types carry optPrice and pvDividend (IBPY decoder).</summary>
    private const int ModelOption = 13;
    private const int DelayedModelOption = 83;

    // tickOptionComputation (in 21), IBPY decoder.processTickOptionComputationMsg. It carries tick types 10–13
    // (bid/ask/last/model option computation), 53 (custom) and 80–83 (their delayed forms).
    // Below 156 (PRICE_BASED_VOLATILITY): [21][v][reqId][tickType][impliedVol][delta], then [optPrice][pvDividend]
    // when v ≥ 6 or the tick type is MODEL_OPTION / DELAYED_MODEL_OPTION, then [gamma][vega][theta][undPrice] when
    // v ≥ 6. From 156: no version field (IBPY takes the server version, always ≥ 6), and [tickAttrib] after tickType:
    // [21][reqId][tickType][tickAttrib][impliedVol][delta][optPrice][pvDividend][gamma][vega][theta][undPrice].
    // TWS's "not computed" values are -1 (impliedVol, optPrice, pvDividend, undPrice) and -2 (delta, gamma, vega,
    // theta); IB's decoders turn them into None only after parsing, in both encodings, so the codec keeps them as
    // values (see OptionComputationValues). The text UNSET_DOUBLE and an empty field read as not set.
    private static TickOptionComputation DecodeOptionComputation(ref TextFieldReader f, int v)
    {
        var version = v >= V.PriceBasedVolatility ? OptionComputationVersion : f.ReadInt("version");
        var m = new TickOptionComputation();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        if (f.ReadIntOrUnset("tickType") is { } type) m.TickType = type;
        if (v >= V.PriceBasedVolatility && f.ReadIntOrUnset("tickAttrib") is { } attrib) m.TickAttrib = attrib;
        if (f.ReadDoubleOrUnset("impliedVol") is { } vol) m.ImpliedVol = vol;
        if (f.ReadDoubleOrUnset("delta") is { } delta) m.Delta = delta;
        if (version >= OptionComputationVersion || m.TickType is ModelOption or DelayedModelOption)
        {
            if (f.ReadDoubleOrUnset("optPrice") is { } price) m.OptPrice = price;
            if (f.ReadDoubleOrUnset("pvDividend") is { } dividend) m.PvDividend = dividend;
        }
        if (version >= OptionComputationVersion)
        {
            if (f.ReadDoubleOrUnset("gamma") is { } gamma) m.Gamma = gamma;
            if (f.ReadDoubleOrUnset("vega") is { } vega) m.Vega = vega;
            if (f.ReadDoubleOrUnset("theta") is { } theta) m.Theta = theta;
            if (f.ReadDoubleOrUnset("undPrice") is { } under) m.UndPrice = under;
        }
        return m;
    }

    private static void EncodeOptionComputation(TickOptionComputation m, ref TextFieldWriter w, int v)
    {
        if (v < V.PriceBasedVolatility) w.WriteInt(OptionComputationVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteIntOrUnset(m.HasTickType, m.TickType);
        if (v >= V.PriceBasedVolatility) w.WriteIntOrUnset(m.HasTickAttrib, m.TickAttrib);
        w.WriteDoubleOrUnset(m.HasImpliedVol, m.ImpliedVol);
        w.WriteDoubleOrUnset(m.HasDelta, m.Delta);
        w.WriteDoubleOrUnset(m.HasOptPrice, m.OptPrice);
        w.WriteDoubleOrUnset(m.HasPvDividend, m.PvDividend);
        w.WriteDoubleOrUnset(m.HasGamma, m.Gamma);
        w.WriteDoubleOrUnset(m.HasVega, m.Vega);
        w.WriteDoubleOrUnset(m.HasTheta, m.Theta);
        w.WriteDoubleOrUnset(m.HasUndPrice, m.UndPrice);
    }
}
