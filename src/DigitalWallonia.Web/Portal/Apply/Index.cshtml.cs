using DigitalWallonia.Platform.Applications;
using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace DigitalWallonia.Web.Portal.Apply;

/// <summary>The application's task list: each section with its status, and the way to check and send once all are done.</summary>
public sealed class IndexModel(Applications applications, PlatformDbContext db) : ApplyPageModel(applications, db)
{
    public bool HasDeclaration { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } answer)
        {
            return answer;
        }

        HasDeclaration = await Applications.DeclarationAsync(Company.Number, cancellationToken) is not null;
        return Page();
    }

    public bool IsDone(string section) =>
        section == "declaration" ? HasDeclaration : Draft?.Completed.Contains(section) == true;

    public bool AllDone => Sections.All(IsDone);
}
