using System.Text;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// A refused firing: nothing is to be persisted. <see cref="Message"/> is for people (English; the UI maps
/// <see cref="Code"/>); <see cref="Details"/> lists what was missing (roles, fields); <see cref="FieldErrors"/> says, per
/// field, what is wrong with an action's input (an API answers 422 with them); <see cref="Guard"/> is the failed
/// evaluation when <see cref="Reason"/> is <see cref="RejectionReason.GuardFailed"/>.
/// </summary>
public sealed record Rejection(RejectionReason Reason, string Message)
{
    public IReadOnlyList<string> Details { get; init; } = [];

    public IReadOnlyList<InputFieldError> FieldErrors { get; init; } = [];

    public GuardOutcome? Guard { get; init; }

    /// <summary><c>not-allowed-in-state</c>, <c>role-missing</c>, <c>segregation-of-duties</c>, <c>guard-failed</c>, <c>invalid-input</c>, ...</summary>
    public string Code => Kebab(Reason.ToString());

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
