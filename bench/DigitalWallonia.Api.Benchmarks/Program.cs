// Workflow actions through the HTTP API against the engine's own transitions, in one run on PostgreSQL: the web host
// runs in this process on Kestrel (loopback), 16 clients fire the bench workflow's actions with bearer tokens (OAuth
// client credentials at the local provider), and the same firings straight through DossierWorkflow run before and after.
//
//   dotnet run -c Release --project bench/DigitalWallonia.Api.Benchmarks -- \
//       --connection "Host=...;Database=postgres" [--clients 16] [--warmup 40] [--seconds 20] [--instances 1000]
//
// The connection names a server; the tool creates and drops a database of its own. docs/benchmarks.md, "Through the API".
using DigitalWallonia.Api.Benchmarks;

return await ApiLoad.RunAsync(args);
