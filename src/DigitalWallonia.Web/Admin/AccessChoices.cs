using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Roles;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin;

/// <summary>
/// What an administrator may grant: the staff roles of the actor model (workflows/roles.json, global scope) and
/// <c>administrator</c>, for every programme or one of the published workflows' programmes; the party roles a mandate
/// gives. With their labels, and the declarations of the grant forms (drawn by Shared/Forms like any action's).
/// </summary>
public sealed class AccessChoices
{
    private static readonly LocalizedText Administrator = Text("role.administrator");

    private AccessChoices(IReadOnlyList<InputOption> staffRoles, IReadOnlyList<InputOption> partyRoles, IReadOnlyList<InputOption> programmes)
    {
        StaffRoles = staffRoles;
        PartyRoles = partyRoles;
        Programmes = programmes;
    }

    public IReadOnlyList<InputOption> StaffRoles { get; }

    public IReadOnlyList<InputOption> PartyRoles { get; }

    /// <summary>"All programmes" (<see cref="StaffRoleGrant.EveryProgramme"/>) first, then each programme.</summary>
    public IReadOnlyList<InputOption> Programmes { get; }

    public static async Task<AccessChoices> LoadAsync(PlatformDbContext db, WorkflowDefinitions definitions, CancellationToken cancellationToken)
    {
        var roles = definitions.Roles.Roles.Where(r => r.Key != RoleCatalogue.SystemRole).ToList();
        var programmes = new List<InputOption> { new(StaffRoleGrant.EveryProgramme, Text("admin.programme.all")) };
        var ids = await db.PublishedWorkflows.AsNoTracking().Select(w => w.WorkflowId).Distinct().ToListAsync(cancellationToken);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            if (await definitions.LatestAsync(db, id, cancellationToken) is { } workflow && !programmes.Exists(p => p.Value == workflow.Programme))
            {
                programmes.Add(new InputOption(workflow.Programme, ProgrammeTitle(workflow)));
            }
        }

        return new AccessChoices(
            [.. roles.Where(r => r.Scope == RoleScope.Global).Select(r => new InputOption(r.Key, r.Labels)), new InputOption(SessionClaims.Administrator, Administrator)],
            [.. roles.Where(r => r.Scope == RoleScope.Party).Select(r => new InputOption(r.Key, r.Labels))],
            programmes);
    }

    public string RoleLabel(string role) => Label(StaffRoles.Concat(PartyRoles), role);

    public string ProgrammeLabel(string programme) => Label(Programmes, programme);

    /// <summary>Grant a staff role: who, which role, for which programme.</summary>
    public IReadOnlyList<InputField> RoleGrantFields =>
    [
        Person,
        new("role", InputFieldType.Choice) { Label = Text("admin.field.role"), Options = StaffRoles },
        new("programme", InputFieldType.Choice)
        {
            Label = Text("admin.field.programme"),
            Help = Text("admin.field.programme.help"),
            Options = Programmes,
        },
    ];

    /// <summary>Grant a mandate: who, for which enterprise, in which party role.</summary>
    public IReadOnlyList<InputField> MandateGrantFields =>
    [
        Person,
        new("enterprise", InputFieldType.EnterpriseNumber) { Label = Text("admin.field.enterprise") },
        new("role", InputFieldType.Choice) { Label = Text("admin.field.party-role"), Options = PartyRoles },
    ];

    private static InputField Person => new("person", InputFieldType.Text)
    {
        Label = Text("admin.field.person"),
        Help = Text("admin.field.person.help"),
        MaxLength = 200,
    };

    private static string Label(IEnumerable<InputOption> options, string value) =>
        options.FirstOrDefault(o => o.Value == value)?.Label.Get(Shared.Forms.FieldTexts.Language) ?? value;

    private static LocalizedText ProgrammeTitle(WorkflowDefinition workflow) =>
        Shared.Ui.Keys.Contains($"programme.{workflow.Programme}.title")
            ? Text($"programme.{workflow.Programme}.title")
            : workflow.Title;

    // An interface text (Shared/Ui.cs) in the shape a declaration's label takes.
    private static LocalizedText Text(string key) =>
        new(new Dictionary<string, string> { ["fr"] = Shared.Ui.In("fr", key), ["en"] = Shared.Ui.In("en", key) });
}
