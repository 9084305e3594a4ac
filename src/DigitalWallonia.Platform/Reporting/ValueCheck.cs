using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// Checks a carrier's submission against the indicators the task asks for, which the workflow's generic input cannot
/// know: every tracked indicator answered once, by a value of its kind (a number for a number, yes or no for a yes/no...)
/// with its source, or by the reason why none can be given; the period of the indicator's periodicity and not after the
/// cycle's. Errors name the field as the workflow runtime does (<c>values[2].source</c>); all are reported at once.
/// </summary>
public static class ValueCheck
{
    public static IReadOnlyList<InputFieldError> Check(IReadOnlyList<Indicator> asked, IReadOnlyList<SubmittedValue> values, ReportingPeriod cyclePeriod)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<InputFieldError>();
        var byKey = asked.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var at = $"values[{i}]";
            if (!byKey.TryGetValue(value.Indicator, out var indicator))
            {
                errors.Add(new($"{at}.indicator", "unknown-indicator", $"'{value.Indicator}' is not an indicator this report asks for."));
                continue;
            }

            if (!seen.Add(indicator.Key))
            {
                errors.Add(new($"{at}.indicator", "duplicate", $"{indicator.Key} is answered twice."));
                continue;
            }

            var hasReason = !string.IsNullOrWhiteSpace(value.NoValueReason);
            var given = Given(value);
            var expected = Field(indicator.Kind);
            if (given.Count == 0 && !hasReason)
            {
                errors.Add(new($"{at}.{expected}", "no-value", $"{indicator.Key} needs a value or the reason why none can be given."));
            }
            else if (given.Count > 0 && hasReason)
            {
                errors.Add(new($"{at}.noValueReason", "value-and-reason", $"{indicator.Key} has a value and a reason for having none: give one or the other."));
            }
            else if (given.Count > 0 && (given.Count > 1 || given[0] != KindOfValue(indicator.Kind)))
            {
                errors.Add(new($"{at}.{expected}", "wrong-kind", $"{indicator.Key} is a {IndicatorKinds.Name(indicator.Kind)} indicator: give its value as one."));
            }

            if (given.Count > 0 && string.IsNullOrWhiteSpace(value.Source))
            {
                errors.Add(new($"{at}.source", "source-missing", $"{indicator.Key}: say where the value comes from."));
            }

            if (indicator.Kind == IndicatorKind.Amount && value.Number is { } amount && (amount < 0 || decimal.Round(amount, 2) != amount))
            {
                errors.Add(new($"{at}.amount", "amount-invalid", $"{indicator.Key}: an amount is positive, in EUR with at most two decimals."));
            }

            if (value.Period is { Length: > 0 } text)
            {
                if (!ReportingPeriod.TryParse(text, out var period) || period.Periodicity != indicator.Periodicity)
                {
                    errors.Add(new($"{at}.period", "period-invalid",
                        $"{indicator.Key} is reported {IndicatorKinds.Name(indicator.Periodicity)}: write its period as {(indicator.Periodicity == ReportingPeriodicity.Yearly ? "2026" : "2026-Q1")}."));
                }
                else if (period.End > cyclePeriod.End)
                {
                    errors.Add(new($"{at}.period", "period-after-cycle", $"{indicator.Key}: {period} ends after the cycle's period {cyclePeriod}."));
                }
            }
        }

        foreach (var missing in asked.Where(i => !seen.Contains(i.Key)))
        {
            errors.Add(new("values", "missing", $"{missing.Key} ({missing.Name}) is not answered: give its value or the reason why none can be given."));
        }

        return errors;
    }

    /// <summary>The period a value is for: the one the carrier wrote, else the cycle's own period when the indicator has its periodicity.</summary>
    public static ReportingPeriod PeriodOf(SubmittedValue value, Indicator indicator, ReportingPeriod cyclePeriod)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(indicator);
        return value.Period is { Length: > 0 } text && ReportingPeriod.TryParse(text, out var period) ? period : cyclePeriod;
    }

    /// <summary>The submission as the workflow's <c>submit</c> action declares its input: each value in the field of its kind.</summary>
    public static JsonElement ToInput(IReadOnlyList<Indicator> asked, IReadOnlyList<SubmittedValue> values)
    {
        var byKey = asked.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var items = new JsonArray();
        foreach (var value in values)
        {
            var item = new JsonObject { ["indicator"] = value.Indicator };
            if (value.Period is { Length: > 0 } period)
            {
                item["period"] = period;
            }

            if (value.Number is { } number)
            {
                item[byKey.TryGetValue(value.Indicator, out var indicator) ? Field(indicator.Kind) : "number"] = number;
            }

            if (value.YesNo is { } flag)
            {
                item["yesNo"] = flag;
            }

            Put(item, "text", value.Text);
            Put(item, "noValueReason", value.NoValueReason);
            Put(item, "source", value.Source);
            Put(item, "comment", value.Comment);
            items.Add(item);
        }

        return JsonSerializer.SerializeToElement(items);
    }

    /// <summary>The input field a kind's value goes in (<c>number</c>, <c>percentage</c>, <c>amount</c>, <c>yesNo</c>, <c>text</c>).</summary>
    public static string Field(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Number => "number",
        IndicatorKind.Percentage => "percentage",
        IndicatorKind.Amount => "amount",
        IndicatorKind.YesNo => "yesNo",
        _ => "text",
    };

    /// <summary>Parses a number as a form gives it, in fr-BE (<c>1 234,5</c>) or invariant (<c>1234.5</c>) writing.</summary>
    public static bool TryParseNumber(string? text, out decimal number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray());
        if (compact.Contains(',', StringComparison.Ordinal))
        {
            compact = compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }

        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private enum ValueField
    {
        Number,
        YesNo,
        Text,
    }

    private static ValueField KindOfValue(IndicatorKind kind) => kind switch
    {
        IndicatorKind.YesNo => ValueField.YesNo,
        IndicatorKind.Text => ValueField.Text,
        _ => ValueField.Number,
    };

    private static List<ValueField> Given(SubmittedValue value)
    {
        var given = new List<ValueField>();
        if (value.Number is not null)
        {
            given.Add(ValueField.Number);
        }

        if (value.YesNo is not null)
        {
            given.Add(ValueField.YesNo);
        }

        if (!string.IsNullOrWhiteSpace(value.Text))
        {
            given.Add(ValueField.Text);
        }

        return given;
    }

    private static void Put(JsonObject item, string key, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            item[key] = text.Trim();
        }
    }
}
