using FsCheck;
using FsCheck.Fluent;

namespace TradingDesk.Protocol.Tests.Support;

/// <summary>Runs an FsCheck property and throws (failing the xunit test) with the shrunk counter-example.</summary>
public static class Property
{
    public static void ForAll<T>(Gen<T> generator, Action<T> assertion, int maxTest = 100) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(generator.ToArbitrary(), assertion));
}
