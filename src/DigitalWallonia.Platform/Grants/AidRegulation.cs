namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// The EU act an aid was granted under. Stored, and given to the rule sets, as the act's number
/// (<see cref="AidRegulations.Reference"/>): "2023/2831", "1407/2013"...
/// </summary>
public enum AidRegulation
{
    /// <summary>General de minimis, Regulation (EU) 2023/2831 (grants from 1 January 2024).</summary>
    DeMinimis2023,

    /// <summary>General de minimis, Regulation (EU) No 1407/2013 (grants from 2014 to 31 December 2023).</summary>
    DeMinimis2013,

    /// <summary>Agricultural de minimis, Regulation (EU) No 1408/2013.</summary>
    DeMinimisAgriculture,

    /// <summary>Fishery and aquaculture de minimis, Regulation (EU) No 717/2014.</summary>
    DeMinimisFishery,

    /// <summary>De minimis for services of general economic interest, Regulation (EU) No 360/2012.</summary>
    DeMinimisGeneralInterest2012,

    /// <summary>De minimis for services of general economic interest, Regulation (EU) 2023/2832.</summary>
    DeMinimisGeneralInterest2023,

    /// <summary>General Block Exemption Regulation (EU) No 651/2014 (GBER).</summary>
    Gber,

    /// <summary>Any other basis (notified scheme, aid that is not State aid...): never counted towards a de minimis ceiling.</summary>
    Other,
}
