// p50/p95/p99 of the public reporting pages with N published yearly cycles of every measure.
//
//   dotnet run -c Release --project bench/DigitalWallonia.Reporting.Benchmarks -- \
//       [--cycles 8] [--clients 8] [--seconds 20] [--warmup 5] [--provider Sqlite|Postgres --connection "Host=...;Database=postgres"]
//
// It starts the web host (DigitalWalloniaWeb.Build, Kestrel on a free loopback port) on a database of its own (a temporary
// SQLite file, or a database it creates and drops on the PostgreSQL server named), opens, answers, validates and publishes
// the cycles through the platform's services, then has each client GET the pages in turn, one request after another.
using DigitalWallonia.Reporting.Benchmarks;

return await ReportingLoad.RunAsync(args);
