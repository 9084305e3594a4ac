using System.Collections.Specialized;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DigitalWallonia.Platform.Tests.Scheduling;

public class QuartzHostingTests
{
    [Fact]
    public void Job_data_round_trips_through_the_JSON_serializer()
    {
        var serializer = new JsonObjectSerializer();
        var values = new NameValueCollection { ["deadlineId"] = "42", ["kind"] = "décision" };

        var back = serializer.DeSerialize<NameValueCollection>(serializer.Serialize(values));

        Assert.Equal("42", back?["deadlineId"]);
        Assert.Equal("décision", back?["kind"]);
    }

    [Fact]
    public void Job_data_that_is_not_a_string_is_refused_with_a_reason()
    {
        var data = new JobDataMap { ["deadline"] = 42 };

        var e = Assert.Throws<NotSupportedException>(() => new JsonObjectSerializer().Serialize(data));

        Assert.Contains("string job data only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clustered_store_on_SQLite_is_refused()
    {
        var options = new SchedulingOptions { Clustered = true };

        var e = Assert.Throws<InvalidOperationException>(() =>
            QuartzProperties.Build(options, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, null, new SchedulerNode("n")));

        Assert.Contains("Postgres", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduler_refuses_to_start_without_a_deadline_target()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = "Data Source=:memory:" });
        builder.Services.AddPlatform();
        builder.Services.AddSchedulerHost();
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Services.GetRequiredService<SchedulerHost>().StartAsync(CancellationToken.None));

        Assert.Contains("IDeadlineTarget", e.Message, StringComparison.Ordinal);
    }
}
