namespace DigitalWallonia.Web.Hosting;

/// <summary>The body of GET /health.</summary>
public sealed record HealthReport(string Status, string Database);
