using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>A refusal of one field: the runtime's (localised when drawn) or a page's own message.</summary>
internal sealed record FieldErrorEntry(string Path, InputFieldError? Error, string? Message);
