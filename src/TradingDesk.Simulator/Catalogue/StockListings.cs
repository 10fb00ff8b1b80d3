namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// US stocks and ETFs. The conIds of the well-known names are IB's real ones (AAPL 265598, MSFT 272093,
/// TSLA 76792991, SPY 756733, QQQ 320227571, ...); where unsure they are plausible and stable. Reference prices
/// are rough late-2025 levels; they are where the price model is pinned at its anchor instant.
/// </summary>
internal static class StockListings
{
    internal sealed record Listing(
        string Symbol, int ConId, string Primary, string LongName, string Industry, string Category,
        decimal Price, double Vol, long DailyVolume, bool Etf = false);

    internal static readonly Listing[] All =
    [
        new("AAPL", 265598, "NASDAQ", "APPLE INC", "Technology", "Computers", 230m, 0.25, 50_000_000),
        new("MSFT", 272093, "NASDAQ", "MICROSOFT CORP", "Technology", "Software", 420m, 0.22, 20_000_000),
        new("TSLA", 76792991, "NASDAQ", "TESLA INC", "Consumer, Cyclical", "Auto Manufacturers", 350m, 0.55, 90_000_000),
        new("AMZN", 3691937, "NASDAQ", "AMAZON.COM INC", "Communications", "Internet", 200m, 0.30, 40_000_000),
        new("GOOGL", 208813719, "NASDAQ", "ALPHABET INC-CL A", "Communications", "Internet", 180m, 0.28, 25_000_000),
        new("GOOG", 208813720, "NASDAQ", "ALPHABET INC-CL C", "Communications", "Internet", 181m, 0.28, 20_000_000),
        new("META", 107113386, "NASDAQ", "META PLATFORMS INC-CLASS A", "Communications", "Internet", 600m, 0.35, 15_000_000),
        new("NVDA", 4815747, "NASDAQ", "NVIDIA CORP", "Technology", "Semiconductors", 140m, 0.45, 200_000_000),
        new("AMD", 4391, "NASDAQ", "ADVANCED MICRO DEVICES", "Technology", "Semiconductors", 150m, 0.45, 40_000_000),
        new("INTC", 270639, "NASDAQ", "INTEL CORP", "Technology", "Semiconductors", 22m, 0.40, 60_000_000),
        new("NFLX", 15124833, "NASDAQ", "NETFLIX INC", "Communications", "Internet", 900m, 0.35, 4_000_000),
        new("CSCO", 268084, "NASDAQ", "CISCO SYSTEMS INC", "Communications", "Telecommunications", 58m, 0.20, 18_000_000),
        new("ADBE", 265768, "NASDAQ", "ADOBE INC", "Technology", "Software", 450m, 0.30, 3_000_000),
        new("PEP", 11017, "NASDAQ", "PEPSICO INC", "Consumer, Non-cyclical", "Beverages", 150m, 0.15, 6_000_000),
        new("IBM", 8314, "NYSE", "INTL BUSINESS MACHINES CORP", "Technology", "Computers", 220m, 0.22, 4_000_000),
        new("JPM", 1520593, "NYSE", "JPMORGAN CHASE & CO", "Financial", "Banks", 240m, 0.22, 9_000_000),
        new("BAC", 10098, "NYSE", "BANK OF AMERICA CORP", "Financial", "Banks", 44m, 0.25, 35_000_000),
        new("GS", 4627828, "NYSE", "GOLDMAN SACHS GROUP INC", "Financial", "Banks", 580m, 0.25, 2_000_000),
        new("XOM", 13977, "NYSE", "EXXON MOBIL CORP", "Energy", "Oil&Gas", 115m, 0.22, 15_000_000),
        new("CVX", 5516, "NYSE", "CHEVRON CORP", "Energy", "Oil&Gas", 155m, 0.22, 7_000_000),
        new("JNJ", 8719, "NYSE", "JOHNSON & JOHNSON", "Consumer, Non-cyclical", "Pharmaceuticals", 155m, 0.15, 7_000_000),
        new("PFE", 11015, "NYSE", "PFIZER INC", "Consumer, Non-cyclical", "Pharmaceuticals", 26m, 0.22, 35_000_000),
        new("KO", 8894, "NYSE", "COCA-COLA CO/THE", "Consumer, Non-cyclical", "Beverages", 65m, 0.14, 14_000_000),
        new("PG", 10291, "NYSE", "PROCTER & GAMBLE CO/THE", "Consumer, Non-cyclical", "Cosmetics/Personal Care", 170m, 0.14, 7_000_000),
        new("WMT", 13824, "NYSE", "WALMART INC", "Consumer, Cyclical", "Retail", 90m, 0.18, 15_000_000),
        new("DIS", 6459, "NYSE", "WALT DISNEY CO/THE", "Communications", "Media", 110m, 0.25, 9_000_000),
        new("V", 49462172, "NYSE", "VISA INC-CLASS A SHARES", "Financial", "Diversified Finan Serv", 310m, 0.18, 6_000_000),
        new("MA", 62995, "NYSE", "MASTERCARD INC - A", "Financial", "Diversified Finan Serv", 520m, 0.18, 3_000_000),
        new("BRK B", 72063691, "NYSE", "BERKSHIRE HATHAWAY INC-CL B", "Financial", "Insurance", 470m, 0.15, 3_500_000),
        new("ORCL", 272800, "NYSE", "ORACLE CORP", "Technology", "Software", 170m, 0.30, 8_000_000),
        new("SPY", 756733, "ARCA", "SPDR S&P 500 ETF TRUST", "Funds", "Equity Fund", 600m, 0.16, 60_000_000, Etf: true),
        new("QQQ", 320227571, "NASDAQ", "INVESCO QQQ TRUST SERIES 1", "Funds", "Equity Fund", 510m, 0.20, 35_000_000, Etf: true),
        new("IWM", 9579970, "ARCA", "ISHARES RUSSELL 2000 ETF", "Funds", "Equity Fund", 230m, 0.22, 30_000_000, Etf: true),
        new("DIA", 73128548, "ARCA", "SPDR DOW JONES INDUSTRIAL AVRG ETF", "Funds", "Equity Fund", 440m, 0.15, 3_000_000, Etf: true),
        new("GLD", 51529211, "ARCA", "SPDR GOLD SHARES", "Funds", "Commodity Fund", 250m, 0.15, 8_000_000, Etf: true),
        new("TLT", 15547841, "NASDAQ", "ISHARES 20+ YEAR TREASURY BO", "Funds", "Debt Fund", 90m, 0.15, 40_000_000, Etf: true),
        new("XLF", 4215235, "ARCA", "FINANCIAL SELECT SECTOR SPDR", "Funds", "Equity Fund", 48m, 0.18, 40_000_000, Etf: true),
        new("VOO", 136155102, "ARCA", "VANGUARD S&P 500 ETF", "Funds", "Equity Fund", 550m, 0.16, 5_000_000, Etf: true),
    ];

