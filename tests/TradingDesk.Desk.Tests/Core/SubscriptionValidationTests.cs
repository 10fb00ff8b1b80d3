using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Requests;
using Xunit;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The account streams' and keep-up-to-date bars' checks: what is refused before anything is sent, in the caller's words.</summary>
public sealed class SubscriptionValidationTests
{
    private static readonly AccountId Du = new("DU111111");

    [Fact]
    public void Well_formed_subscriptions_pass()
    {
        Assert.Null(SubscriptionValidation.Problem(new SubscribeAccountUpdates(Du)));
        Assert.Null(SubscriptionValidation.Problem(new SubscribeAccountUpdates(new AccountId("")))); // IB: the login's account
        Assert.Null(SubscriptionValidation.Problem(new SubscribePnL(Du, "GROWTH")));
        Assert.Null(SubscriptionValidation.Problem(new SubscribePnLSingle(Du, new ConId(272093))));
        Assert.Null(SubscriptionValidation.Problem(new SubscribeHistoricalBars(Contract.Stock("MSFT"), "1800 S", "1 min")));
    }

    [Fact]
    public void A_control_character_in_any_text_field_is_refused_naming_the_field_and_shown_escaped()
    {
        var problem = SubscriptionValidation.Problem(new SubscribeAccountUpdates(new AccountId("DU1\0forged")));
        Assert.Equal("the account 'DU1\\u0000forged' contains a control character", problem);
        Assert.Contains("model code", SubscriptionValidation.Problem(new SubscribePnL(Du, "A\nB")));
        Assert.Contains("account", SubscriptionValidation.Problem(new SubscribePnLSingle(new AccountId("DU\u0001"), new ConId(1))));
        Assert.Contains("bar size", SubscriptionValidation.Problem(new SubscribeHistoricalBars(Contract.Stock("MSFT"), "1 D", "1 min\0x")));
    }

    [Fact]
    public void Missing_values_IB_needs_are_refused_saying_what_to_give()
    {
        Assert.Contains("GetManagedAccounts", SubscriptionValidation.Problem(new SubscribePnL(new AccountId(" "))));
        Assert.Contains("conId 0", SubscriptionValidation.Problem(new SubscribePnLSingle(Du, new ConId(0))));
        Assert.Contains("the duration is empty", SubscriptionValidation.Problem(new SubscribeHistoricalBars(Contract.Stock("MSFT"), "", "1 min")));
        Assert.Contains("the bar size is empty", SubscriptionValidation.Problem(new SubscribeHistoricalBars(Contract.Stock("MSFT"), "1 D", " ")));
        Assert.Contains("at most 64", SubscriptionValidation.Problem(new SubscribeAccountUpdates(new AccountId(new string('D', 65)))));
    }
}
