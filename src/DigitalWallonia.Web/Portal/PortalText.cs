using System.Globalization;
using DigitalWallonia.Web.Shared;

namespace DigitalWallonia.Web.Portal;

/// <summary>
/// The company portal's texts, French first with English, in the same shape as <see cref="Ui"/> (kept apart like the
/// workspace's, so the portal's words for companies live next to its pages). The status of a dossier is written here for
/// companies, per workflow state (<c>state.{id}</c>, or <c>state.{workflow}.{id}</c> where one programme says it better),
/// never the workflow's state id; so are the consequences of the administration's deadlines (<c>timer.{workflow}.{kind}</c>).
/// </summary>
public static class PortalText
{
    private static readonly Dictionary<string, (string Fr, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["dossiers.title"] = ("Mes dossiers", "My dossiers"),
        ["dossiers.intro"] = ("Où en est chaque demande, ce qui est attendu ensuite, de qui et pour quand.", "Where each application stands, what is expected next, from whom and by when."),
        ["dossiers.for"] = ("Pour {0} (n° d'entreprise {1})", "For {0} (enterprise number {1})"),
        ["dossiers.choose"] = ("Pour quelle entreprise ?", "For which enterprise?"),
        ["dossiers.choose.hint"] = ("Vous avez un mandat pour plusieurs entreprises : choisissez celle dont vous voulez voir les dossiers.", "You hold a mandate for several enterprises: choose the one whose dossiers you want to see."),
        ["dossiers.show"] = ("Afficher ses dossiers", "Show its dossiers"),
        ["dossiers.other"] = ("Changer d'entreprise", "Change enterprise"),
        ["dossiers.none"] = ("Aucun dossier pour cette entreprise.", "No dossier for this enterprise."),
        ["dossiers.no-mandate"] = ("Vous n'avez de mandat pour aucune entreprise. Le représentant légal de l'entreprise peut vous en donner un.", "You hold no mandate for any enterprise. The enterprise's legal representative can give you one."),
        ["dossiers.caption"] = ("{0} dossier(s)", "{0} dossier(s)"),
        ["col.dossier"] = ("Dossier", "Dossier"),
        ["col.status"] = ("Où en est-il ?", "Where it stands"),
        ["col.next"] = ("Et ensuite ?", "What next?"),
        ["submitted-on"] = ("Demande introduite le {0}", "Applied on {0}"),
        ["opened-on"] = ("Ouvert le {0}", "Opened on {0}"),
        ["closed"] = ("Dossier clôturé : plus rien n'est attendu.", "Dossier closed: nothing more is expected."),
        ["next.company"] = ("À vous : {0}", "Up to you: {0}"),
        ["next.administration"] = ("L'administration examine votre dossier et décide.", "The administration examines your dossier and decides."),
        ["next.other-party"] = ("Votre prestataire ou expert : {0}", "Your provider or expert: {0}"),
        ["next.no-date"] = ("sans date fixée", "no date set"),
        ["next.or"] = (" ou ", " or "),
        ["timer.generic"] = ("Échéance le {0} ; à défaut, le dossier passe à l'étape « {1} ».", "Deadline {0}; failing that, the dossier moves to “{1}”."),
        ["timer.voucher.decision"] = ("Décision attendue au plus tard le {0} ; à défaut, votre chèque est accepté automatiquement.", "Decision expected by {0} at the latest; if none, your voucher is accepted automatically."),
        ["timer.voucher.consumption"] = ("Prestation à déclarer au plus tard le {0} ; à défaut, le chèque expire.", "Service to declare by {0} at the latest; if not, the voucher expires."),
        ["timer.rentic.documents"] = ("Documents à envoyer au plus tard le {0} ; à défaut, la demande devient caduque.", "Documents to send by {0} at the latest; if not, the application lapses."),
        ["timer.provider.completion"] = ("Compléments à envoyer au plus tard le {0} ; à défaut, la demande devient caduque.", "Completion to send by {0} at the latest; if not, the application lapses."),
        ["timer.provider.decision"] = ("Décision attendue au plus tard le {0}.", "Decision expected by {0} at the latest."),
        ["timer.label.decision"] = ("Décision du comité attendue au plus tard le {0}.", "Committee decision expected by {0} at the latest."),
        ["timer.label.expiry"] = ("Label valable jusqu'au {0}.", "Label valid until {0}."),
        ["timer.provider.expiry"] = ("Label valable jusqu'au {0}.", "Label valid until {0}."),
        ["timer.cyber.label-expiry"] = ("Label valable jusqu'au {0}.", "Label valid until {0}."),
        ["timer.cyber-professional.listing"] = ("Inscription valable jusqu'au {0}.", "Listing valid until {0}."),

        // What a company (or its provider, its expert) may do, in words; the workflows name their actions by id only.
        ["action.abandon"] = ("abandonner la demande", "abandon the application"),
        ["action.withdraw"] = ("retirer la demande", "withdraw the application"),
        ["action.submit"] = ("envoyer la demande", "send the application"),
        ["action.apply"] = ("introduire la candidature", "send the application"),
        ["action.apply-renewal"] = ("demander le renouvellement", "apply for renewal"),
        ["action.complete"] = ("compléter la demande", "complete the application"),
        ["action.provide-documents"] = ("envoyer les documents demandés", "send the documents requested"),
        ["action.declare-milestone"] = ("déclarer l'étape réalisée, avec la facture du prestataire", "declare the step delivered, with the provider's invoice"),
        ["action.declare-consumption"] = ("déclarer la prestation réalisée", "declare the service delivered"),
        ["action.claim-premium"] = ("demander la prime", "claim the premium"),
        ["action.complete-assessment"] = ("terminer l'évaluation de la situation", "complete the assessment"),
        ["action.set-objectives"] = ("fixer les objectifs", "set the objectives"),
        ["action.adopt-roadmap"] = ("adopter la feuille de route", "adopt the roadmap"),
        ["action.establish-procedures"] = ("établir les procédures d'évaluation", "establish the evaluation procedures"),
        ["action.award-label"] = ("délivrer le label", "award the label"),
        ["action.renew-label"] = ("renouveler le label", "renew the label"),

        // Status in plain words, per workflow state.
        ["state.draft"] = ("Demande en préparation, pas encore envoyée", "Application being prepared, not sent yet"),
        ["state.submitted"] = ("Demande reçue, vérification automatique en cours", "Application received, automatic check under way"),
        ["state.eligibility-review"] = ("Demande reçue : l'administration vérifie que vous remplissez les conditions", "Application received: the administration checks that you meet the conditions"),
        ["state.under-review"] = ("Demande à l'examen par l'administration", "Application being examined by the administration"),
        ["state.documents-requested"] = ("Documents demandés : l'administration attend des pièces de votre part", "Documents requested: the administration is waiting for documents from you"),
        ["state.awaiting-second-approval"] = ("Décision en préparation (second contrôle à l'administration)", "Decision being prepared (second check at the administration)"),
        ["state.diagnosis"] = ("Prime accordée — diagnostic à réaliser", "Premium granted — diagnosis to carry out"),
        ["state.diagnosis-review"] = ("Diagnostic déclaré, l'administration le vérifie", "Diagnosis declared, the administration checks it"),
        ["state.action-plan"] = ("Prime accordée — plan d'action à réaliser", "Premium granted — action plan to carry out"),
        ["state.action-plan-review"] = ("Plan d'action déclaré, l'administration le vérifie", "Action plan declared, the administration checks it"),
        ["state.implementation"] = ("Prime accordée — mise en œuvre à réaliser", "Premium granted — implementation to carry out"),
        ["state.implementation-review"] = ("Mise en œuvre déclarée, l'administration la vérifie", "Implementation declared, the administration checks it"),
        ["state.payment-pending"] = ("Paiement en cours", "Payment under way"),
        ["state.paid"] = ("Payé — dossier clôturé", "Paid — dossier closed"),
        ["state.refused"] = ("Demande refusée — dossier clôturé", "Application refused — dossier closed"),
        ["state.lapsed"] = ("Demande caduque : le délai de réponse est passé", "Application lapsed: the time to answer has passed"),
        ["state.withdrawn"] = ("Retiré — dossier clôturé", "Withdrawn — dossier closed"),
        ["state.expired"] = ("Expiré — dossier clôturé", "Expired — dossier closed"),
        ["state.closed"] = ("Dossier clôturé", "Dossier closed"),
        ["state.abandoned"] = ("Demande abandonnée", "Application abandoned"),
        ["state.voucher.approved"] = ("Chèque accordé — la prestation peut avoir lieu", "Voucher granted — the service can take place"),
        ["state.consumed"] = ("Prestation déclarée, l'administration la vérifie", "Service declared, the administration checks it"),
        ["state.assessment"] = ("Accompagnement par l'expert — étape 1 : évaluation de la situation", "Support by the expert — step 1: assessment"),
        ["state.objectives"] = ("Accompagnement par l'expert — étape 2 : objectifs", "Support by the expert — step 2: objectives"),
        ["state.roadmap"] = ("Accompagnement par l'expert — étape 3 : feuille de route", "Support by the expert — step 3: roadmap"),
        ["state.evaluation-procedures"] = ("Accompagnement par l'expert — étape 4 : procédures d'évaluation", "Support by the expert — step 4: evaluation procedures"),
        ["state.label-award"] = ("Accompagnement par l'expert — étape 5 : délivrance du label", "Support by the expert — step 5: label award"),
        ["state.labelled"] = ("Label obtenu", "Label obtained"),
        ["state.premium-review"] = ("Prime demandée, l'administration l'examine", "Premium claimed, the administration examines it"),
        ["state.premium-granted"] = ("Prime accordée, paiement en cours", "Premium granted, payment under way"),
        ["state.premium-granted-label-expired"] = ("Label échu, paiement de la prime en cours", "Label expired, premium payment under way"),
        ["state.label-in-force"] = ("Label en cours de validité", "Label in force"),
        ["state.label-expired"] = ("Label échu", "Label expired"),
        ["state.committee-review"] = ("Candidature examinée par le comité", "Application examined by the committee"),
        ["state.decision-overdue"] = ("Le comité n'a pas encore décidé : délai dépassé", "The committee has not decided yet: time exceeded"),
        ["state.suspended"] = ("Label suspendu", "Label suspended"),
        ["state.renewal-review"] = ("Renouvellement à l'examen (le label reste valable)", "Renewal being examined (the label stays valid)"),
        ["state.screening"] = ("Demande complète, examen en cours", "Application complete, examination under way"),
        ["state.incomplete"] = ("Demande incomplète : l'administration vous précisera ce qui manque", "Application incomplete: the administration will tell you what is missing"),
        ["state.awaiting-completion"] = ("Compléments demandés : à vous de compléter la demande", "Completion requested: up to you to complete the application"),
        ["state.review-overdue"] = ("Délai de décision dépassé : l'administration doit encore décider", "Decision time exceeded: the administration has still to decide"),
        ["state.completeness-review"] = ("Demande reçue, l'administration vérifie qu'elle est complète", "Application received, the administration checks it is complete"),
        ["state.listed"] = ("Inscrit au registre des professionnels agréés", "Listed in the register of accredited professionals"),

        // The dossier page
        ["dossier.title"] = ("Dossier {0}", "Dossier {0}"),
        ["dossier.back"] = ("Retour à mes dossiers", "Back to my dossiers"),
        ["dossier.contents"] = ("Sur cette page", "On this page"),
        ["dossier.standing"] = ("Où en est votre dossier", "Where your dossier stands"),
        ["dossier.status"] = ("Statut", "Status"),
        ["dossier.next"] = ("Ce qui est attendu ensuite", "What is expected next"),
        ["dossier.done"] = ("C'est fait : votre action est enregistrée.", "Done: your action is recorded."),
        ["decision.heading"] = ("La décision et ses raisons", "The decision and its reasons"),
        ["decision.none"] = ("Aucune décision n'a encore été prise.", "No decision has been taken yet."),
        ["decision.summary"] = ("Décision du {0} : {1}", "Decision of {0}: {1}"),
        ["decision.amount"] = ("Montant", "Amount"),
        ["decision.legal-basis"] = ("Base légale", "Legal basis"),
        ["decision.rules"] = ("Règles appliquées", "Rules applied"),
        ["decision.rules.version"] = ("{0}, version {1}", "{0}, version {1}"),
        ["decision.reasons"] = ("Motifs", "Reasons"),
        ["decision.appeal"] = ("Recours", "Appeal"),
        ["decision.appeal.default"] = ("un recours en annulation devant le Conseil d'État, section du contentieux administratif", "an application for annulment to the Council of State, administrative litigation section"),
        ["decision.appeal-by"] = ("{0} — au plus tard le {1} (soixante jours après la notification).", "{0} — by {1} at the latest (sixty days after notification)."),
        ["decision.kind.grant"] = ("aide octroyée", "aid granted"),
        ["decision.kind.refusal"] = ("demande refusée", "application refused"),
        ["decision.kind.partial"] = ("aide octroyée en partie", "aid partly granted"),
        ["decision.kind.withdrawal"] = ("aide retirée", "aid withdrawn"),
        ["decision.kind.recovery"] = ("remboursement demandé", "repayment required"),
        ["why.heading"] = ("Les conditions vérifiées", "The conditions checked"),
        ["why.evaluation"] = ("Vérification du {0} selon {1} (version {2}) : {3}", "Check of {0} under {1} (version {2}): {3}"),
        ["why.legal-basis"] = ("Base légale : {0}", "Legal basis: {0}"),
        ["why.met"] = ("conditions remplies", "conditions met"),
        ["why.not-met"] = ("au moins une condition n'est pas remplie", "at least one condition is not met"),
        ["why.condition"] = ("Condition", "Condition"),
        ["why.outcome"] = ("Résultat", "Outcome"),
        ["why.explanation"] = ("Explication", "Explanation"),
        ["why.rule.met"] = ("Remplie", "Met"),
        ["why.rule.not-met"] = ("Non remplie", "Not met"),
        ["why.values"] = ("Les valeurs utilisées et leur origine", "The values used and where they came from"),
        ["messages.heading"] = ("Messages reçus", "Messages received"),
        ["messages.none"] = ("Aucun message.", "No message."),
        ["messages.item"] = ("{0} — le {1}", "{0} — on {1}"),
        ["messages.to"] = ("Envoyé à {0}", "Sent to {0}"),
        ["documents.heading"] = ("Documents et courriers", "Documents and letters"),
        ["documents.none"] = ("Aucun document.", "No document."),
        ["documents.item"] = ("{0}, le {1}", "{0}, on {1}"),
        ["documents.open"] = ("Ouvrir", "Open"),
        ["documents.pdf"] = ("Télécharger en PDF", "Download as PDF"),
        ["documents.kind.decision-letter"] = ("Lettre de décision", "Decision letter"),
        ["documents.kind.certificate"] = ("Certificat", "Certificate"),
        ["documents.kind.upload"] = ("Pièce envoyée", "Document sent"),
        ["actions.heading"] = ("Agir sur votre dossier", "Act on your dossier"),
        ["actions.none"] = ("Rien ne vous est demandé pour l'instant.", "Nothing is asked of you for now."),
        ["actions.submit"] = ("Envoyer : {0}", "Send: {0}"),
        ["actions.cancel"] = ("Annuler", "Cancel"),
        ["actions.refused"] = ("Votre action n'a pas pu être enregistrée", "Your action could not be recorded"),
        ["actions.not-open"] = ("Cette action n'est plus possible dans l'état actuel du dossier.", "This action is no longer possible in the dossier's current state."),
        ["actions.changed"] = ("Le dossier a changé entre-temps : relisez-le et recommencez.", "The dossier changed in the meantime: read it again and start over."),
    };

    public static string T(string key)
    {
        if (!Texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No portal text '{key}' in Portal/PortalText.cs.");
        }

        return Ui.IsEnglish ? text.En : text.Fr;
    }

    public static string T(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);

    public static bool Has(string key) => Texts.ContainsKey(key);

    public static IReadOnlyCollection<string> Keys => Texts.Keys;
}
