using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// The account beyond its summary: managed accounts, account updates, one position's P&L.
public sealed partial class DeskClient
{
    /// <summary>The accounts this login manages.</summary>
    public Task<IReadOnlyList<AccountId>> GetManagedAccountsAsync(CancellationToken cancellationToken = default) =>
        Call("GetManagedAccounts", _desk.GetManagedAccountsAsync(new W.GetManagedAccounts(), Unary(cancellationToken)),
            r => (IReadOnlyList<AccountId>)r.Accounts.Select(a => new AccountId(a)).ToList());

    /// <summary>Values and portfolio of <paramref name="account"/>: the first download, its <see cref="AccountDownloadEnd"/>,
    /// then updates. IB streams one account at a time per connection, so the desk's other subscribers share it: asking for
    /// another account while one is streamed fails with <see cref="InvalidRequestException"/> naming the one that is.</summary>
    public IAsyncEnumerable<AccountUpdatesItem> AccountUpdates(AccountId account, CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeAccountUpdates { Account = account.Value ?? throw new ArgumentNullException(nameof(account)) };
        return Stream("StreamAccountUpdates", o => _desk.StreamAccountUpdates(request, o), AccountMapping.AccountUpdates, cancellationToken);
    }

    /// <summary>The profit and loss of <paramref name="account"/>'s position in <paramref name="conId"/> (optionally of one model).</summary>
    public IAsyncEnumerable<PnLSingleItem> PnLSingle(AccountId account, ConId conId, string modelCode = "", CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribePnLSingle { Account = account.Value ?? throw new ArgumentNullException(nameof(account)), ConId = conId.Value, ModelCode = modelCode ?? "" };
        return Stream("StreamPnLSingle", o => _desk.StreamPnLSingle(request, o), AccountMapping.PnLSingle, cancellationToken);
    }
}