    internal const string ValidExchanges =
        "SMART,AMEX,NYSE,CBOE,PHLX,ISE,CHX,ARCA,ISLAND,DRCTEDGE,BEX,BATS,EDGEA,BYX,IEX,EDGX,FOXRIVER,PEARL,NYSENAT,LTSE,MEMX,IBEOS,OVERNIGHT,TPLUS0,PSX";

    internal const string OrderTypes =
        "ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,BENCHPX,COND,CONDORDER,DARKONLY,DARKPOLL,DAY,DEACT,DEACTDIS,DEACTEOD,DIS,GAT,GTC,GTD,GTT,HID,IBKRATS,ICE,IMB,IOC,LIT,LMT,LOC,MIDPX,MIT,MKT,MOC,MTL,NGCOMB,NODARK,NONALGO,OCA,OPG,OPGREROUT,PEGBENCH,PEGMID,POSTATS,POSTONLY,PREOPGRTH,PRICECHK,REL,REL2MID,RELPCTOFS,RPI,RTH,SCALE,SCALEODD,SCALERST,SIZECHK,SNAPMID,SNAPMKT,SNAPREL,STP,STPLMT,SWEEP,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF";

    internal static string MarketRuleIds => string.Join(',', Enumerable.Repeat("26", ValidExchanges.Split(',').Length));
}
