using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Tests.Parties;

public class EstablishmentUnitNumberTests
{
    [Theory]
    [InlineData("2100000015")]
    [InlineData("2.100.000.015")]
    [InlineData("BE 2.100.000.015")]
    [InlineData("2 100 000 015")]
    public void Every_accepted_format_is_normalised(string input)
    {
        var number = EstablishmentUnitNumber.Parse(input);

        Assert.Equal("2100000015", number.Digits);
        Assert.Equal("2.100.000.015", number.ToString());
    }

    [Theory]
    [InlineData("8000000071")]
    [InlineData("2000000042")]
    public void First_digits_from_2_to_8_are_accepted(string input)
    {
        Assert.True(EstablishmentUnitNumber.TryParse(input, out _, out var error), error);
    }

    [Theory]
    [InlineData("0123456749", "starts with 0; an establishment unit number starts with a digit from 2 to 8")]
    [InlineData("1000000089", "starts with 1")]
    [InlineData("9000000092", "starts with 9")]
    [InlineData("2100000016", "check digits 16; for 21000000 they must be 15")]
    [InlineData("21000000", "has 8 digits")]
    [InlineData("2.100.000.0x5", "contains 'x'")]
    public void An_invalid_number_is_refused_with_a_message_that_says_what_is_wrong(string input, string expected)
    {
        Assert.False(EstablishmentUnitNumber.TryParse(input, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nine_digit_input_is_padded_and_then_fails_the_first_digit_rule()
    {
        // Padding makes it start with 0, which is an enterprise number's range, not an establishment unit's.
        Assert.False(EstablishmentUnitNumber.TryParse("210000001", out _, out var error));
        Assert.Contains("starts with 0", error, StringComparison.Ordinal);
    }
}
