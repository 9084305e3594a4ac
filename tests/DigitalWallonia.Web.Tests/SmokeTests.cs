namespace DigitalWallonia.Web.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
