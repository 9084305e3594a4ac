namespace DigitalWallonia.Platform.Calendars;

/// <summary>The date of Easter Sunday, on which Easter Monday, Ascension and Whit Monday depend.</summary>
public static class Computus
{
    /// <summary>
    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, valid for every year from 1583).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Before 1583 or after 9999.</exception>
    public static DateOnly GregorianEasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
