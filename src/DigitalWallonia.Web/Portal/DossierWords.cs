using DigitalWallonia.Platform.Casework;
using DigitalWallonia.Platform.Portal;
using DigitalWallonia.Web.Workspace;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Portal;

/// <summary>A dossier's status and next steps in the words the portal uses for companies.</summary>
public static class DossierWords
{
    /// <summary>The status of <paramref name="state"/> written for companies; the definition's label where the portal has none.</summary>
    public static string Status(WorkflowDefinition definition, string state)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return PortalText.Has($"state.{definition.Id}.{state}") ? PortalText.T($"state.{definition.Id}.{state}")
            : PortalText.Has($"state.{state}") ? PortalText.T($"state.{state}")
            : Timeline.StateLabel(definition, state, WorkspaceText.Language);
    }

    /// <summary>One sentence per next step: the deadlines first, with their date and what happens when they pass.</summary>
    public static IReadOnlyList<string> Next(WorkflowDefinition definition, IReadOnlyList<NextStep> steps)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(steps);
        var lines = new List<string>();
        var language = WorkspaceText.Language;
        foreach (var group in steps.GroupBy(s => s.From).OrderBy(g => g.Key == Expected.System))
        {
            var actions = string.Join(PortalText.T("next.or"), group.Select(s => Action(s.Transition, language)).Distinct(StringComparer.Ordinal));
            switch (group.Key)
            {
                case Expected.Company:
                    lines.Add(PortalText.T("next.company", actions));
                    break;
                case Expected.Administration:
                    lines.Add(PortalText.T("next.administration"));
                    break;
                case Expected.OtherParty:
                    lines.Add(PortalText.T("next.other-party", actions));
                    break;
                default:
                    lines.AddRange(group.Select(s => Deadline(definition, s)));
                    break;
            }
        }

        return lines;
    }

    /// <summary>An action in words: the portal's text for it, else the workflow's label, else its name.</summary>
    public static string Action(TransitionDefinition transition, string language)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return transition.Trigger is ActorActionTrigger action ? Action(action.Name, transition.Labels.Get(language)) : Timeline.TransitionName(transition, language);
    }

    public static string Action(string name, string? label) =>
        PortalText.Has($"action.{name}") ? PortalText.T($"action.{name}") : label is { Length: > 0 } ? label : name;

    private static string Deadline(WorkflowDefinition definition, NextStep step)
    {
        var day = step.DueAt is { } due ? Formats.Date(DeadlineDistance.DueDay(due)) : PortalText.T("next.no-date");
        var kind = (step.Transition.Trigger as TimerTrigger)?.DeadlineKind;
        return PortalText.Has($"timer.{definition.Id}.{kind}")
            ? PortalText.T($"timer.{definition.Id}.{kind}", day)
            : PortalText.T("timer.generic", day, Status(definition, step.Transition.To));
    }
}
