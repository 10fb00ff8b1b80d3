using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Orders;

namespace TradingDesk.Simulator.Tests.Market;

public sealed class OptionModelTests
{
    [Theory]
    [InlineData(true, 100, 100, 0.25, 0.3)]
    [InlineData(false, 100, 90, 0.1, 0.5)]
    [InlineData(true, 600, 650, 0.05, 0.18)]
    public void Greeks_match_finite_differences_of_the_price(bool call, double spot, double strike, double years, double vol)
    {
        var g = OptionModel.Greeks(call, spot, strike, years, vol);
        double P(double s, double t, double v) => OptionPricer.Price(call, s, strike, t, v);
        const double h = 0.01;
        Assert.Equal((P(spot + h, years, vol) - P(spot - h, years, vol)) / (2 * h), g.Delta, 3);
        Assert.Equal((P(spot + 1, years, vol) - 2 * P(spot, years, vol) + P(spot - 1, years, vol)), g.Gamma, 3);
        Assert.Equal((P(spot, years, vol + 0.005) - P(spot, years, vol - 0.005)), g.Vega, 3);
        Assert.Equal(P(spot, years - 1 / 365.0, vol) - P(spot, years, vol), g.Theta, 2);
    }

    [Theory]
    [InlineData(true, 230, 230, 0.1, 0.22)]
    [InlineData(false, 230, 200, 0.5, 0.4)]
    [InlineData(true, 230, 280, 0.02, 0.8)]
    public void Implied_volatility_inverts_the_price(bool call, double spot, double strike, double years, double vol)
    {
        var price = OptionPricer.Price(call, spot, strike, years, vol);
        Assert.Equal(vol, OptionModel.ImpliedVol(call, spot, strike, years, price)!.Value, 5);
    }

    [Fact]
    public void A_price_below_intrinsic_value_has_no_implied_volatility()
    {
        Assert.Null(OptionModel.ImpliedVol(true, 230, 200, 0.1, 25));
        Assert.Null(OptionModel.ImpliedVol(true, 230, 200, 0, 31));
    }

    [Fact]
    public void The_surface_has_a_put_skew_and_richer_short_expiries()
    {
        var atm = VolSurface.ImpliedVol(0.25, 100, 100, 0.25);
        Assert.True(VolSurface.ImpliedVol(0.25, 100, 90, 0.25) > atm, "lower strikes trade at a higher vol");
        Assert.True(VolSurface.ImpliedVol(0.25, 100, 100, 0.02) > VolSurface.ImpliedVol(0.25, 100, 100, 1), "short expiries are richer");
        Assert.InRange(atm, 0.25, 0.3);
    }

    [Fact]
    public void Option_quotes_are_priced_on_the_surface()
    {
        var market = new TestMarket();
        var underlying = market.Market.GetQuote(TestMarket.Aapl).Last;
        // A near-the-money put of the last expiry: worth well above the one-tick floor the engine puts under prices.
        var option = market.Market.Catalogue.OptionsOn(TestMarket.Aapl).Where(o => o.Right == OptionRight.Put)
            .OrderByDescending(o => o.LastTradeDate).ThenBy(o => Math.Abs(o.Strike - underlying)).First();
        var q = market.Market.GetQuote(option.ConId);
        var second = market.Market.Prices.SecondOf(q.Time);
        var spot = market.Market.Prices.MidAt(market.Market.Catalogue.Get(TestMarket.Aapl), second);
        var expiry = TradingCalendar.ZoneOf(option.Session).ToInstant(option.LastTradeDate!.Value, new TimeOnly(16, 0));
        var years = (expiry - q.Time).TotalSeconds / (365.25 * 86400);
        var surface = VolSurface.ImpliedVol(option.AnnualVolatility, spot, (double)option.Strike, years);
        Assert.NotEqual(option.AnnualVolatility, surface);
        Assert.Equal(OptionPricer.Price(false, spot, (double)option.Strike, years, surface), market.Market.Prices.MidAt(option, second), 9);
    }

    [Fact]
    public void Exercise_without_a_position_or_out_of_the_money_without_override_is_refused()
    {
        var market = new TestMarket();
        var spot = market.Market.GetQuote(TestMarket.Aapl).Last;
        var otmCall = market.Market.Catalogue.OptionsOn(TestMarket.Aapl).First(o => o.Right == OptionRight.Call && o.Strike > spot + 10);
        var refused = market.Market.Exercise(AccountId.Default, otmCall.ConId, 1, exercise: true, overrideNatural: false);
        Assert.False(refused.Done);
        Assert.Contains("holds 0", refused.Refusal);
        market.Place(TestMarket.Ticket(OrderAction.Buy, 1, OrderType.Market, otmCall.ConId));
        var otm = market.Market.Exercise(AccountId.Default, otmCall.ConId, 1, exercise: true, overrideNatural: false);
        Assert.Contains("out of the money", otm.Refusal);
        Assert.True(market.Market.Exercise(AccountId.Default, otmCall.ConId, 1, exercise: false, overrideNatural: false).Done, "an OTM option may lapse");
        Assert.DoesNotContain(market.Market.Positions(AccountId.Default), p => p.Contract.ConId == otmCall.ConId);
    }
}
