using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Model;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>A rule set's dated parameters: slots for the compiler, and the values in force at a date for a run.</summary>
internal sealed class ParameterTable
{
    private readonly IReadOnlyList<ParameterDefinition> _definitions;

    public ParameterTable(IReadOnlyList<ParameterDefinition> definitions)
    {
        _definitions = definitions;
        Variables = definitions.Select((d, i) => new ScopeVariable(d.Name, ShapeInference.FromSpec(d.Type), ScopeKind.Parameter, i))
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ScopeVariable> Variables { get; }

    /// <summary>The value of each parameter in force on <paramref name="asOf"/> (latest ValidFrom not after it), or missing.</summary>
    public (Value[] Values, ParameterValueDefinition?[] Used) Resolve(DateOnly asOf)
    {
        var values = new Value[_definitions.Count];
        var used = new ParameterValueDefinition?[_definitions.Count];
        for (var i = 0; i < _definitions.Count; i++)
        {
            var def = _definitions[i];
            ParameterValueDefinition? inForce = null;
            foreach (var v in def.Values)
            {
                if (v.ValidFrom <= asOf)
                {
                    inForce = v;
                }
            }

            used[i] = inForce;
            values[i] = inForce?.Value is { } node ? FromJson(node, ShapeInference.FromSpec(def.Type)) : default;
        }

        return (values, used);
    }

    public ParameterDefinition? Find(string name) => _definitions.FirstOrDefault(d => d.Name == name);

    private static Value FromJson(JsonNode node, RType t)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"v\":" + node.ToJsonString() + "}");
        var shape = RType.ObjectOf([new("v", t)]);
        return InputProjector.Project(bytes, shape, strict: false, out var root) is null ? ((Value[])root.Ref!)[0] : default;
    }
}
