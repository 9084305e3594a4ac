using System.Text;
using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Validation;
using DigitalWallonia.Workflows.Versions;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Definitions;

/// <summary>
/// Published workflow definitions: publishing validates against the role, template and rule-set catalogues and stores the
/// source, never changing an earlier version; reading parses a version once and keeps it (versions are immutable).
/// Thread-safe; one per process.
/// </summary>
public sealed class WorkflowDefinitions
{
    private readonly WorkflowCatalogue _parsed = new();
    private readonly ContentFolder _content;
    private readonly TimeProvider _clock;

    public WorkflowDefinitions(ContentFolder content, RuleLibrary rules, TimeProvider clock)
    {
        _content = content;
        _clock = clock;
        var (roles, diagnostics) = File.Exists(content.RolesFile)
            ? RoleCatalogueLoader.Load(File.ReadAllBytes(content.RolesFile), content.RolesFile)
            : (null, []);
        Roles = roles ?? throw new InvalidOperationException(
            $"The role catalogue {content.RolesFile} is missing or invalid: {string.Join("; ", diagnostics)}");
        Catalogues = new WorkflowCatalogues
        {
            Roles = Roles,
            Templates = TemplateKeys(content.Templates),
            RuleSets = rules.Names,
            RuleSetParameters = rules.ParameterNames,
        };
    }

    public RoleCatalogue Roles { get; }

    public WorkflowCatalogues Catalogues { get; }

    /// <summary>Validates and publishes <paramref name="source"/>; a version once published is never replaced.</summary>
    public async Task<PublishOutcome> PublishAsync(PlatformDbContext db, string source, string file, string publishedBy, CancellationToken cancellationToken)
    {
        var loaded = WorkflowValidator.LoadAndValidate(Encoding.UTF8.GetBytes(source), file, Catalogues);
        if (loaded.HasErrors || loaded.Definition is null)
        {
            return new PublishOutcome(loaded.Definition?.Id, loaded.Definition?.Version ?? 0, PublishStatus.Refused, loaded.Diagnostics);
        }

        var definition = loaded.Definition;
        var hash = CanonicalJson.Sha256(source);
        if (await AlreadyPublishedAsync(db, definition, hash, file, loaded.Diagnostics, cancellationToken) is { } known)
        {
            return known;
        }

        var row = new PublishedWorkflow(definition.Id, definition.Version, source, hash, _clock.GetUtcNow(), publishedBy);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Nodes starting together publish the same shipped versions: the unique index lets one insert win, and the
            // others find its row and answer as if it had been there before them.
            db.Entry(row).State = EntityState.Detached;
            if (await AlreadyPublishedAsync(db, definition, hash, file, loaded.Diagnostics, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }

        return new PublishOutcome(definition.Id, definition.Version, PublishStatus.Published, loaded.Diagnostics);
    }

    // Unchanged when this very source holds the version, refused when another does, null when the version is free.
    private static async Task<PublishOutcome?> AlreadyPublishedAsync(PlatformDbContext db, WorkflowDefinition definition, string hash, string file,
        IReadOnlyList<WorkflowDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var existing = await db.Set<PublishedWorkflow>().AsNoTracking()
            .SingleOrDefaultAsync(w => w.WorkflowId == definition.Id && w.Version == definition.Version, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        return existing.SourceHash == hash
            ? new PublishOutcome(definition.Id, definition.Version, PublishStatus.Unchanged, diagnostics)
            : new PublishOutcome(definition.Id, definition.Version, PublishStatus.Refused, diagnostics,
                $"{file}: workflow '{definition.Id}' v{definition.Version} is already published with other content; a published version never changes: give this one version {await NextVersionAsync(db, definition.Id, cancellationToken)}.");
    }

    /// <summary>Publishes every workflows/*.json whose version is not published yet (the files in git are the seed).</summary>
    public async Task<IReadOnlyList<PublishOutcome>> PublishContentAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var outcomes = new List<PublishOutcome>();
        foreach (var file in _content.WorkflowFiles)
        {
            outcomes.Add(await PublishAsync(db, await File.ReadAllTextAsync(file, cancellationToken), file, "content", cancellationToken));
        }

        return outcomes;
    }

    /// <summary>The definition (id, version) as published.</summary>
    /// <exception cref="InvalidOperationException">That version was never published.</exception>
    public async Task<WorkflowDefinition> GetAsync(PlatformDbContext db, string workflowId, int version, CancellationToken cancellationToken)
    {
        if (_parsed.TryGet(workflowId, version, out var cached))
        {
            return cached;
        }

        var stored = await db.Set<PublishedWorkflow>().AsNoTracking()
            .SingleOrDefaultAsync(w => w.WorkflowId == workflowId && w.Version == version, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow '{workflowId}' v{version} is not published.");
        var loaded = WorkflowDefinitionLoader.Load(stored.Source, $"{workflowId}@v{version}");
        var definition = loaded.Definition ?? throw new InvalidOperationException(
            $"Published workflow '{workflowId}' v{version} no longer loads: {string.Join("; ", loaded.Diagnostics)}");
        _parsed.TryPublish(definition, out _); // a concurrent reader may have added it first: same immutable content
        return _parsed.TryGet(workflowId, version, out var result) ? result : definition;
    }

    /// <summary>The highest published version, which new dossiers start on.</summary>
    public async Task<WorkflowDefinition?> LatestAsync(PlatformDbContext db, string workflowId, CancellationToken cancellationToken)
    {
        var version = await db.Set<PublishedWorkflow>().AsNoTracking()
            .Where(w => w.WorkflowId == workflowId)
            .MaxAsync(w => (int?)w.Version, cancellationToken);
        return version is null ? null : await GetAsync(db, workflowId, version.Value, cancellationToken);
    }

    /// <summary>Every published version of every workflow (parsed once each), for work lists that span programmes.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> AllPublishedAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var published = await db.Set<PublishedWorkflow>().AsNoTracking()
            .OrderBy(w => w.WorkflowId).ThenBy(w => w.Version).Select(w => new { w.WorkflowId, w.Version }).ToListAsync(cancellationToken);
        var all = new List<WorkflowDefinition>(published.Count);
        foreach (var w in published)
        {
            all.Add(await GetAsync(db, w.WorkflowId, w.Version, cancellationToken));
        }

        return all;
    }

    /// <summary>Every published version of <paramref name="workflowId"/>, for migrations.</summary>
    public async Task<WorkflowCatalogue> CatalogueAsync(PlatformDbContext db, string workflowId, CancellationToken cancellationToken)
    {
        var catalogue = new WorkflowCatalogue();
        var versions = await db.Set<PublishedWorkflow>().AsNoTracking()
            .Where(w => w.WorkflowId == workflowId).Select(w => w.Version).ToListAsync(cancellationToken);
        foreach (var version in versions)
        {
            catalogue.TryPublish(await GetAsync(db, workflowId, version, cancellationToken), out _);
        }

        return catalogue;
    }

    private static async Task<int> NextVersionAsync(PlatformDbContext db, string workflowId, CancellationToken cancellationToken) =>
        (await db.Set<PublishedWorkflow>().Where(w => w.WorkflowId == workflowId).MaxAsync(w => (int?)w.Version, cancellationToken) ?? 0) + 1;

    private static IReadOnlySet<string>? TemplateKeys(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.hbs", SearchOption.AllDirectories).Any()
            ? WorkflowCatalogues.TemplateKeysFromPaths(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(folder, p)))
            : null;
}
