namespace DigitalWallonia.Web.Tests.Forms;

/// <summary>
/// A workflow whose one action declares a field of every input type (the shipped ones use neither choice nor e-mail),
/// published into a test's database so that its form is drawn and posted like the shipped ones'.
/// </summary>
internal static class EveryInputWorkflow
{
    public const string Id = "every-input-test";

    public const string Transition = "submit";

    public const string Json = """
        {
          "id": "every-input-test",
          "version": 1,
          "title": { "fr": "Essai de tous les champs", "en": "Every field test" },
          "programme": "voucher",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "Brouillon" }, "roles": ["applicant"] },
            { "id": "done", "kind": "final", "labels": { "fr": "Fini" } }
          ],
          "transitions": [
            { "id": "submit", "from": "draft", "to": "done", "labels": { "fr": "Envoyer la demande", "en": "Send the request" },
              "trigger": { "action": "submit", "input": [
                { "key": "service", "type": "text", "label": { "fr": "Prestation", "en": "Service" }, "maxLength": 80,
                  "help": { "fr": "Telle que le devis la nomme.", "en": "As the quote names it." } },
                { "key": "description", "type": "longText", "label": { "fr": "Description", "en": "Description" }, "required": false, "maxLength": 500 },
                { "key": "amount", "type": "money", "label": { "fr": "Montant", "en": "Amount" }, "min": 1, "max": 50000 },
                { "key": "rate", "type": "decimal", "label": { "fr": "Taux", "en": "Rate" }, "min": 0, "max": 1 },
                { "key": "staff", "type": "integer", "label": { "fr": "Effectif", "en": "Staff" }, "min": 0 },
                { "key": "startsOn", "type": "date", "label": { "fr": "Début", "en": "Start" } },
                { "key": "sme", "type": "boolean", "label": { "fr": "PME", "en": "SME" } },
                { "key": "size", "type": "choice", "label": { "fr": "Taille", "en": "Size" },
                  "options": [ { "value": "small", "label": { "fr": "Petite", "en": "Small" } }, { "value": "medium", "label": { "fr": "Moyenne", "en": "Medium" } },
                               { "value": "large", "label": { "fr": "Grande", "en": "Large" } } ] },
                { "key": "province", "type": "choice", "label": { "fr": "Province", "en": "Province" }, "required": false,
                  "options": [ { "value": "BE-WBR", "label": { "fr": "Brabant wallon" } }, { "value": "BE-WHT", "label": { "fr": "Hainaut" } },
                               { "value": "BE-WLG", "label": { "fr": "Liège" } }, { "value": "BE-WLX", "label": { "fr": "Luxembourg" } },
                               { "value": "BE-WNA", "label": { "fr": "Namur" } }, { "value": "BE-VAN", "label": { "fr": "Anvers" } },
                               { "value": "BE-VLI", "label": { "fr": "Limbourg" } }, { "value": "BE-VOV", "label": { "fr": "Flandre orientale" } },
                               { "value": "BE-BRU", "label": { "fr": "Bruxelles" } } ] },
                { "key": "partner", "type": "enterpriseNumber", "label": { "fr": "Partenaire", "en": "Partner" } },
                { "key": "contact", "type": "email", "label": { "fr": "Courriel", "en": "E-mail" }, "personal": true },
                { "key": "quote", "type": "document", "label": { "fr": "Devis", "en": "Quote" }, "mediaTypes": ["application/pdf"], "maxSize": 1048576 },
                { "key": "linked", "type": "list", "label": { "fr": "Entreprises liées", "en": "Linked enterprises" }, "required": false, "max": 3,
                  "item": { "type": "object", "fields": [
                    { "key": "number", "type": "enterpriseNumber", "label": { "fr": "Numéro", "en": "Number" } },
                    { "key": "staff", "type": "integer", "label": { "fr": "Effectif", "en": "Staff" }, "min": 0 } ] } },
                { "key": "invoice", "type": "object", "label": { "fr": "Facture", "en": "Invoice" }, "fields": [
                    { "key": "invoicedAmount", "type": "money", "label": { "fr": "Montant facturé", "en": "Invoiced amount" } } ] }
              ] } }
          ]
        }
        """;
}
