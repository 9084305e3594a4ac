using System.Globalization;
using DigitalWallonia.Web.Shared;

namespace DigitalWallonia.Web.Studio;

/// <summary>The rule studio's interface texts, French first with English, in the shape of <see cref="Ui"/>. A missing key throws.</summary>
public static class StudioText
{
    private static readonly Dictionary<string, (string Fr, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["published.heading"] = ("Versions publiées par programme", "Published versions by programme"),
        ["programme"] = ("Programme : {0}", "Programme: {0}"),
        ["common"] = ("règles communes", "common rules"),
        ["col.name"] = ("Jeu de règles", "Rule set"),
        ["col.version"] = ("Version", "Version"),
        ["col.valid-from"] = ("En vigueur depuis", "In force from"),
        ["col.status"] = ("Statut", "Status"),
        ["col.history"] = ("Rédigé, approuvé, publié", "Drafted, approved, published"),
        ["col.action"] = ("Action", "Action"),
        ["status.in-force"] = ("publiée", "published"),
        ["status.draft"] = ("brouillon", "draft"),
        ["status.approved"] = ("approuvé par {0}", "approved by {0}"),
        ["status.published"] = ("publié", "published"),
        ["since-always"] = ("depuis toujours", "since always"),
        ["history"] = ("{0} ; {1} ; {2} le {3}", "{0}; {1}; {2} on {3}"),
        ["history.no-approval"] = ("revu dans git", "reviewed in git"),
        ["start-draft"] = ("Nouveau brouillon", "New draft"),
        ["start-draft.of"] = ("Nouveau brouillon de {0} v{1}", "New draft of {0} v{1}"),
        ["drafts.heading"] = ("Brouillons", "Drafts"),
        ["drafts.none"] = ("Aucun brouillon.", "No drafts."),
        ["draft.open"] = ("Ouvrir {0}", "Open {0}"),
        ["draft.title"] = ("Brouillon {0}", "Draft {0}"),
        ["draft.author"] = ("Rédigé par {0}, modifié le {1}.", "Drafted by {0}, changed on {1}."),
        ["draft.source"] = ("Jeu de règles (JSON)", "Rule set (JSON)"),
        ["draft.source-hint"] = ("Chaque problème est indiqué par sa ligne et sa colonne ; la vérification se fait pendant la frappe.", "Each problem is shown with its line and column; checking happens as you type."),
        ["draft.check"] = ("Vérifier", "Check"),
        ["draft.save"] = ("Enregistrer le brouillon", "Save the draft"),
        ["draft.saved"] = ("Brouillon enregistré.", "Draft saved."),
        ["draft.saved-voided"] = ("Brouillon enregistré : l'approbation précédente est annulée.", "Draft saved: the earlier approval is void."),
        ["diagnostics.heading"] = ("Vérification", "Check"),
        ["diagnostics.none"] = ("Aucun problème.", "No problems."),
        ["diagnostics.count"] = ("{0} problème(s)", "{0} problem(s)"),
        ["diagnostics.at"] = ("Ligne {0}, colonne {1} : {2}", "Line {0}, column {1}: {2}"),
        ["tests.heading"] = ("Tests", "Tests"),
        ["tests.summary"] = ("{0} réussi(s), {1} en échec", "{0} passed, {1} failed"),
        ["tests.pass"] = ("réussi", "passed"),
        ["tests.fail"] = ("en échec", "failed"),
        ["tests.none"] = ("Ce brouillon n'a pas de test.", "This draft has no tests."),
        ["diff.heading"] = ("Ce qui change par rapport à {0} v{1}", "What changes from {0} v{1}"),
        ["diff.none"] = ("Aucune différence de règle ni de valeur.", "No rule or value differs."),
        ["diff.what"] = ("Élément", "Item"),
        ["diff.before"] = ("Avant", "Before"),
        ["diff.after"] = ("Après", "After"),
        ["diff.absent"] = ("(absent)", "(absent)"),
        ["approval.heading"] = ("Approbation et publication", "Approval and publication"),
        ["approval.author-cannot"] = ("Vous êtes l'auteur de ce brouillon : un second agent doit l'approuver.", "You drafted this: a second officer must approve it."),
        ["approval.approve"] = ("Approuver", "Approve"),
        ["approval.approved"] = ("Approuvé par {0} le {1}.", "Approved by {0} on {1}."),
        ["approval.not-yet"] = ("Pas encore approuvé.", "Not approved yet."),
        ["approval.publish"] = ("Publier", "Publish"),
        ["approval.published"] = ("Publié : la nouvelle version est en vigueur sur tous les nœuds dans les secondes qui viennent.", "Published: the new version is in force on every node within seconds."),
        ["approval.done"] = ("Ce brouillon est publié.", "This draft is published."),
        ["replay.heading"] = ("Rejouer sur les dossiers passés", "Replay on past dossiers"),
        ["replay.intro"] = ("Le brouillon enregistré est évalué sur les évaluations conservées de la période : leurs faits et leurs dates, jamais les données d'aujourd'hui.", "The saved draft is evaluated on the stored evaluations of the period: their facts and dates, never today's data."),
        ["replay.from"] = ("Du", "From"),
        ["replay.to"] = ("Au", "To"),
        ["replay.date-hint"] = ("Par exemple 2026-01-31.", "For example 2026-01-31."),
        ["replay.run"] = ("Rejouer", "Replay"),
        ["replay.bad-period"] = ("Indiquez une période valable : deux dates AAAA-MM-JJ, la seconde après la première.", "Give a valid period: two YYYY-MM-DD dates, the second after the first."),
        ["replay.summary"] = ("{0} évaluation(s) rejouée(s) : {1} deviennent inéligibles, {2} deviennent éligibles, {3} montant(s) changent (au total {4} EUR).", "{0} evaluation(s) replayed: {1} become ineligible, {2} become eligible, {3} amount(s) change (in total {4} EUR)."),
        ["replay.dossier"] = ("Dossier", "Dossier"),
        ["replay.as-of"] = ("Date", "Date"),
        ["replay.before"] = ("Avant", "Before"),
        ["replay.after"] = ("Avec le brouillon", "With the draft"),
        ["replay.eligible"] = ("éligible", "eligible"),
        ["replay.ineligible"] = ("inéligible", "ineligible"),
        ["evaluations.heading"] = ("Évaluations conservées de ce jeu de règles", "Stored evaluations of this rule set"),
        ["evaluations.add"] = ("En faire un test", "Make it a test"),
        ["evaluations.add-of"] = ("En faire un test : évaluation de {0} du {1}", "Make it a test: {0}'s evaluation of {1}"),
        ["evaluations.added"] = ("Test ajouté au brouillon, avec le résultat de l'évaluation comme attendu.", "Test added to the draft, with the evaluation's result as its expectation."),
        ["back"] = ("Retour à l'atelier", "Back to the studio"),
    };

    public static string T(string key) => Texts.TryGetValue(key, out var text)
        ? (Ui.IsEnglish ? text.En : text.Fr)
        : throw new KeyNotFoundException($"No studio text '{key}' in Studio/StudioText.cs.");

    public static string T(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);

    public static IReadOnlyCollection<string> Keys => Texts.Keys;
}
