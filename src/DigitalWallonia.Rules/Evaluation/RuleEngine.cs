using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;
using DigitalWallonia.Rules.Evaluation;

namespace DigitalWallonia.Rules;

/// <summary>
/// Checks and evaluates rule sets. Compiled delegates are cached per (rule-set version, input shape): with an
/// <c>Inputs</c> schema the shape is the schema; without one it is inferred from the input (see rules-language.md).
/// Thread-safe; one instance can serve a whole process. Evaluation never throws on bad rules or bad input: problems
/// are results (<see cref="RuleStatus"/>) or <see cref="EvaluationResult.InputError"/>.
/// </summary>
public sealed class RuleEngine
{
    private readonly ConcurrentDictionary<(Guid, string), CompiledWorkflow> _compiled = new();
    private readonly ConcurrentDictionary<Guid, CompiledWorkflow> _lastCompiled = new();
    private readonly ConcurrentDictionary<Guid, RType> _schemaShape = new();

    /// <param name="limits">The work one expression may do (<see cref="EvaluationLimits"/>); the defaults when null.</param>
    public RuleEngine(EvaluationLimits? limits = null) => Limits = limits ?? EvaluationLimits.Default;

    /// <summary>The work one expression may do before its rule ends in a runtimeError.</summary>
    public EvaluationLimits Limits { get; }

    /// <summary>
    /// Every diagnostic of a rule set's expressions. With an Inputs schema, types and members are checked too;
    /// without one, syntax, the allowed set of names and functions, and parameters.
    /// </summary>
    public IReadOnlyList<Diagnostic> Check(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        WorkflowCompiler.Compile(ruleSet, SchemaShape(ruleSet), out var diagnostics);
        return diagnostics;
    }

    /// <summary>Evaluates <paramref name="ruleSet"/> on a JSON object whose keys are the input names, as of <paramref name="asOf"/>.</summary>
    public EvaluationResult Evaluate(RuleSet ruleSet, string inputJson, DateOnly asOf, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        // Transcode into a pooled buffer: the projection copies what it keeps, so the bytes are not needed afterwards.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(inputJson.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(inputJson, buffer);
            return Evaluate(ruleSet, buffer.AsSpan(0, length), asOf, explain);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Evaluates on facts given as a JSON element (an object whose properties are the inputs).</summary>
    public EvaluationResult Evaluate(RuleSet ruleSet, JsonElement facts, DateOnly asOf, bool explain = false)
        => Evaluate(ruleSet, JsonSerializer.SerializeToUtf8Bytes(facts), asOf, explain);

    /// <summary>Evaluates on facts given as a JSON object node.</summary>
    public EvaluationResult Evaluate(RuleSet ruleSet, JsonObject facts, DateOnly asOf, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Evaluate(ruleSet, Encoding.UTF8.GetBytes(facts.ToJsonString()), asOf, explain);
    }

    /// <summary>Evaluates on UTF-8 JSON input.</summary>
    public EvaluationResult Evaluate(RuleSet ruleSet, ReadOnlySpan<byte> utf8Input, DateOnly asOf, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var prepared = Prepare(ruleSet, utf8Input, out var error);
        if (prepared is null)
        {
            return new EvaluationResult { RuleSetName = ruleSet.Name, Version = ruleSet.Version, AsOf = asOf, InputError = error };
        }

        return Run(prepared, asOf, explain, Limits);
    }

    internal PreparedInput? Prepare(RuleSet set, ReadOnlySpan<byte> json, out string? error)
    {
        Value root = default;
        RType shape;
        if (SchemaShape(set) is { } schema)
        {
            shape = schema;
            error = InputProjector.Project(json, shape, strict: false, out root);
            if (error is not null)
            {
                return null;
            }
        }
        else
        {
            // The last shape seen for this rule set usually fits the next input: project with it, reading only used members.
            error = _lastCompiled.TryGetValue(set.LoadId, out var last)
                ? InputProjector.Project(json, last.InputShape, strict: true, out root, last.Usage)
                : string.Empty;
            if (error is null)
            {
                return new PreparedInput(last!, (Value[])root.Ref!); // error is null only after a projection with the last shape.
            }
            else if (!InputProjector.IsNotFit(error))
            {
                return null;
            }
            else
            {
                try
                {
                    var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
                    using var doc = JsonDocument.ParseValue(ref reader);
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        error = "the input must be a JSON object whose keys are the input names";
                        return null;
                    }

                    shape = ShapeInference.Infer(doc.RootElement);
                }
                catch (JsonException e)
                {
                    error = "invalid JSON: " + e.Message;
                    return null;
                }

                error = InputProjector.Project(json, shape, strict: true, out root);
                if (error is not null)
                {
                    error = error.Length == 0 ? "the input could not be read" : error;
                    return null;
                }

                _lastCompiled[set.LoadId] = GetCompiled(set, shape);
            }
        }

        return new PreparedInput(GetCompiled(set, shape), (Value[])root.Ref!); // a projected object always holds its fields.
    }

    internal CompiledWorkflow GetCompiled(RuleSet set, RType shape)
        => _compiled.GetOrAdd((set.LoadId, shape.Key), _ => WorkflowCompiler.Compile(set, shape, out IReadOnlyList<Diagnostic> _));

    private RType? SchemaShape(RuleSet set)
        => set.Inputs is null ? null : _schemaShape.GetOrAdd(set.LoadId, _ => ShapeInference.FromSchema(set.Inputs));

    internal static EvaluationResult Run(PreparedInput input, DateOnly asOf, bool explain, EvaluationLimits limits)
        => new WorkflowRun(input.Workflow, input.Inputs, asOf, explain, limits).Execute();
}
