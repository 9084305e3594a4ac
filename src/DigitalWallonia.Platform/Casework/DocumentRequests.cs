using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// Item-by-item document requests. A workflow asks for documents with the action <see cref="RequestAction"/>, whose input
/// is a list of items (<c>label</c>, optional <c>explanation</c>) kept as the fact <see cref="RequestedFact"/>; it resumes
/// with <see cref="ProvideAction"/>, whose input lists each answered item with a document. Between the two the company
/// answers one item at a time: each answer's files are attached to the dossier and recorded against the item, and once
/// every item has an answer the platform fires <see cref="ProvideAction"/> itself, as the person who gave the last one,
/// so the dossier resumes without a further step. Who may answer, and which files are accepted, is what the workflow
/// says of <see cref="ProvideAction"/> for that person now.
/// </summary>
public sealed class DocumentRequests(PlatformDbContext db, DossierWorkflow workflow, DocumentUploads uploads, TimeProvider clock)
{
    public const string RequestAction = "request-documents";
    public const string ProvideAction = "provide-documents";
    public const string RequestedFact = "documentsRequested";

    /// <summary>
    /// The request the dossier waits on (the last <see cref="RequestAction"/>, while the dossier is still in the state it
    /// led to), with each item's answers and the deadline of that state; null when none is open.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference.</exception>
    public async Task<DocumentRequest?> OpenAsync(string reference, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        var asked = await db.DossierHistory.AsNoTracking()
            .Where(h => h.DossierId == dossier.Id && h.Action == RequestAction)
            .OrderByDescending(h => h.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (asked is null || asked.ToState != dossier.State
            || await db.DossierHistory.AnyAsync(h => h.DossierId == dossier.Id && h.Sequence > asked.Sequence, cancellationToken))
        {
            return null;
        }

        var items = Items(dossier.FactsJson);
        var answers = await (from a in db.Set<DocumentRequestAnswer>().AsNoTracking()
                             join d in db.Documents.AsNoTracking() on a.DocumentId equals d.Id
                             where a.DossierId == dossier.Id && a.RequestSequence == asked.Sequence
                             orderby a.Id
                             select new { a.ItemIndex, File = new AnsweredFile(d.Id, d.FileName, d.MediaType, d.Size, a.AnsweredAt, a.AnsweredByName) })
            .ToListAsync(cancellationToken);
        // The dossier's own timer in this state (the lapse), not a reminder.
        var due = await db.Deadlines.AsNoTracking()
            .Where(d => d.DossierId == dossier.Id && d.State == dossier.State && d.Status == DeadlineStatus.Pending)
            .OrderBy(d => d.DueAt).Select(d => (DateTimeOffset?)d.DueAt).FirstOrDefaultAsync(cancellationToken);
        return new DocumentRequest(dossier.Id, dossier.Reference, asked.Sequence, asked.At, due,
            [.. items.Select((item, i) => item with { Files = [.. answers.Where(a => a.ItemIndex == i).Select(a => a.File)] })]);
    }

    /// <summary>
    /// What <paramref name="actor"/> may upload in answer: the document field of <see cref="ProvideAction"/>'s input as the
    /// workflow declares it for them now; null when they may not answer (not their dossier's role, or nothing is asked).
    /// </summary>
    public async Task<InputField?> AnswerFieldAsync(string reference, Actor actor, CancellationToken cancellationToken)
    {
        var provide = (await workflow.AvailableActionsAsync(reference, actor, cancellationToken)).FirstOrDefault(a => a.Name == ProvideAction);
        return provide?.Input.SelectMany(f => f.Item?.Fields ?? []).FirstOrDefault(f => f.Type == InputFieldType.Document);
    }

    /// <summary>
    /// Attaches <paramref name="files"/> as the answer to item <paramref name="itemIndex"/> of the open request and, when
    /// every item is then answered, fires <see cref="ProvideAction"/> with all the answers.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference.</exception>
    /// <exception cref="DocumentRequestException">Nothing is asked, the item does not exist, the person may not answer, or
    /// a file is refused (type or size, as the workflow declares them); nothing is stored.</exception>
    public async Task<AnswerOutcome> AnswerAsync(string reference, int itemIndex, IReadOnlyList<UploadedFile> files, Actor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(actor);
        var request = await OpenAsync(reference, cancellationToken) ?? throw new DocumentRequestException($"No document request is open on {reference}.");
        if (itemIndex < 0 || itemIndex >= request.Items.Count)
        {
            throw new DocumentRequestException($"The request on {reference} has no item {itemIndex + 1}.");
        }

        var field = await AnswerFieldAsync(reference, actor, cancellationToken)
            ?? throw new DocumentRequestException($"{actor.DisplayName} may not answer the request on {reference}.");
        if (files.Count == 0)
        {
            throw new DocumentRequestException("Choose at least one file.");
        }

        foreach (var file in files)
        {
            Check(file, field);
        }

        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            var document = await uploads.AttachAsync(request.DossierId, file.FileName, file.MediaType, file.Content, actor, cancellationToken);
            db.Add(new DocumentRequestAnswer(request.DossierId, request.Sequence, itemIndex, document.Id, actor.SubjectId, actor.DisplayName, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var answered = await OpenAsync(reference, cancellationToken) ?? request;
        if (!answered.Complete)
        {
            return new AnswerOutcome(answered, null);
        }

        var input = new JsonArray();
        foreach (var item in answered.Items)
        {
            foreach (var file in item.Files)
            {
                input.Add(new JsonObject
                {
                    ["item"] = item.Label,
                    ["document"] = new JsonObject { ["id"] = file.DocumentId, ["name"] = file.FileName, ["mediaType"] = file.MediaType, ["size"] = file.Size },
                });
            }
        }

        var report = await workflow.FireAsync(reference, new ActorActionFired(ProvideAction)
        {
            Input = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["answers"] = JsonSerializer.SerializeToElement(input) },
        }, actor, cancellationToken);
        return new AnswerOutcome(answered, report);
    }

    private static void Check(UploadedFile file, InputField field)
    {
        if (field.MaxSize is { } max && file.Content.LongLength > max)
        {
            throw new DocumentRequestException(string.Create(CultureInfo.InvariantCulture,
                $"'{file.FileName}' is too large: at most {max / 1024.0 / 1024.0:0.#} MB per file."))
            { FileName = file.FileName, Reason = DocumentRefusal.TooLarge };
        }

        // A declared type the workflow accepts, and content that starts as that type does (a script renamed .pdf is not one).
        if ((field.MediaTypes.Count > 0 && !field.MediaTypes.Contains(file.MediaType, StringComparer.OrdinalIgnoreCase))
            || !FileSignatures.Matches(file.MediaType, file.Content))
        {
            throw new DocumentRequestException($"'{file.FileName}' is not accepted ({file.MediaType}). Accepted: {string.Join(", ", field.MediaTypes)}.")
            { FileName = file.FileName, Reason = DocumentRefusal.WrongType };
        }
    }

    /// <summary>The items of the fact; a text request of an older workflow version is one item.</summary>
    private static List<RequestedItem> Items(string factsJson)
    {
        var facts = JsonNode.Parse(factsJson) as JsonObject;
        return facts?[RequestedFact] switch
        {
            JsonArray list => [.. list.OfType<JsonObject>().Select((o, i) =>
                new RequestedItem(i, (string?)o["label"] ?? $"#{i + 1}", (string?)o["explanation"], []))],
            JsonValue text when text.TryGetValue<string>(out var s) => [new RequestedItem(0, s, null, [])],
            _ => [],
        };
    }
}

/// <summary>A document request and where its answers stand.</summary>
public sealed record DocumentRequest(long DossierId, string Reference, int Sequence, DateTimeOffset RequestedAt, DateTimeOffset? DueAt,
    IReadOnlyList<RequestedItem> Items)
{
    public bool Complete => Items.Count > 0 && Items.All(i => i.Files.Count > 0);
}

public sealed record RequestedItem(int Index, string Label, string? Explanation, IReadOnlyList<AnsweredFile> Files);

public sealed record AnsweredFile(long DocumentId, string FileName, string MediaType, long Size, DateTimeOffset AnsweredAt, string AnsweredBy);

/// <summary>A file as received, before it is stored.</summary>
public sealed record UploadedFile(string FileName, string MediaType, byte[] Content);

/// <summary>The request after the answer; <see cref="Resumed"/> is the firing of the last answer (null before).</summary>
public sealed record AnswerOutcome(DocumentRequest Request, FiringReport? Resumed);

public enum DocumentRefusal
{
    NotAnswerable,
    TooLarge,
    WrongType,
}

/// <summary>An answer refused before anything was stored; the message says why in the person's terms.</summary>
public sealed class DocumentRequestException(string message) : Exception(message)
{
    public string? FileName { get; init; }

    public DocumentRefusal Reason { get; init; } = DocumentRefusal.NotAnswerable;
}
