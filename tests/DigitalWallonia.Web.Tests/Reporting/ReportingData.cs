using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Web.Tests.Reporting;

/// <summary>Prepares reporting data through the platform's own services, as the scheduler, a carrier and the agency would.</summary>
internal static class ReportingData
{
    public static readonly Actor Agency = new("agence.numerique", "Julie Fontaine", ["digital-agency"]);

    public static async Task<ReportingCycle> OpenYearlyAsync(IServiceProvider services, int year)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingCycles>().OpenAsync("yearly", ReportingPeriod.Yearly(year), CancellationToken.None);
    }

    /// <summary>Names the person as reporting for the carrier, unless they already are (the demo names Thomas Gilson for the AdN).</summary>
    public static async Task AddReporterAsync(IServiceProvider services, string carrier, string subject, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<CarrierAccess>().CarriersForAsync(subject, [], CancellationToken.None);
        if (access.All(c => c.Key != carrier))
        {
            await scope.ServiceProvider.GetRequiredService<PlanCatalogue>().AddReporterAsync(carrier, subject, name, $"{subject}@carrier.example", "fr", "test",
                CancellationToken.None);
        }
    }

    public static async Task<string> ReferenceAsync(IServiceProvider services, ReportingCycle cycle, string measure)
    {
        await using var scope = services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ReportingWork>();
        return (await work.TaskAsync(cycle.Schedule, cycle.Period, measure, CancellationToken.None))!.Task.Reference;
    }

    /// <summary>The carrier (acting for the measure's carrier party) submits, the agency validates with an assessment.</summary>
    public static async Task SubmitAndValidateAsync(IServiceProvider services, ReportingCycle cycle, string measure, string assessment, params SubmittedValue[] values)
    {
        await using var scope = services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ReportingWork>();
        var detail = (await work.TaskAsync(cycle.Schedule, cycle.Period, measure, CancellationToken.None))!;
        var carriers = await scope.ServiceProvider.GetRequiredService<CarrierAccess>().CarriersForAsync("seed.reporter", [], CancellationToken.None);
        var party = carriers.FirstOrDefault(c => c.Key == detail.Task.CarrierKey).PartyId;
        var tasks = scope.ServiceProvider.GetRequiredService<ReportingTasks>();
        var submitted = await tasks.SubmitAsync(detail.Task.Reference, values, new Actor("seed.reporter", "Seed Reporter", ["measure-carrier"], party.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        Assert.True(submitted.Accepted, submitted.Message);
        await ValidateAsync(services, detail.Task.Reference, assessment);
    }

    public static async Task ValidateAsync(IServiceProvider services, string reference, string assessment)
    {
        await using var scope = services.CreateAsyncScope();
        var validated = await scope.ServiceProvider.GetRequiredService<ReportingTasks>().ValidateAsync(reference, assessment, "Note de l'Agence", Agency, CancellationToken.None);
        Assert.True(validated.Accepted, validated.Message);
    }

    public static async Task PublishAsync(IServiceProvider services, ReportingCycle cycle)
    {
        await using var scope = services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<ReportingCycles>().PublishAsync(cycle.Id, Agency, CancellationToken.None);
        Assert.True(published.Published, published.Refusal);
    }
}
