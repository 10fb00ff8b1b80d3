using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class AccountCodecs
{
    /// <summary>
    /// UNCONFIRMED: the version TWS writes in updateAccountValue. RS2's fixture uses 2,
    /// IB's decoders ignore it; we write 2 and read accountName whenever the version is at least 2.
    /// </summary>
    private const int AccountValueVersion = 2;

    private static void RegisterAccountUpdates(CodecRegistry r)
    {
        // reqAccountUpdates (out 6), IBPY client.reqAccountUpdates: [6][v=2][subscribe][acctCode].
        // IB always writes subscribe as 1/0.
        r.Add<AccountDataRequest>(OutgoingIds.ReqAccountData, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountDataRequest();
                if (f.ReadBoolOrUnset("subscribe") is { } subscribe) m.Subscribe = subscribe;
                if (f.ReadStringOrUnset("acctCode") is { } account) m.AcctCode = account;
                return m;
            },
            (AccountDataRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(2);
                w.WriteBool(m.Subscribe);
                w.WriteString(m.AcctCode);
            });

        // updateAccountValue (in 6): [6][v][key][value][currency][accountName (v≥2)]
        r.Add<AccountValue>(IncomingIds.AccountValue, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                var version = f.ReadInt("version");
                var m = new AccountValue();
                if (f.ReadStringOrUnset("key") is { } key) m.Key = key;
                if (f.ReadStringOrUnset("value") is { } value) m.Value = value;
                if (f.ReadStringOrUnset("currency") is { } currency) m.Currency = currency;
                if (version >= 2 && f.ReadStringOrUnset("accountName") is { } account) m.AccountName = account;
                return m;
            },
            (AccountValue m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(AccountValueVersion);
                w.WriteString(m.Key);
                w.WriteString(m.Value);
                w.WriteString(m.Currency);
                w.WriteString(m.AccountName);
            });

        // updateAccountTime (in 8): [8][v=1][timeStamp "HH:MM"]
        r.Add<AccountUpdateTime>(IncomingIds.AccountUpdateTime, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountUpdateTime();
                if (f.ReadStringOrUnset("timeStamp") is { } time) m.TimeStamp = time;
                return m;
            },
            (AccountUpdateTime m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.TimeStamp);
            });

        // accountDownloadEnd (in 54): [54][v=1][accountName]
        r.Add<AccountDataEnd>(IncomingIds.AccountDownloadEnd, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountDataEnd();
                if (f.ReadStringOrUnset("accountName") is { } account) m.AccountName = account;
                return m;
            },
            (AccountDataEnd m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.AccountName);
            });
    }
}
