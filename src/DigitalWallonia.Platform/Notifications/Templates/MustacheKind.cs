namespace DigitalWallonia.Platform.Notifications.Templates;

internal enum MustacheKind
{
    /// <summary><c>{{x}}</c>, HTML-escaped.</summary>
    Output,

    /// <summary><c>{{{x}}}</c> or <c>{{&amp; x}}</c>, not escaped.</summary>
    RawOutput,

    /// <summary><c>{{! ...}}</c> or <c>{{!-- ... --}}</c>.</summary>
    Comment,

    /// <summary><c>{{#helper ...}}</c>.</summary>
    BlockOpen,

    /// <summary><c>{{^x}}</c>: the block renders when x is falsy.</summary>
    InverseOpen,

    /// <summary><c>{{/helper}}</c>.</summary>
    BlockClose,

    /// <summary><c>{{else}}</c>, <c>{{^}}</c> or <c>{{else if x}}</c>.</summary>
    Else,

    /// <summary><c>{{&gt; partial [context] [name=value]}}</c>.</summary>
    Partial,
}
