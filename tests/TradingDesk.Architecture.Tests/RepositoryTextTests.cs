using System.Text.RegularExpressions;
using Xunit;

namespace TradingDesk.Architecture.Tests;

/// <summary>
/// The repository speaks of the project only: nothing in it points at files outside the repository, and no comment
/// or document names who wrote what. Reads every text file of the checkout (build output and git data aside).
/// </summary>
public sealed partial class RepositoryTextTests
{
    private static readonly string[] TextExtensions =
        [".cs", ".md", ".json", ".py", ".sh", ".props", ".csproj", ".sln", ".proto", ".txt", ".yml", ".yaml", ".editorconfig"];

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "logs"];

    // A path that climbs out of the checkout into a sibling folder, or a document that only exists beside it.
    [GeneratedRegex(@"\.\./shared/|\bshared/(design\.md|protocol/|checks/|hooks/)|wire-protocol\.md|captured-vectors\.txt")]
    private static partial Regex OutsideReference();

    // Who wrote what, or how the work was organised: a lettered engineer, or the task text it was written from.
    [GeneratedRegex(@"\bengineer [A-Z]\b|\bthe brief\b|\bbrief's\b|\(brief,")]
    private static partial Regex Authorship();

    // The actor runtime the desk ran on before Akka.NET is gone: no project, code or document names it.
    [GeneratedRegex(@"TradingDesk\.Actors\b")]
    private static partial Regex OldRuntime();

    // Akka's ReceiveActor has Receive<T>(Func<T, bool>): a handler whose expression body is bool-typed (a bool
    // assignment, |=, a TrySet…, a set's Add or Remove) binds to it and reads "unhandled" whenever it yields false.
    // Handlers like that need a block body.
    [GeneratedRegex(@"\bReceive<[^>]+>\(\s*\(?\w+\)?\s*=>\s*(?!\{)[^;{]*?(=\s*(true|false)\b|\|=|&=|\.TrySet\w*\(|\.(Try)?(Add|Remove)\()")]
    private static partial Regex BoolBodiedReceive();

    [Fact]
    public void Nothing_names_the_old_actor_runtime() => AssertNoMatch(OldRuntime(), "name the deleted actor runtime");

    [Fact]
    public void No_receive_handler_has_a_bool_expression_body() =>
        AssertNoMatch(BoolBodiedReceive(), "are Receive handlers with a bool-typed expression body (Akka reads false as unhandled: use a block body)");

    [Theory]
    [InlineData("Receive<Connected>(c => watch.Up.TrySetResult(c));", true)]
    [InlineData("Receive<ConnectionDown>(_ => _liveOnLink = false);", true)]
    [InlineData("Receive<Up>(u => _connected |= u.Ok);", true)]
    [InlineData("Receive<Gone>(g => _ids.Remove(g.Id));", true)]
    [InlineData("Receive<ConnectionDown>(_ => { _liveOnLink = false; });", false)]
    [InlineData("Receive<Filled>(f => _position += f.Quantity, f => f.Strategy == StrategyId);", false)]
    [InlineData("Receive<Withdraw>(w => _queue.Withdraw(w.Key));", false)]
    public void The_bool_body_check_tells_the_trap_from_fine_handlers(string line, bool trap) =>
        Assert.Equal(trap, BoolBodiedReceive().IsMatch(line));

    [Fact]
    public void Nothing_points_outside_the_repository() => AssertNoMatch(OutsideReference(), "points outside the repository");

    [Fact]
    public void No_text_names_who_wrote_it() => AssertNoMatch(Authorship(), "names who wrote it");

    [Fact]
    public void The_scan_reads_the_checkout()
    {
        var files = TextFiles().Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("src/TradingDesk.Desk/DeskOptions.cs", files);
    }

    private static void AssertNoMatch(Regex pattern, string what)
    {
        var self = Path.GetFullPath(Path.Combine(Root, "tests", "TradingDesk.Architecture.Tests", "RepositoryTextTests.cs"));
        var hits = (from file in TextFiles()
                    where Path.GetFullPath(file) != self
                    from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
                    where pattern.IsMatch(line.text)
                    select $"{Path.GetRelativePath(Root, file)}:{line.number}: {line.text.Trim()}").Take(20).ToList();
        Assert.True(hits.Count == 0, $"these lines {what}:\n{string.Join('\n', hits)}");
    }

    private static IEnumerable<string> TextFiles()
    {
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder))
                if (!SkippedFolders.Contains(Path.GetFileName(sub))) pending.Push(sub);
            foreach (var file in Directory.EnumerateFiles(folder))
                if (TextExtensions.Contains(Path.GetExtension(file)) || Path.GetFileName(file) == ".editorconfig") yield return file;
        }
    }

    /// <summary>The checkout: the nearest folder above the test binaries that holds TradingDesk.sln.</summary>
    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no TradingDesk.sln above {AppContext.BaseDirectory}: run the tests from the checkout");
    }
}
