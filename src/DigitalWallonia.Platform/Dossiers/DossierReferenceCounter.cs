namespace DigitalWallonia.Platform.Dossiers;

/// <summary>The last reference number handed out for one programme and year.</summary>
public sealed class DossierReferenceCounter
{
    private DossierReferenceCounter()
    {
        Programme = "";
    }

    public string Programme { get; private set; }

    public int Year { get; private set; }

    public long LastNumber { get; private set; }
}
