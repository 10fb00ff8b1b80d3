namespace TradingDesk.Protocol.Tests.Options;

/// <summary>
/// Constructed frames in the captured frames' notation ("\0" for NUL). No capture covers these families, so each
/// frame is built field by field from the IBPY client.py / decoder.py layouts; none is a capture.
/// </summary>
internal static class OptionVectors
{
    // calculateImpliedVolatility: [54][v=3][reqId 9001][C12: conId 0, AAPL OPT 20261218 200 C ×100 SMART, no primary,
    // USD, no localSymbol, no tradingClass][optionPrice 5.25][underPrice 190.5][no options]
    public const string CalcImpliedVol = @"54\03\09001\00\0AAPL\0OPT\020261218\0200\0C\0100\0SMART\0\0USD\0\0\05.25\0190.5\0\0";

    // calculateOptionPrice: the same contract, volatility 0.3, underPrice 190.5, one option "xyz=1;"
    public const string CalcOptionPrice = @"55\03\09002\00\0AAPL\0OPT\020261218\0200\0C\0100\0SMART\0\0USD\0\0\00.3\0190.5\0xyz=1;\0";

    public const string CancelCalcImpliedVol = @"56\01\09001\0";
    public const string CancelCalcOptionPrice = @"57\01\09002\0";

    // exerciseOptions at 176: [21][v=2][orderId 77][conId 456][SPY OPT 20261218 500 P ×100 CBOE][USD][SPY  261218P00500000]
    // [SPY][action 1 = exercise][qty 3][DU123][override 0], nothing after (manualOrderTime starts at 180)
    public const string Exercise176 = @"21\02\077\0456\0SPY\0OPT\020261218\0500\0P\0100\0CBOE\0USD\0SPY  261218P00500000\0SPY\01\03\0DU123\00\0";

    // exerciseOptions at 184: the same, then manualOrderTime, customerAccount, professionalCustomer 1
    public const string Exercise184 = @"21\02\077\0456\0SPY\0OPT\020261218\0500\0P\0100\0CBOE\0USD\0SPY  261218P00500000\0SPY\01\03\0DU123\00\020261203-14:00:00\0CUST1\01\0";

    // reqSecDefOptParams: [78][reqId 9003][AAPL][futFopExchange ""][STK][conId 265598]
    public const string ReqSecDefOptParams = @"78\09003\0AAPL\0\0STK\0265598\0";

    // securityDefinitionOptionParameter: SMART, underlying 265598, class AAPL, multiplier "100", 2 expirations, 3 strikes
    public const string SecDefOptParameter = @"75\09003\0SMART\0265598\0AAPL\0100\02\020261218\020270115\03\0180\0190\0200.5\0";
    public const string SecDefOptParameterEnd = @"76\09003\0";

    // tickOptionComputation from 156: [21][reqId 9004][tickType 13 MODEL_OPTION][tickAttrib 1 = price based]
    // [iv 0.25][delta 0.5][optPrice 5.1][pvDividend 0][gamma 0.02][vega 0.1][theta -0.05][undPrice 190.5]
    public const string OptionComputation176 = @"21\09004\013\01\00.25\00.5\05.1\00\00.02\00.1\0-0.05\0190.5\0";

    // the same tick below 156: version 6 in place of tickAttrib's slot, no tickAttrib
    public const string OptionComputation150 = @"21\06\09004\013\00.25\00.5\05.1\00\00.02\00.1\0-0.05\0190.5\0";

    // a version-5 bid computation (tick type 10): only impliedVol and delta
    public const string OptionComputationV5Bid = @"21\05\09004\010\00.25\00.5\0";

    // a version-5 model computation (tick type 13): impliedVol, delta, optPrice, pvDividend
    public const string OptionComputationV5Model = @"21\05\09004\013\00.25\00.5\05.1\00\0";

    // TWS's "not computed" values: -1 for iv/optPrice/pvDividend/undPrice, -2 for the greeks (tick type 10 = bid)
    public const string OptionComputationNotComputed = @"21\09004\010\00\0-1\0-2\0-1\0-1\0-2\0-2\0-2\0-1\0";

    // tickEFP: [47][v=1][reqId 9005][tickType 38 BID_EFP][basisPoints 12.5]["12.50"][impliedFuturesPrice 101.25]
    // [holdDays 30][20261218][dividendImpact 0.5][dividendsToLastTradeDate 1.25]
    public const string TickEfp = @"47\01\09005\038\012.5\012.50\0101.25\030\020261218\00.5\01.25\0";

    // deltaNeutralValidation: [56][v=1][reqId 9006][conId 265598][delta 0.55][price 190.25]
    public const string DeltaNeutralValidation = @"56\01\09006\0265598\00.55\0190.25\0";
}
