namespace DigitalWallonia.Workflows.Definitions;

/// <summary>What a person types into an action's input field; the JSON name is the camel-case form (<c>longText</c>).</summary>
public enum InputFieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Text over several lines (a reason, a description).</summary>
    LongText,

    /// <summary>An amount in EUR: a number with at most two decimals.</summary>
    Money,

    /// <summary>Any number (a rate, a surface, a number of hours).</summary>
    Decimal,

    /// <summary>A whole number (staff, a count).</summary>
    Integer,

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of the field's <see cref="InputField.Options"/>, by value.</summary>
    Choice,

    /// <summary>A Belgian enterprise number (BCE/KBO): ten digits starting with 0 or 1, check digits modulo 97; dots and spaces allowed.</summary>
    EnterpriseNumber,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>An uploaded file: <c>{ "name", "mediaType", "size" }</c> (and optionally <c>id</c>, <c>sha256</c>), of an accepted media type and size.</summary>
    Document,

    /// <summary>An array whose items are each what <see cref="InputField.Item"/> declares (partner enterprises, commitments).</summary>
    List,

    /// <summary>An object of the shape <see cref="InputField.Fields"/> declares (an application form's section).</summary>
    Object,
}
