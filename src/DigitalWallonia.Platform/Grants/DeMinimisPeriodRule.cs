namespace DigitalWallonia.Platform.Grants;

/// <summary>How the de minimis reference period is counted.</summary>
public enum DeMinimisPeriodRule
{
    /// <summary>Regulation 1407/2013 (art. 3(2), 6(1)): the current fiscal year of the undertaking and the two previous ones.</summary>
    FiscalYears,

    /// <summary>Regulation 2023/2831 (art. 3(2), recital 10): any period of three years, rolling: the three years ending on the grant date.</summary>
    RollingYears,
}
