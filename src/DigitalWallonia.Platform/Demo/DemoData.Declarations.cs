namespace DigitalWallonia.Platform.Demo;

/// <summary>
/// What the demonstration's applicants declare when they submit: the SME declaration in the EU shape (own figures, partner
/// and linked enterprises) and de minimis aid from other authorities. It goes in as the submit action's typed input and
/// becomes the dossier's <c>declaration</c> fact, with provenance <c>declared</c> (workflows/*.json, setFact).
/// </summary>
public sealed partial class DemoData
{
    // A small enterprise on its own figures, with a 30 % partner (counted pro rata) and no other de minimis aid.
    private static object SmeDeclaration(decimal staff, decimal turnover, decimal balanceSheet) => new
    {
        enterprise = new
        {
            staffHeadcount = staff,
            annualTurnover = turnover,
            balanceSheetTotal = balanceSheet,
            relatedEnterprises = new object[]
            {
                new { name = "Holding Meuse Participations SA", share = 0.3m, staffHeadcount = 4, annualTurnover = 900_000, balanceSheetTotal = 2_500_000 },
            },
        },
        roadFreightForHire = false,
        otherDeMinimisAid = new object[]
        {
            new { amount = 5_000, grantedOn = "2025-06-12", grantingAuthority = "Province de Namur", regulation = "2023/2831" },
        },
    };
}
