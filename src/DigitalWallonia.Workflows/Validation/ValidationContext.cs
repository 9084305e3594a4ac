using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>One validation run: the definition, its catalogues and source map, and the diagnostics found so far.</summary>
internal sealed class ValidationContext(WorkflowDefinition definition, WorkflowCatalogues catalogues, DefinitionSourceMap map)
{
    public WorkflowDefinition Definition { get; } = definition;

    public WorkflowCatalogues Catalogues { get; } = catalogues;

    public DefinitionSourceMap Map { get; } = map;

    public List<WorkflowDiagnostic> Diagnostics { get; } = [];

    public HashSet<string> StateIds { get; } = new(definition.States.Select(s => s.Id), StringComparer.Ordinal);

    public void Error(string code, string message, string path) =>
        Diagnostics.Add(new WorkflowDiagnostic(code, DiagnosticSeverity.Error, message, path, Map.PositionOf(path)) { File = Map.File });

    public void Warning(string code, string message, string path) =>
        Diagnostics.Add(new WorkflowDiagnostic(code, DiagnosticSeverity.Warning, message, path, Map.PositionOf(path)) { File = Map.File });

    public string PathOfState(StateDefinition state, int index) => Map.PathOf(state, $"states[{index}]");

    public string PathOfTransition(TransitionDefinition transition, int index) => Map.PathOf(transition, $"transitions[{index}]");

    public void CheckState(string id, string path)
    {
        if (id.Length > 0 && !StateIds.Contains(id))
        {
            Error(DiagnosticMessages.UnknownState, DiagnosticMessages.NoSuchState(id, NameSuggester.Closest(id, StateIds)), path);
        }
    }

    public void CheckRoles(IReadOnlyList<string> roles, string listPath)
    {
        if (Catalogues.Roles is not { } catalogue)
        {
            return;
        }

        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i].Length > 0 && !catalogue.Contains(roles[i]))
            {
                Error(DiagnosticMessages.UnknownRole, DiagnosticMessages.NoSuchRole(roles[i], NameSuggester.Closest(roles[i], catalogue.Roles.Select(r => r.Key))), $"{listPath}[{i}]");
            }
        }
    }

    public void CheckTemplate(string key, string path)
    {
        if (Catalogues.Templates is { } templates && key.Length > 0 && !templates.Contains(key))
        {
            Error(DiagnosticMessages.UnknownTemplate, DiagnosticMessages.NoSuchTemplate(key, NameSuggester.Closest(key, templates)), path);
        }
    }

    public void CheckRuleSet(string name, string path)
    {
        if (Catalogues.RuleSets is { } ruleSets && name.Length > 0 && !ruleSets.Contains(name))
        {
            Error(DiagnosticMessages.UnknownRuleSet, DiagnosticMessages.NoSuchRuleSet(name, NameSuggester.Closest(name, ruleSets)), path);
        }
    }
}
