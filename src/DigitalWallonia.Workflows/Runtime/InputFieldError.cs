namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// One problem with one field of an action's input: <see cref="Field"/> is its path (<c>reason</c>,
/// <c>consumption.invoicedAmount</c>, <c>partners[1].staff</c>), <see cref="Code"/> what is wrong (<c>undeclared</c>,
/// <c>required</c>, <c>wrong-type</c>, <c>too-small</c>, <c>too-large</c>, <c>too-long</c>, <c>pattern</c>,
/// <c>not-an-option</c>, <c>too-few</c>, <c>too-many</c>, <c>media-type</c>, <c>too-big</c>, <c>invalid</c>), and
/// <see cref="Message"/> says it for people, naming the field.
/// </summary>
public sealed record InputFieldError(string Field, string Code, string Message);
