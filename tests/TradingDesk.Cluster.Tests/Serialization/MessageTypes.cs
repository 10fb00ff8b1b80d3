using System.Reflection;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>
/// Every type that crosses between a strategy node and the desk, found by reflection: the public types of
/// TradingDesk.Desk.Messages (nested ones too) and TradingDesk.Cluster.Messages, the connection's and the pacer's
/// queries and replies, and every domain type those carry (followed through their properties).
/// Left out, because they are not messages: enums (values inside messages), interfaces and abstract bases (each
/// concrete kind is walked), static holder classes, and DeskRequestException (thrown in the caller's process).
/// </summary>
internal static class MessageTypes
{
    private static readonly string[] CarriedNamespaces = ["TradingDesk.Desk.Domain", "TradingDesk.Desk.Risk", "TradingDesk.Desk.Messages"];

    public static IReadOnlyList<Type> All { get; } = Find();

    private static List<Type> Find()
    {
        var roots = Public(typeof(IDeskCommand).Assembly, "TradingDesk.Desk.Messages")
            .Concat(Public(typeof(Cluster.Messages.NodeLinkMessages).Assembly, "TradingDesk.Cluster.Messages"))
            .Concat([typeof(ConnectionMessages.Connect), typeof(ConnectionMessages.GetState), typeof(ConnectionMessages.StateReply),
                typeof(ConnectionEvents.Connected), typeof(PacerMessages.GetStatus), typeof(PacerStatus)])
            .Where(IsMessage);
        var found = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!found.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                foreach (var carried in Unwrap(property.PropertyType))
                    if (carried.Namespace is { } ns && CarriedNamespaces.Contains(ns) && IsMessage(carried) && !found.Contains(carried))
                        pending.Enqueue(carried);
        }
        return found.OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Type> Public(Assembly assembly, string ns) =>
        assembly.GetTypes().Where(t => t.Namespace == ns && (t.IsPublic || t.IsNestedPublic && t.DeclaringType!.IsPublic));

    private static bool IsMessage(Type t) =>
        !t.IsEnum && !t.IsInterface && !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t) && !(t.IsSealed && t.IsAbstract);

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return [inner];
        if (type.IsGenericType) return type.GetGenericArguments().SelectMany(Unwrap);
        return [type];
    }
}
