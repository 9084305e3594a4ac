namespace DigitalWallonia.Workflows.Tests.Support;

/// <summary>A small valid definition that tests vary by replacing one piece of text.</summary>
internal static class Minimal
{
    public const string Json = """
        {
          "id": "test",
          "version": 1,
          "title": { "fr": "Essai", "en": "Test" },
          "programme": "voucher",
          "states": [
            { "id": "draft", "kind": "initial", "labels": { "fr": "Brouillon" }, "roles": ["applicant"] },
            { "id": "review", "labels": { "fr": "Examen" }, "roles": ["case-handler"] },
            { "id": "done", "kind": "final", "labels": { "fr": "Fini" } }
          ],
          "transitions": [
            { "from": "draft", "to": "review", "trigger": { "action": "submit" } },
            { "from": "review", "to": "done", "trigger": { "action": "approve" } }
          ]
        }
        """;

    public static string With(string oldText, string newText)
    {
        Assert.Contains(oldText, Json, StringComparison.Ordinal);
        return Json.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
