using DigitalWallonia.Platform.Parties;

namespace DigitalWallonia.Platform.Tests.Parties;

public class EnterpriseNumberTests
{
    [Theory]
    [InlineData("0123456749")]
    [InlineData("0123.456.749")]
    [InlineData("BE 0123.456.749")]
    [InlineData("be0123456749")]
    [InlineData("Be 0123 456 749")]
    [InlineData("  0123-456-749 ")]
    [InlineData("123456749")]
    [InlineData("123.456.749")]
    public void Every_accepted_format_is_normalised_to_ten_digits(string input)
    {
        var number = EnterpriseNumber.Parse(input);

        Assert.Equal("0123456749", number.Digits);
        Assert.Equal("0123.456.749", number.ToString());
    }

    [Fact]
    public void A_number_starting_with_1_is_accepted()
    {
        // 10000000 mod 97 = 76, so the check digits are 21.
        Assert.Equal("1000000021", EnterpriseNumber.Parse("1000.000.021").Digits);
    }

    [Theory]
    [InlineData("0123456748", "check digits 48; for 01234567 they must be 49")]
    [InlineData("0123456750", "check digits 50; for 01234567 they must be 49")]
    [InlineData("01234567", "has 8 digits; expected 10")]
    [InlineData("012345674901", "has 12 digits; expected 10")]
    [InlineData("0123A56749", "contains 'A'")]
    [InlineData("BE0123/456/749", "contains '/'")]
    [InlineData("2123456749", "starts with 2; an enterprise number starts with 0 or 1")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("BE", "has 0 digits")]
    public void An_invalid_number_is_refused_with_a_message_that_says_what_is_wrong(string input, string expected)
    {
        Assert.False(EnterpriseNumber.TryParse(input, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => EnterpriseNumber.Parse(input));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void A_null_number_is_refused()
    {
        Assert.False(EnterpriseNumber.TryParse(null, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_number_written_two_ways_is_equal()
    {
        Assert.Equal(EnterpriseNumber.Parse("BE0123.456.749"), EnterpriseNumber.Parse("123456749"));
    }
}
