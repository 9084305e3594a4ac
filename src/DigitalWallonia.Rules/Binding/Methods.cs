using System.Collections.Concurrent;
using System.Reflection;

namespace DigitalWallonia.Rules.Binding;

/// <summary>
/// Cached reflection lookups of the runtime helpers the binder calls: looking a method up by name costs about a
/// microsecond and a rule needs a dozen, which showed in the 1,000-rule compile benchmark.
/// </summary>
internal static class Methods
{
    private static readonly ConcurrentDictionary<(Type, string), MethodInfo> ByName = new();
    private static readonly ConcurrentDictionary<(MethodInfo, Type), MethodInfo> Generic = new();

    public static MethodInfo Get(Type host, string name)
        => ByName.GetOrAdd((host, name), static k => k.Item1.GetMethod(k.Item2) ?? throw new InvalidOperationException($"no helper {k.Item1.Name}.{k.Item2}"));

    public static MethodInfo MakeGeneric(MethodInfo definition, Type argument)
        => Generic.GetOrAdd((definition, argument), static k => k.Item1.MakeGenericMethod(k.Item2));
}
