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
        ["signin.intro"] = ("Ce fournisseur local se comporte comme le service fédéral d'authentification : choisissez une personne de démonstration, tapez son code PIN et choisissez un niveau d'assurance. Il n'existe qu'en démonstration et en test.",
            "This local provider behaves like the federal authentication service: choose a demonstration person, type their PIN and choose an assurance level. It exists only for demonstrations and tests."),
        ["signin.pin"] = ("Code PIN", "PIN"),
        ["signin.pin.hint"] = ("Le code de démonstration indiqué sous le nom de la personne. Après {0} codes erronés, la connexion de cette personne est bloquée pendant {1} minutes.",
            "The demonstration code shown under the person's name. After {0} wrong codes, that person's sign-in is locked for {1} minutes."),
        ["signin.demo-pin"] = ("PIN de démonstration : {0}", "Demonstration PIN: {0}"),
        ["signin.error.pin"] = ("Code PIN incorrect. Encore {0} essai(s) avant le blocage.", "Wrong PIN. {0} attempt(s) left before the lockout."),
        ["signin.error.locked"] = ("Trop de codes PIN erronés : la connexion de cette personne est bloquée jusqu'à {0}.", "Too many wrong PINs: this person's sign-in is locked until {0}."),
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
        ["role.applicant"] = ("Demandeur", "Applicant"),
        ["role.provider"] = ("Prestataire", "Provider"),
        ["role.expert"] = ("Expert accrédité", "Accredited expert"),
        ["role.promoter"] = ("Porteur de l'initiative", "Initiative promoter"),
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
        ["admin.intro"] = ("Qui peut faire quoi : les rôles du personnel, les mandats des entreprises, et le journal de chaque changement.",
            "Who may do what: staff roles, companies' mandates, and the log of every change."),
        ["breadcrumbs"] = ("Fil d'Ariane", "Breadcrumbs"),
        ["admin.done"] = ("C'est fait", "Done"),
        ["admin.revoke"] = ("Retirer", "Revoke"),
        ["admin.granted-by"] = ("{0}, le {1}", "{0}, {1}"),
        ["admin.programme.all"] = ("Tous les programmes", "All programmes"),
        ["admin.field.person"] = ("Personne (identifiant)", "Person (identifier)"),
        ["admin.field.person.help"] = ("L'identifiant (sub) que le fournisseur d'identité donne à la personne ; les personnes déjà connectées sont listées plus bas.",
            "The identifier (sub) the identity provider gives the person; the people who have signed in are listed below."),
        ["admin.field.role"] = ("Rôle", "Role"),
        ["admin.field.programme"] = ("Programme", "Programme"),
        ["admin.field.programme.help"] = ("Un rôle pour un programme ne donne accès qu'aux dossiers de ce programme.", "A role for one programme gives access to that programme's dossiers only."),
        ["admin.field.enterprise"] = ("Entreprise (numéro BCE)", "Enterprise (CBE number)"),
        ["admin.field.party-role"] = ("Rôle pour cette entreprise", "Role for this enterprise"),
        ["admin.column.person"] = ("Personne", "Person"),
        ["admin.column.identifier"] = ("Identifiant", "Identifier"),
        ["admin.column.last-sign-in"] = ("Dernière connexion", "Last sign-in"),
        ["admin.column.role"] = ("Rôle", "Role"),
        ["admin.column.programme"] = ("Programme", "Programme"),
        ["admin.column.granted"] = ("Attribué par", "Granted by"),
        ["admin.column.actions"] = ("Actions", "Actions"),
        ["admin.column.enterprise"] = ("Entreprise", "Enterprise"),
        ["admin.column.source"] = ("Origine", "Source"),
        ["admin.column.when"] = ("Quand", "When"),
        ["admin.column.by"] = ("Par", "By"),
        ["admin.column.change"] = ("Changement", "Change"),
        ["admin.column.what"] = ("Quoi", "What"),
        ["admin.people.title"] = ("Personnes déjà connectées", "People who have signed in"),
        ["admin.people.none"] = ("Personne ne s'est encore connecté.", "Nobody has signed in yet."),
        ["admin.roles.title"] = ("Rôles du personnel", "Staff roles"),
        ["admin.roles.summary"] = ("Attribuer et retirer les rôles des gestionnaires, superviseurs, chargés de politique, membres du comité, de l'Agence du Numérique et des administrateurs, pour tous les programmes ou un seul.",
            "Grant and revoke the roles of case handlers, supervisors, policy officers, committee members, the digital agency and administrators, for all programmes or one."),
        ["admin.roles.intro"] = ("Un rôle vaut dès la prochaine connexion de la personne. Chaque attribution et chaque retrait sont consignés avec leur auteur et leur date.",
            "A role takes effect at the person's next sign-in. Every grant and revocation is logged with who made it and when."),
        ["admin.roles.grant"] = ("Attribuer le rôle", "Grant the role"),
        ["admin.roles.held"] = ("Rôles attribués", "Roles held"),
        ["admin.roles.already"] = ("{0} a déjà le rôle « {1} » pour « {2} ».", "{0} already holds the role “{1}” for “{2}”."),
        ["admin.roles.granted"] = ("Rôle « {0} » ({1}) attribué à {2}.", "Role “{0}” ({1}) granted to {2}."),
        ["admin.roles.revoked"] = ("Rôle « {0} » ({1}) retiré à {2}.", "Role “{0}” ({1}) revoked from {2}."),
        ["admin.roles.gone"] = ("Ce rôle avait déjà été retiré.", "That role had already been revoked."),
        ["admin.roles.last-administrator"] = ("Le dernier administrateur ne peut pas être retiré : attribuez d'abord ce rôle à quelqu'un d'autre.",
            "The last administrator cannot be revoked: grant the role to someone else first."),
        ["admin.mandates.title"] = ("Mandats", "Mandates"),
        ["admin.mandates.summary"] = ("Voir qui agit pour quelle entreprise, et accorder ou retirer des mandats en plus de ceux du fournisseur d'identité.",
            "See who acts for which enterprise, and grant or revoke mandates besides those of the identity provider."),
        ["admin.mandates.intro"] = ("Les mandats du fournisseur d'identité (FAS) sont relus à chaque connexion ; ceux accordés ici restent jusqu'à leur retrait. Chaque changement est consigné.",
            "Mandates from the identity provider (FAS) are read again at each sign-in; those granted here stay until revoked. Every change is logged."),
        ["admin.mandates.grant"] = ("Accorder le mandat", "Grant the mandate"),
        ["admin.mandates.held"] = ("Mandats en cours", "Mandates held"),
        ["admin.mandates.already"] = ("{0} a déjà le rôle « {1} » pour l'entreprise {2}.", "{0} already holds the role “{1}” for enterprise {2}."),
        ["admin.mandates.granted"] = ("Mandat « {0} » pour {1} accordé à {2}.", "Mandate “{0}” for {1} granted to {2}."),
        ["admin.mandates.revoked"] = ("Mandat « {0} » pour {1} retiré à {2}.", "Mandate “{0}” for {1} revoked from {2}."),
        ["admin.mandates.gone"] = ("Ce mandat avait déjà été retiré.", "That mandate had already been revoked."),
        ["admin.mandates.asserted"] = ("Fournisseur d'identité, le {0}", "Identity provider, {0}"),
        ["admin.changes.title"] = ("Journal des accès", "Access log"),
        ["admin.changes.summary"] = ("Chaque attribution et retrait de rôle ou de mandat : qui, quand, pour qui.", "Every grant and revocation of a role or mandate: who, when, for whom."),
        ["admin.changes.intro"] = ("Les {0} derniers changements, du plus récent au plus ancien. Le journal ne se modifie pas : il ne fait que s'allonger.",
            "The last {0} changes, newest first. The log is never changed: it only grows."),
        ["admin.change.role-granted"] = ("Rôle attribué", "Role granted"),
        ["admin.change.role-revoked"] = ("Rôle retiré", "Role revoked"),
        ["admin.change.mandate-granted"] = ("Mandat accordé", "Mandate granted"),
        ["admin.change.mandate-revoked"] = ("Mandat retiré", "Mandate revoked"),
        ["forms.summary"] = ("Le formulaire de chaque action des workflows publiés, à essayer sans toucher à un dossier.",
            "The form of every action of the published workflows, to try without touching a dossier."),
        ["reporting.title"] = ("Rapports", "Reporting"),
        ["reporting.intro"] = ("Le suivi des mesures du plan Digital Wallonia.", "Monitoring of the Digital Wallonia plan's measures."),
        ["your-roles"] = ("Vos rôles :", "Your roles:"),
        ["forms.title"] = ("Formulaires des actions", "Action forms"),
        ["forms.action-title"] = ("{0} — {1}", "{0} — {1}"),
        ["forms.intro"] = ("Chaque action des workflows publiés, avec le formulaire que ses champs déclarés produisent. Essayez-le : la saisie est vérifiée comme le moteur la vérifierait, sans toucher à aucun dossier.",
            "Every action of the published workflows, with the form its declared fields make. Try it: the input is checked as the engine would check it, without touching any dossier."),
        ["forms.fields"] = ("{0} champ(s)", "{0} field(s)"),
        ["forms.no-input"] = ("Cette action ne demande aucune saisie.", "This action asks for no input."),
        ["forms.check"] = ("Vérifier la saisie", "Check the input"),
        ["forms.accepted.title"] = ("Saisie acceptée", "Input accepted"),
        ["forms.accepted"] = ("Le moteur accepterait cette saisie :", "The engine would accept this input:"),
        ["form.submit"] = ("Envoyer", "Submit"),
        ["form.optional"] = ("(facultatif)", "(optional)"),
        ["form.yes"] = ("Oui", "Yes"),
        ["form.no"] = ("Non", "No"),
        ["form.choose"] = ("Choisissez", "Choose"),
        ["form.date.day"] = ("Jour", "Day"),
        ["form.date.month"] = ("Mois", "Month"),
        ["form.date.year"] = ("Année", "Year"),
        ["form.row"] = ("{0} {1}", "{0} {1}"),
        ["form.list.add"] = ("Ajouter une ligne", "Add a row"),
        ["form.list.remove"] = ("Retirer", "Remove"),
        ["form.document.kept"] = ("Document joint : {0}. Choisissez un autre fichier pour le remplacer.", "Attached document: {0}. Choose another file to replace it."),
        ["form.unit.mb"] = ("Mo", "MB"),
        ["form.unit.kb"] = ("Ko", "KB"),
        ["form.hint.max-length"] = ("Au plus {0} caractères.", "At most {0} characters."),
        ["form.hint.money"] = ("En euros, par exemple 1 250,50.", "In euros, for example 1,250.50."),
        ["form.hint.integer"] = ("Un nombre entier.", "A whole number."),
        ["form.hint.between"] = ("Entre {0} et {1}.", "Between {0} and {1}."),
        ["form.hint.at-least"] = ("Au moins {0}.", "At least {0}."),
        ["form.hint.at-most"] = ("Au plus {0}.", "At most {0}."),
        ["form.hint.items-between"] = ("Entre {0} et {1} lignes.", "Between {0} and {1} rows."),
        ["form.hint.items-at-least"] = ("Au moins {0} lignes.", "At least {0} rows."),
        ["form.hint.items-at-most"] = ("Au plus {0} lignes.", "At most {0} rows."),
        ["form.hint.date"] = ("Par exemple 27 3 2026.", "For example, 27 3 2026."),
        ["form.hint.enterprise-number"] = ("Dix chiffres, par exemple 0123.456.749.", "Ten digits, for example 0123.456.749."),
        ["form.hint.document"] = ("Formats acceptés : {0}. Taille maximale : {1}. Après une erreur, choisissez à nouveau le fichier.",
            "Accepted formats: {0}. Largest size: {1}. After an error, choose the file again."),
        ["form.error.required"] = ("Renseignez « {0} ».", "Enter “{0}”."),
        ["form.error.choose"] = ("Choisissez une réponse pour « {0} ».", "Choose an answer for “{0}”."),
        ["form.error.attach"] = ("Joignez le document « {0} ».", "Attach the document “{0}”."),
        ["form.error.list-required"] = ("Ajoutez au moins une ligne à « {0} ».", "Add at least one row to “{0}”."),
        ["form.error.money"] = ("« {0} » doit être un montant en euros, par exemple 1 250,50.", "“{0}” must be an amount in euros, for example 1,250.50."),
        ["form.error.cents"] = ("« {0} » ne peut pas avoir plus de deux décimales.", "“{0}” cannot have more than two decimals."),
        ["form.error.integer"] = ("« {0} » doit être un nombre entier.", "“{0}” must be a whole number."),
        ["form.error.number"] = ("« {0} » doit être un nombre.", "“{0}” must be a number."),
        ["form.error.date"] = ("« {0} » doit être une date réelle, par exemple 27 3 2026.", "“{0}” must be a real date, for example 27 3 2026."),
        ["form.error.enterprise-number"] = ("« {0} » n'est pas un numéro d'entreprise valable (dix chiffres, par exemple 0123.456.749).",
            "“{0}” is not a valid enterprise number (ten digits, for example 0123.456.749)."),
        ["form.error.email"] = ("« {0} » doit être une adresse e-mail, par exemple nom@exemple.be.", "“{0}” must be an e-mail address, for example name@example.be."),
        ["form.error.one-line"] = ("« {0} » tient sur une ligne : retirez les retours à la ligne.", "“{0}” fits on one line: remove the line breaks."),
        ["form.error.invalid"] = ("« {0} » n'est pas valable.", "“{0}” is not valid."),
        ["form.error.too-small"] = ("« {0} » doit être au moins {1}.", "“{0}” must be at least {1}."),
        ["form.error.too-large"] = ("« {0} » doit être au plus {1}.", "“{0}” must be at most {1}."),
        ["form.error.too-long"] = ("« {0} » doit compter au plus {1} caractères.", "“{0}” must be {1} characters or fewer."),
        ["form.error.too-few"] = ("« {0} » doit compter au moins {1} lignes.", "“{0}” needs at least {1} rows."),
        ["form.error.too-many"] = ("« {0} » compte au plus {1} lignes.", "“{0}” takes at most {1} rows."),
        ["form.error.pattern"] = ("« {0} » n'a pas la forme attendue.", "“{0}” is not in the expected form."),
        ["form.error.media-type"] = ("« {0} » doit être un fichier {1}.", "“{0}” must be a {1} file."),
        ["form.error.too-big"] = ("« {0} » doit faire au plus {1}.", "“{0}” must be {1} or smaller."),
        ["form.error.undeclared"] = ("Ce formulaire ne demande pas « {0} ».", "This form does not ask for “{0}”."),
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

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/> (<c>fr</c> or <c>en</c>), whatever the request's.</summary>
    public static string In(string language, string key) =>
        Texts.TryGetValue(key, out var text)
            ? (language == "en" ? text.En : text.Fr)
            : throw new KeyNotFoundException($"No interface text '{key}' in Shared/Ui.cs.");

    /// <summary>An instant as people in Wallonia read it: Brussels time, in the current culture's short date and time.</summary>
    public static string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Brussels).ToString("g", CultureInfo.CurrentCulture);

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>The text for <paramref name="key"/> with its placeholders filled, formatted in the current culture.</summary>
    public static string T(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);

    public static IReadOnlyCollection<string> Keys => Texts.Keys;
}
