using System.Globalization;
using DigitalWallonia.Web.Shared;

namespace DigitalWallonia.Web.Public;

/// <summary>The texts of the pages anyone may read without signing in, French first with English (same shape as <see cref="Ui"/>).</summary>
public static class PublicText
{
    private static readonly Dictionary<string, (string Fr, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["verify.title"] = ("Vérifier un certificat", "Verify a certificate"),
        ["verify.intro"] = ("Tapez le numéro imprimé sur le certificat : la plateforme dit s'il est valable aujourd'hui, à qui il a été délivré et jusqu'à quand.", "Type the number printed on the certificate: the platform says whether it is valid today, to whom it was issued and until when."),
        ["verify.number"] = ("Numéro du certificat", "Certificate number"),
        ["verify.number.hint"] = ("Par exemple CERT-CYBER-2026-000001", "For example CERT-CYBER-2026-000001"),
        ["verify.submit"] = ("Vérifier", "Verify"),
        ["verify.required"] = ("Tapez le numéro du certificat", "Type the certificate number"),
        ["verify.unknown"] = ("Aucun certificat ne porte le numéro « {0} ». Vérifiez le numéro : un certificat inconnu n'a pas été délivré par la plateforme.", "No certificate has the number “{0}”. Check the number: an unknown certificate was not issued by the platform."),
        ["verify.result"] = ("Certificat n° {0}", "Certificate no. {0}"),
        ["verify.status.Valid"] = ("Valable aujourd'hui", "Valid today"),
        ["verify.status.Expired"] = ("Expiré", "Expired"),
        ["verify.status.Withdrawn"] = ("Retiré", "Withdrawn"),
        ["verify.status.Altered"] = ("Non conforme : le certificat a été modifié après sa délivrance", "Not genuine: the certificate was changed after issue"),
        ["verify.holder"] = ("Délivré à", "Issued to"),
        ["verify.professional"] = ("Professionnel accrédité", "Accredited professional"),
        ["verify.issued"] = ("Délivré le", "Issued on"),
        ["verify.expires"] = ("Valable jusqu'au", "Valid until"),
        ["verify.withdrawn"] = ("Retiré le", "Withdrawn on"),
        ["verify.superseded"] = ("Remplacé par le certificat n° {0}", "Replaced by certificate no. {0}"),
        ["verify.checked"] = ("Vérifié le {0}", "Checked on {0}"),
        ["registers.title"] = ("Registres publics", "Public registers"),
        ["registers.intro"] = ("Qui est labellisé ou agréé aujourd'hui, d'après les registres tenus par la plateforme.", "Who is labelled or accredited today, according to the registers the platform keeps."),
        ["register.prestataires.title"] = ("Prestataires labellisés", "Labelled providers"),
        ["register.prestataires.intro"] = ("Les prestataires dont le label est en vigueur aujourd'hui : seuls eux peuvent réaliser une prestation financée par un chèque technologique ou une prime RENTIC.", "Providers whose label is in force today: only they can deliver a service paid by a technology voucher or a RENTIC premium."),
        ["register.professionnels-cybersecurite.title"] = ("Professionnels de la cybersécurité agréés", "Accredited cybersecurity professionals"),
        ["register.professionnels-cybersecurite.intro"] = ("Les professionnels inscrits aujourd'hui au registre : ils accompagnent les entreprises vers le label cybersécurité.", "The professionals listed in the register today: they take companies through to the cybersecurity label."),
        ["register.initiatives.title"] = ("Initiatives labellisées Digital Wallonia", "Digital Wallonia labelled initiatives"),
        ["register.initiatives.intro"] = ("Les initiatives dont le label Digital Wallonia est en vigueur aujourd'hui.", "The initiatives whose Digital Wallonia label is in force today."),
        ["registers.search"] = ("Rechercher", "Search"),
        ["registers.search.label"] = ("Nom, numéro d'entreprise ou référence", "Name, enterprise number or reference"),
        ["registers.search.submit"] = ("Rechercher", "Search"),
        ["registers.caption"] = ("{0} inscription(s) en vigueur le {1}", "{0} registration(s) in force on {1}"),
        ["registers.caption.search"] = ("{0} inscription(s) en vigueur le {1} pour « {2} »", "{0} registration(s) in force on {1} for “{2}”"),
        ["registers.none"] = ("Aucune inscription ne correspond.", "No registration matches."),
        ["registers.clear"] = ("Tout afficher", "Show all"),
        ["col.name"] = ("Nom", "Name"),
        ["col.enterprise"] = ("N° d'entreprise", "Enterprise number"),
        ["col.reference"] = ("Référence", "Reference"),
        ["col.valid-until"] = ("Valable jusqu'au", "Valid until"),
        ["col.promoter"] = ("Porteur", "Promoter"),
        ["col.category"] = ("Thème", "Theme"),
        ["no-end"] = ("sans date de fin", "no end date"),
        ["category.digital-sector"] = ("Secteur du numérique", "Digital sector"),
        ["category.digital-economy"] = ("Économie numérique", "Digital economy"),
        ["category.public-services"] = ("Services publics numériques", "Digital public services"),
        ["category.connected-territory"] = ("Territoire connecté", "Connected territory"),
        ["category.digital-skills"] = ("Compétences numériques", "Digital skills"),
    };

    public static string T(string key)
    {
        if (!Texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No public text '{key}' in Public/PublicText.cs.");
        }

        return Ui.IsEnglish ? text.En : text.Fr;
    }

    public static string T(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);

    public static bool Has(string key) => Texts.ContainsKey(key);

    public static IReadOnlyCollection<string> Keys => Texts.Keys;
}
