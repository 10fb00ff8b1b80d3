using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TradingDesk.Simulator.Accounts;

/// <summary>A Financial Advisor group: its sub-accounts and the allocation method orders to it use by default.</summary>
public sealed record FaGroup(string Name, IReadOnlyList<AccountId> Accounts, string DefaultMethod);

/// <summary>A pre-177 allocation profile: per-account amounts (type 1 percentages, 2 ratios, 3 shares).</summary>
public sealed record FaProfile(string Name, int Type, IReadOnlyList<(AccountId Account, decimal Amount)> Allocations);

/// <summary>
/// The advisor's configuration (groups, profiles, aliases) as requestFA / replaceFA carry it: IB's XML
/// documents, element names as in IB's documentation (ListOfGroups/Group/name/ListOfAccts/String/defaultMethod,
/// ListOfAllocationProfiles/AllocationProfile/name/type/ListOfAllocations/Allocation/acct/amount,
/// ListOfAccountAliases/AccountAlias/account/alias). Pure: no I/O; the gateway's loop owns it.
/// </summary>
public sealed class AdvisorSetup
{
    /// <summary>The allocation methods IB's groups take.</summary>
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "EqualQuantity", "NetLiq", "AvailableEquity", "PctChange" };

    public AdvisorSetup(AccountId advisor, IReadOnlyList<AccountId> subAccounts)
    {
        Advisor = advisor;
        SubAccounts = subAccounts;
        Groups = [new FaGroup("All", subAccounts, "EqualQuantity")];
    }

    public AccountId Advisor { get; }
    public IReadOnlyList<AccountId> SubAccounts { get; }
    public IReadOnlyList<FaGroup> Groups { get; private set; }
    public IReadOnlyList<FaProfile> Profiles { get; private set; } = [];

    public FaGroup? FindGroup(string name) => Groups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    public string GroupsXml() => Document(new XElement("ListOfGroups", Groups.Select(g => new XElement("Group",
        new XElement("name", g.Name),
        new XElement("ListOfAccts", new XAttribute("varName", "list"), g.Accounts.Select(a => new XElement("String", a.Value))),
        new XElement("defaultMethod", g.DefaultMethod)))));

    public string ProfilesXml() => Document(new XElement("ListOfAllocationProfiles", Profiles.Select(p => new XElement("AllocationProfile",
        new XElement("name", p.Name),
        new XElement("type", p.Type),
        new XElement("ListOfAllocations", new XAttribute("varName", "listOfAllocations"), p.Allocations.Select(a => new XElement("Allocation",
            new XElement("acct", a.Account.Value), new XElement("amount", a.Amount.ToString("0.0###", CultureInfo.InvariantCulture)))))))));

    // Aliases are each sub-account's own id: the simulator has no alias editor (TWS's Account window).
    public string AliasesXml() => Document(new XElement("ListOfAccountAliases", SubAccounts.Select(a => new XElement("AccountAlias",
        new XElement("account", a.Value), new XElement("alias", a.Value)))));

    /// <summary>Replaces the groups; on failure returns why and leaves them as they were.</summary>
    /// <param name="invalid">the groups naming accounts the advisor does not manage (IB's 10231), else empty.</param>
    public string? TryReplaceGroups(string xml, out IReadOnlyList<string> invalid)
    {
        invalid = [];
        if (Parse(xml, "ListOfGroups", out var root) is { } error) return error;
        var groups = new List<FaGroup>();
        var bad = new List<string>();
        foreach (var g in root!.Elements("Group"))
        {
            var name = g.Element("name")?.Value.Trim() ?? "";
            if (name.Length == 0) return "a group without a name";
            // Older documents list accounts as String elements, newer ones as Account/acct.
            var accounts = (g.Element("ListOfAccts")?.Elements() ?? [])
                .Select(e => (e.Name.LocalName == "Account" ? e.Element("acct")?.Value : e.Value)?.Trim() ?? "")
                .Select(a => new AccountId(a)).ToList();
            var method = g.Element("defaultMethod")?.Value.Trim() ?? "EqualQuantity";
            if (!Methods.Contains(method)) return $"group {name}: unknown allocation method '{method}'";
            if (accounts.Count == 0 || accounts.Any(a => !SubAccounts.Contains(a))) bad.Add(name);
            groups.Add(new FaGroup(name, accounts, method));
        }
        if (bad.Count > 0)
        {
            invalid = bad;
            return "invalid accounts";
        }
        if (groups.Select(g => g.Name.ToUpperInvariant()).Distinct().Count() != groups.Count) return "two groups with the same name";
        Groups = groups;
        return null;
    }

    /// <summary>Replaces the profiles (servers before 177); as <see cref="TryReplaceGroups"/>.</summary>
    public string? TryReplaceProfiles(string xml, out IReadOnlyList<string> invalid)
    {
        invalid = [];
        if (Parse(xml, "ListOfAllocationProfiles", out var root) is { } error) return error;
        var profiles = new List<FaProfile>();
        var bad = new List<string>();
        foreach (var p in root!.Elements("AllocationProfile"))
        {
            var name = p.Element("name")?.Value.Trim() ?? "";
            if (name.Length == 0) return "a profile without a name";
            if (!int.TryParse(p.Element("type")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) || type is < 1 or > 3)
                return $"profile {name}: type is not 1, 2 or 3";
            var allocations = new List<(AccountId, decimal)>();
            foreach (var a in p.Element("ListOfAllocations")?.Elements("Allocation") ?? [])
            {
                if (!decimal.TryParse(a.Element("amount")?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0)
                    return $"profile {name}: an amount is not a non-negative number";
                allocations.Add((new AccountId(a.Element("acct")?.Value.Trim() ?? ""), amount));
            }
            if (allocations.Count == 0 || allocations.Any(a => !SubAccounts.Contains(a.Item1))) bad.Add(name);
            profiles.Add(new FaProfile(name, type, allocations));
        }
        if (bad.Count > 0)
        {
            invalid = bad;
            return "invalid accounts";
        }
        Profiles = profiles;
        return null;
    }

    /// <summary>
    /// The shares each account of <paramref name="group"/> gets of <paramref name="quantity"/>: EqualQuantity splits
    /// evenly; NetLiq, AvailableEquity and PctChange in proportion to <paramref name="weights"/> (each account's net
    /// liquidation or available funds; IB sizes PctChange from each account's position, which this approximates by
    /// its equity). Whole shares; the rounding remainder goes to the accounts in order, one share each.
    /// </summary>
    public static IReadOnlyList<(AccountId Account, decimal Quantity)> Allocate(
        FaGroup group, string method, decimal quantity, Func<AccountId, decimal> weights)
    {
        var n = group.Accounts.Count;
        var shares = method.Equals("EqualQuantity", StringComparison.OrdinalIgnoreCase)
            ? Enumerable.Repeat(quantity / n, n).ToArray()
            : Proportional(group, quantity, weights);
        var whole = shares.Select(decimal.Floor).ToArray();
        for (var i = 0; whole.Sum() < decimal.Floor(quantity); i = (i + 1) % n) whole[i]++;
        return group.Accounts.Select((a, i) => (a, whole[i])).ToList();
    }

    private static decimal[] Proportional(FaGroup group, decimal quantity, Func<AccountId, decimal> weights)
    {
        var w = group.Accounts.Select(a => Math.Max(0m, weights(a))).ToArray();
        var total = w.Sum();
        return total == 0 ? Enumerable.Repeat(quantity / w.Length, w.Length).ToArray() : w.Select(x => quantity * x / total).ToArray();
    }

    private static string? Parse(string xml, string rootName, out XElement? root)
    {
        root = null;
        if (string.IsNullOrWhiteSpace(xml)) return "An XML string is required for this operation";
        try
        {
            root = XDocument.Parse(xml).Root;
        }
        catch (XmlException e)
        {
            return "the XML does not parse: " + e.Message;
        }
        return root?.Name.LocalName == rootName ? null : $"the XML's root element is not {rootName}";
    }

    private static string Document(XElement root) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.None);
}
