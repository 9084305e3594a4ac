using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// Checks a definition's meaning: states and transitions, names that fit the platform's columns, references to roles,
/// templates and rule sets, reachability, dead ends, ambiguous triggers and deadlines. Pure and thread-safe; reports every problem in one pass.
/// </summary>
public static class WorkflowValidator
{
    /// <param name="definition">The definition, usually from <see cref="WorkflowDefinitionLoader"/>.</param>
    /// <param name="catalogues">What names may be referred to; null catalogues are not checked.</param>
    /// <param name="sourceMap">Positions from the loader, or null for a definition built in code.</param>
    /// <returns>Diagnostics in the order of the checks; empty when the definition is valid.</returns>
    public static IReadOnlyList<WorkflowDiagnostic> Validate(WorkflowDefinition definition, WorkflowCatalogues? catalogues = null, DefinitionSourceMap? sourceMap = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new ValidationContext(definition, catalogues ?? WorkflowCatalogues.None, sourceMap ?? DefinitionSourceMap.Empty);
        StructureChecks.Run(context);
        LengthChecks.Run(context);
        GraphChecks.Run(context);
        TriggerChecks.Run(context);
        ActionChecks.Run(context);
        InputChecks.Run(context);
        return context.Diagnostics;
    }

    /// <summary>Loads and validates in one go: the loader's diagnostics first, then the validator's.</summary>
    public static WorkflowLoadResult LoadAndValidate(byte[] utf8, string? file, WorkflowCatalogues? catalogues)
    {
        var loaded = WorkflowDefinitionLoader.Load(utf8, file);
        if (loaded.Definition is null)
        {
            return loaded;
        }

        var diagnostics = loaded.Diagnostics.Concat(Validate(loaded.Definition, catalogues, loaded.SourceMap)).ToList();
        return loaded with { Diagnostics = diagnostics };
    }
}
