using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Tests.Support;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Tests.Content;

/// <summary>The definitions shipped in workflows/ load and validate against the shipped role catalogue.</summary>
public class RepositoryContentTests
{
    public static TheoryData<string> DefinitionFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "workflows"), "*.json").Where(f => Path.GetFileName(f) != "roles.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_role_catalogue_loads_without_diagnostics_and_has_the_roles_the_programmes_need()
    {
        var (catalogue, diagnostics) = RoleCatalogueLoader.Load(File.ReadAllBytes(RolesFile()), "workflows/roles.json");

        Assert.Empty(diagnostics);
        Assert.NotNull(catalogue);
        foreach (var role in new[] { "applicant", "company-representative", "case-handler", "supervisor", "policy-officer", "expert", "provider", "promoter", "measure-carrier", "digital-agency", "committee-member", "system" })
        {
            Assert.True(catalogue.Contains(role), role);
        }
    }

    [Theory]
    [MemberData(nameof(DefinitionFiles))]
    public void A_shipped_definition_is_valid(string file)
    {
        var (roles, _) = RoleCatalogueLoader.Load(File.ReadAllBytes(RolesFile()));
        var path = Path.Combine(Repository.Root, "workflows", file);

        var result = WorkflowValidator.LoadAndValidate(File.ReadAllBytes(path), file, new WorkflowCatalogues { Roles = roles });

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
    }

    private static string RolesFile() => Path.Combine(Repository.Root, "workflows", "roles.json");
}
