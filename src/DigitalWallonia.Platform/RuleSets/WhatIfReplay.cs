using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Rules;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.RuleSets;

/// <summary>
/// Evaluates a draft against the stored evaluation snapshots of its rule sets over a period: each snapshot's facts and
/// input, on its own as-of date, never today's data. Counts the outcomes that change each way and the amounts that
/// change and by how much, and keeps the dossiers that changed with both results. Streams the snapshots in id order,
/// reporting progress as it goes.
/// </summary>
public sealed class WhatIfReplay(PlatformDbContext db)
{
    private static readonly RuleEngine Engine = new();

    /// <summary>How many changed dossiers the result lists (the counts cover all of them).</summary>
    public const int ListedChanges = 500;

    public async Task<ReplayResult> RunAsync(string draftSource, DateOnly from, DateOnly to, IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draftSource);
        var sets = RuleSetLoader.LoadText(draftSource, "draft").RuleSets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var names = sets.Keys.ToList();
        var snapshots = db.EvaluationSnapshots.AsNoTracking()
            .Where(s => names.Contains(s.RuleSet) && s.AsOfDate >= from && s.AsOfDate <= to);
        var total = await snapshots.CountAsync(cancellationToken);
        var result = new ReplayResult { Total = total };
        progress?.Report(new ReplayProgress(0, total));
        var done = 0;
        await foreach (var s in snapshots.OrderBy(s => s.Id)
            .Select(s => new { s.DossierId, s.RuleSet, s.AsOfDate, s.FactsJson, s.InputJson, s.Passed, s.OutputsJson, s.RuleSetVersion })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var facts = JsonNode.Parse(s.FactsJson) as JsonObject ?? [];
            facts["input"] = JsonNode.Parse(s.InputJson);
            var after = Engine.Evaluate(sets[s.RuleSet], facts, s.AsOfDate);
            var amountBefore = Amount(JsonNode.Parse(s.OutputsJson)?["amount"]);
            var amountAfter = Amount(after.Outputs.TryGetValue("amount", out var a) ? a : null);
            var outcomeChanged = after.Passed != s.Passed;
            var amountChanged = amountBefore != amountAfter;
            if (outcomeChanged)
            {
                if (s.Passed)
                {
                    result.EligibleToIneligible++;
                }
                else
                {
                    result.IneligibleToEligible++;
                }
            }

            if (amountChanged)
            {
                result.AmountsChanged++;
                result.AmountDelta += (amountAfter ?? 0m) - (amountBefore ?? 0m);
            }

            if ((outcomeChanged || amountChanged) && result.Changes.Count < ListedChanges)
            {
                result.Changes.Add(new ReplayChange(s.DossierId, s.RuleSet, s.AsOfDate, s.RuleSetVersion, s.Passed, amountBefore,
                    after.Version.ToString(CultureInfo.InvariantCulture), after.Passed, amountAfter));
            }

            if (++done % 1000 == 0)
            {
                progress?.Report(new ReplayProgress(done, total));
            }
        }

        progress?.Report(new ReplayProgress(done, total));
        return result;
    }

    private static decimal? Amount(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>() : null;
}

public sealed record ReplayProgress(int Done, int Total);

/// <summary>One dossier's evaluation whose outcome or amount the draft changes: the stored result, then the draft's.</summary>
public sealed record ReplayChange(long DossierId, string RuleSet, DateOnly AsOf, string VersionBefore, bool PassedBefore, decimal? AmountBefore,
    string VersionAfter, bool PassedAfter, decimal? AmountAfter);

public sealed class ReplayResult
{
    public int Total { get; init; }

    public int EligibleToIneligible { get; set; }

    public int IneligibleToEligible { get; set; }

    public int AmountsChanged { get; set; }

    public decimal AmountDelta { get; set; }

    public List<ReplayChange> Changes { get; } = [];
}
