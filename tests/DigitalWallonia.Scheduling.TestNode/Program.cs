// A scheduler node over an existing, migrated database; runs until killed or stopped.
//   DigitalWallonia.Scheduling.TestNode PROVIDER CONNECTION NODE-ID [FIRE-DELAY-MS [KEY=VALUE...]]
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Scheduling.TestNode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: DigitalWallonia.Scheduling.TestNode Sqlite|Postgres|SqlServer CONNECTION NODE-ID [FIRE-DELAY-MS [KEY=VALUE...]]");
    return 2;
}

var delay = args.Length > 3 ? TimeSpan.FromMilliseconds(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.Zero;
var settings = args.Skip(4).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
await using var node = NodeHost.Build(Enum.Parse<DatabaseProvider>(args[0]), args[1], args[2], settings, new RecordingSettings { FireDelay = delay });
await node.StartAsync();
Console.WriteLine("started");
var stopping = new TaskCompletionSource();
node.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
await stopping.Task;
return 0;
