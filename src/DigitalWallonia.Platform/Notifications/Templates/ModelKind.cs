namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The types a template model declares (<c>"type"</c> in a <c>.model.json</c> file).</summary>
public enum ModelKind
{
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>An amount in EUR, a JSON number; printed with <c>{{money x}}</c>.</summary>
    Money,

    /// <summary>A legal date <c>yyyy-MM-dd</c> or a UTC instant (ISO 8601); printed with <c>{{date x}}</c>.</summary>
    Date,

    Boolean,

    Object,

    /// <summary>A list, walked with <c>{{#each x}}</c>.</summary>
    Array,
}
