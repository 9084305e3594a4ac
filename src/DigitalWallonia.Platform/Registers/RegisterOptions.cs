namespace DigitalWallonia.Platform.Registers;

/// <summary>
/// The registers kept as workflows, by name (section <c>Registers</c>, e.g. <c>Registers:Registers:provider:Workflow</c>).
/// A register's dossiers are registrations of one party: a labelled provider, an accredited professional, a labelled
/// initiative.
/// </summary>
public sealed class RegisterOptions
{
    public const string Section = "Registers";

    /// <summary>Defaults: the three registers the shipped workflows keep.</summary>
    public Dictionary<string, RegisterSource> Registers { get; set; } = new(StringComparer.Ordinal)
    {
        // Service providers labelled for technology vouchers and RENTIC consultancy (workflows/provider.json); a label
        // stays in force while its renewal is reviewed, until its validUntil.
        ["provider"] = new() { Workflow = "provider", PartyRole = "provider", InForceStates = ["labelled", "renewal-review"], Fact = "provider", Programmes = ["voucher", "rentic"] },
        // Accredited cybersecurity professionals (workflows/cyber-professional.json); a listing whose renewal the committee
        // is assessing stays in force until its validUntil.
        ["cyber-professional"] = new() { Workflow = "cyber-professional", PartyRole = "expert", InForceStates = ["listed", "renewal-review"], Fact = "expert", Programmes = ["cyber"] },
        // Initiatives holding the Digital Wallonia label (workflows/label.json); a label whose renewal is under review is
        // still in force until its validUntil.
        ["label"] = new() { Workflow = "label", PartyRole = "promoter", InForceStates = ["labelled", "renewal-review"] },
    };

    /// <summary>The registers whose fact a dossier of <paramref name="programme"/> is evaluated with.</summary>
    public IEnumerable<(string Name, RegisterSource Source)> FactsFor(string programme) =>
        Registers.Where(r => r.Value.Fact is not null && r.Value.Programmes.Contains(programme, StringComparer.Ordinal))
            .Select(r => (r.Key, r.Value));

    /// <summary>The rule-input names that registers supply (and that dossier facts therefore cannot).</summary>
    public IReadOnlySet<string> FactNames() =>
        Registers.Values.Select(r => r.Fact).OfType<string>().ToHashSet(StringComparer.Ordinal);
}

/// <summary>Where a register lives: the workflow keeping it and what its dossiers mean.</summary>
public sealed class RegisterSource
{
    /// <summary>Id of the workflow whose dossiers are the registrations.</summary>
    public string Workflow { get; set; } = "";

    /// <summary>The dossier party that is registered (provider, expert, promoter).</summary>
    public string PartyRole { get; set; } = "";

    /// <summary>States in which a registration is in force (still subject to its <c>validUntil</c> field).</summary>
    public List<string> InForceStates { get; set; } = [];

    /// <summary>The rule input that programmes' dossiers get for their party of <see cref="PartyRole"/>, or null for none.</summary>
    public string? Fact { get; set; }

    /// <summary>Programmes whose dossiers are evaluated with <see cref="Fact"/>.</summary>
    public List<string> Programmes { get; set; } = [];
}
