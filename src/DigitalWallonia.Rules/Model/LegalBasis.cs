namespace DigitalWallonia.Rules;

/// <summary>The legal text a rule set or parameter value rests on: a citation and, when there is one, a link.</summary>
public sealed record LegalBasis(string Text, string? Link);
