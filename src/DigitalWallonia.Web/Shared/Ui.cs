using System.Globalization;

namespace DigitalWallonia.Web.Shared;

/// <summary>
/// The interface's texts, French first (the reference and the fallback) with English beside each, keyed by a stable name:
/// the same culture-keyed shape as the content's labels (workflows/roles.json). A missing key throws, so a typo fails the
/// page's test instead of showing a key to a user.
/// </summary>
public static class Ui
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly Dictionary<string, (string Fr, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["service-name"] = ("Digital Wallonia — aides et labels numériques", "Digital Wallonia — digital grants and labels"),
        ["skip-link"] = ("Aller au contenu principal", "Skip to main content"),
        ["language-nav"] = ("Langue", "Language"),
        ["main-nav"] = ("Menu principal", "Main menu"),
        ["sign-in"] = ("Se connecter", "Sign in"),
        ["sign-out"] = ("Se déconnecter", "Sign out"),
        ["signed-in-as"] = ("Connecté·e : {0}", "Signed in: {0}"),
        ["footer"] = ("Service public de Wallonie — plateforme des aides et labels numériques", "Public Service of Wallonia — digital grants and labels platform"),
        ["health"] = ("État du service", "Service status"),
        ["home.title"] = ("Accueil", "Home"),
        ["home.heading"] = ("Aides et labels numériques", "Digital grants and labels"),
        ["home.intro"] = ("Les dossiers des entreprises wallonnes, de la demande au paiement : éligibilité selon les règles en vigueur à la date de la demande, décisions contresignées, paiements par tranches, et une trace d'audit vérifiable.",
            "Walloon companies' dossiers from application to payment: eligibility under the rules in force on the application date, countersigned decisions, payments in instalments and a verifiable audit trail."),
        ["home.dossiers"] = ("{0} dossier(s)", "{0} dossier(s)"),
        ["programme.rentic.title"] = ("Prime à la transformation numérique (RENTIC)", "Digital transformation premium (RENTIC)"),
        ["programme.rentic.summary"] = ("Conseil par un prestataire labellisé, paiement par tranches.", "Advice from a labelled provider, paid in instalments."),
        ["programme.cyber.title"] = ("Prime et label cybersécurité", "Cybersecurity premium and label"),
        ["programme.cyber.summary"] = ("Audit par un expert agréé, cinq étapes, label horodaté.", "Audit by an accredited expert, five steps, a time-stamped label."),
        ["programme.voucher.title"] = ("Chèques technologiques", "Technology vouchers"),
        ["programme.voucher.summary"] = ("Prestataires labellisés, décision en cinq jours ouvrables.", "Labelled providers, a decision within five working days."),
        ["programme.label.title"] = ("Label Digital Wallonia", "Digital Wallonia label"),
        ["programme.label.summary"] = ("Charte, comité, label pour une durée de validité.", "Charter, committee, a label for a period of validity."),
        ["signin.title"] = ("Connexion (fournisseur d'identité de démonstration)", "Sign in (demonstration identity provider)"),
        ["signin.intro"] = ("Ce fournisseur local se comporte comme le service fédéral d'authentification : choisissez une personne de démonstration et un niveau d'assurance. Il n'existe qu'en démonstration et en test.",
            "This local provider behaves like the federal authentication service: choose a demonstration person and an assurance level. It exists only for demonstrations and tests."),
        ["signin.person"] = ("Personne", "Person"),
        ["signin.level"] = ("Niveau d'assurance (acr)", "Assurance level (acr)"),
        ["signin.level.high"] = ("Élevé : carte d'identité électronique ou itsme", "High: electronic identity card or itsme"),
        ["signin.level.low"] = ("Faible : code par courriel", "Low: code by e-mail"),
        ["signin.submit"] = ("Se connecter", "Sign in"),
        ["signin.error.person"] = ("Choisissez une personne", "Choose a person"),
        ["error-prefix"] = ("Erreur : ", "Error: "),
        ["error-summary"] = ("Il y a un problème", "There is a problem"),
        ["refused.title"] = ("Connexion refusée", "Sign-in refused"),
        ["refused.body"] = ("Le niveau d'assurance de votre connexion ne suffit pas pour ce service. Connectez-vous avec votre carte d'identité électronique ou itsme.",
            "Your sign-in's assurance level is not enough for this service. Sign in with your electronic identity card or itsme."),
        ["denied.title"] = ("Accès refusé", "Access denied"),
        ["denied.body"] = ("Votre rôle ne donne pas accès à cette page.", "Your role does not give access to this page."),
        ["role.company-representative"] = ("Représentant de l'entreprise", "Company representative"),
        ["role.case-handler"] = ("Gestionnaire de dossier", "Case handler"),
        ["role.supervisor"] = ("Superviseur", "Supervisor"),
        ["role.policy-officer"] = ("Chargé de politique", "Policy officer"),
        ["role.committee-member"] = ("Membre du comité", "Committee member"),
        ["role.measure-carrier"] = ("Porteur de mesure", "Measure carrier"),
        ["role.digital-agency"] = ("Agence du Numérique", "Digital agency"),
        ["role.administrator"] = ("Administrateur", "Administrator"),
        ["workspace.title"] = ("Espace de traitement", "Case-handling workspace"),
        ["workspace.intro"] = ("Les files de dossiers des gestionnaires, superviseurs et du comité.", "The dossier queues of case handlers, supervisors and the committee."),
        ["portal.title"] = ("Portail des entreprises", "Company portal"),
        ["portal.intro"] = ("Vous agissez pour les entreprises suivantes :", "You act for the following enterprises:"),
        ["portal.none"] = ("Aucun mandat.", "No mandate."),
        ["studio.title"] = ("Atelier des règles", "Rule studio"),
        ["studio.intro"] = ("Les règles d'éligibilité, taux et plafonds des programmes.", "The programmes' eligibility rules, rates and ceilings."),
        ["admin.title"] = ("Administration", "Administration"),
        ["admin.intro"] = ("Les rôles du personnel et les personnes qui les détiennent.", "Staff roles and the people who hold them."),
        ["reporting.title"] = ("Rapports", "Reporting"),
        ["reporting.intro"] = ("Le suivi des mesures du plan Digital Wallonia.", "Monitoring of the Digital Wallonia plan's measures."),
        ["your-roles"] = ("Vos rôles :", "Your roles:"),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public static string T(string key)
    {
        if (!Texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No interface text '{key}' in Shared/Ui.cs.");
        }

        return IsEnglish ? text.En : text.Fr;
    }

    /// <summary>The text for <paramref name="key"/> with its placeholders filled, formatted in the current culture.</summary>
    public static string T(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);

    public static IReadOnlyCollection<string> Keys => Texts.Keys;
}
