using System.Text.RegularExpressions;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Roles;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// Action input declarations (keys, constraints that fit their type and make sense) and the <c>setFact</c> actions that
/// turn input into dossier facts (a declared field, a fact path, never a system-owned fact where a party acts).
/// </summary>
internal static partial class InputChecks
{
    private const string Numbers = "money, decimal, integer (values) and list (items)";

    public static void Run(ValidationContext context)
    {
        var definition = context.Definition;
        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            if (transition.Trigger is ActorActionTrigger action)
            {
                CheckFields(context, action.Input, $"{context.PathOfTransition(transition, i)}.trigger.input");
            }
        }
    }

    public static void CheckSetFact(ValidationContext context, SetFactAction set, ActionSite site)
    {
        if (set.Fact.Length > 0 && !FactPath().IsMatch(set.Fact))
        {
            context.Error(DiagnosticMessages.InvalidFactPath, DiagnosticMessages.BadFactPath(set.Fact), $"{site.Path}.fact");
        }

        if (site.Transition is not { Trigger: ActorActionTrigger action } transition)
        {
            context.Error(DiagnosticMessages.SetFactWithoutInput, DiagnosticMessages.SetFactOffAction(), site.Path);
            return;
        }

        if (set.From.Length > 0 && !action.Input.Any(f => f.Key == set.From))
        {
            context.Error(DiagnosticMessages.SetFactWithoutInput, DiagnosticMessages.SetFactNoField(set.From, action.Name, action.Input.Select(f => f.Key)), $"{site.Path}.from");
        }

        if (set.Fact.Length > 0 && SystemFacts.Owns(set.Fact) && context.Catalogues.Roles is { } catalogue)
        {
            var roles = action.Roles.Count > 0 ? action.Roles : (context.Definition.TryGetState(transition.From, out var from) ? from.Roles : []);
            var parties = roles.Where(r => catalogue.TryGet(r, out var role) && role.Scope == RoleScope.Party).ToList();
            if (parties.Count > 0)
            {
                context.Error(DiagnosticMessages.SystemFactByParty, DiagnosticMessages.SystemFactWrittenByParty(set.Fact, parties), $"{site.Path}.fact");
            }
        }
    }

    private static void CheckFields(ValidationContext context, IReadOnlyList<InputField> fields, string listPath)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < fields.Count; k++)
        {
            var field = fields[k];
            var path = context.Map.PathOf(field, $"{listPath}[{k}]");
            if (field.Key.Length > 0 && !Key().IsMatch(field.Key))
            {
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.InvalidInputKey(field.Key), $"{path}.key");
            }
            else if (field.Key.Length > 0 && !keys.Add(field.Key))
            {
                context.Error(DiagnosticMessages.DuplicateInputKey, DiagnosticMessages.InputKeyTwice(field.Key), $"{path}.key");
            }

            CheckField(context, field, path);
        }
    }

    private static void CheckField(ValidationContext context, InputField field, string path)
    {
        CheckConstraints(context, field, path);
        if (field.Type == InputFieldType.Object)
        {
            CheckFields(context, field.Fields, $"{path}.fields");
        }

        if (field.Item is { } item)
        {
            CheckField(context, item, context.Map.PathOf(item, $"{path}.item"));
        }
    }

    private static void CheckConstraints(ValidationContext context, InputField field, string path)
    {
        var type = InputBinder.NameOf(field.Type);
        var numeric = field.Type is InputFieldType.Money or InputFieldType.Decimal or InputFieldType.Integer or InputFieldType.List;
        NotFor(context, field.Min is not null && !numeric, "min", type, Numbers, path);
        NotFor(context, field.Max is not null && !numeric, "max", type, Numbers, path);
        NotFor(context, field.MaxLength is not null && field.Type is not (InputFieldType.Text or InputFieldType.LongText or InputFieldType.Email), "maxLength", type, "text, longText and email", path);
        NotFor(context, field.Pattern is not null && field.Type is not (InputFieldType.Text or InputFieldType.LongText), "pattern", type, "text and longText", path);
        NotFor(context, field.Options.Count > 0 && field.Type != InputFieldType.Choice, "options", type, "choice", path);
        NotFor(context, field.MediaTypes.Count > 0 && field.Type != InputFieldType.Document, "mediaTypes", type, "document", path);
        NotFor(context, field.MaxSize is not null && field.Type != InputFieldType.Document, "maxSize", type, "document", path);
        NotFor(context, field.Fields.Count > 0 && field.Type != InputFieldType.Object, "fields", type, "object", path);
        NotFor(context, field.Item is not null && field.Type != InputFieldType.List, "item", type, "list", path);

        if (numeric)
        {
            CheckBounds(context, field, type, path);
        }

        if (field.Pattern is { } pattern && field.Type is InputFieldType.Text or InputFieldType.LongText)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.BadPattern(e.Message), $"{path}.pattern");
            }
        }

        switch (field.Type)
        {
            case InputFieldType.Choice:
                if (field.Options.Count == 0)
                {
                    context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.NeedsConstraint(type, "options"), path);
                }

                var values = new HashSet<string>(StringComparer.Ordinal);
                for (var o = 0; o < field.Options.Count; o++)
                {
                    if (field.Options[o].Value.Length > 0 && !values.Add(field.Options[o].Value))
                    {
                        context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.OptionTwice(field.Options[o].Value), context.Map.PathOf(field.Options[o], $"{path}.options[{o}]"));
                    }
                }

                break;
            case InputFieldType.Document:
                if (field.MediaTypes.Count == 0)
                {
                    context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.NeedsConstraint(type, "mediaTypes"), path);
                }

                if (field.MaxSize is null)
                {
                    context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.NeedsConstraint(type, "maxSize"), path);
                }

                for (var m = 0; m < field.MediaTypes.Count; m++)
                {
                    if (field.MediaTypes[m].Length > 0 && !MediaType().IsMatch(field.MediaTypes[m]))
                    {
                        context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.BadMediaType(field.MediaTypes[m]), $"{path}.mediaTypes[{m}]");
                    }
                }

                break;
            case InputFieldType.Object when field.Fields.Count == 0:
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.NeedsConstraint(type, "fields"), path);
                break;
            case InputFieldType.List when field.Item is null:
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.NeedsConstraint(type, "item"), path);
                break;
        }
    }

    private static void CheckBounds(ValidationContext context, InputField field, string type, string path)
    {
        foreach (var (name, bound) in new[] { ("min", field.Min), ("max", field.Max) })
        {
            if (bound is not { } value)
            {
                continue;
            }

            if (field.Type == InputFieldType.List && value < 0)
            {
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.NegativeCount(name), $"{path}.{name}");
            }
            else if (field.Type is InputFieldType.List or InputFieldType.Integer && value != decimal.Truncate(value))
            {
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.FractionalBound(name, type), $"{path}.{name}");
            }
            else if (field.Type == InputFieldType.Money && value != decimal.Round(value, 2))
            {
                context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.MoneyBound(name), $"{path}.{name}");
            }
        }

        if (field.Min is { } min && field.Max is { } max && min > max)
        {
            context.Error(DiagnosticMessages.InvalidConstraint, DiagnosticMessages.MinAboveMax(min, max), $"{path}.min");
        }
    }

    private static void NotFor(ValidationContext context, bool given, string constraint, string type, string appliesTo, string path)
    {
        if (given)
        {
            context.Error(DiagnosticMessages.ConstraintNotForType, DiagnosticMessages.NotForType(constraint, type, appliesTo), $"{path}.{constraint}");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FactPath();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9*][A-Za-z0-9!#$&^_.+-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}
