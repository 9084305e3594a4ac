using DigitalWallonia.Platform.Content;

namespace DigitalWallonia.Platform.Tests.Content;

public sealed class ContentFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dw-content-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_published_application_reads_the_content_next_to_it_wherever_it_is_started()
    {
        var app = WithContent("app");
        var checkout = WithContent("checkout");
        var workingDirectory = Directory.CreateDirectory(Path.Combine(checkout, "somewhere")).FullName;

        var content = ContentFolder.Locate(null, app, workingDirectory);

        Assert.Equal(app, content.Root);
    }

    [Fact]
    public void In_a_checkout_the_content_above_the_working_directory_is_read()
    {
        var checkout = WithContent("checkout");
        var binaries = Directory.CreateDirectory(Path.Combine(_root, "elsewhere", "bin", "Release")).FullName;
        var workingDirectory = Directory.CreateDirectory(Path.Combine(checkout, "docs")).FullName;

        var content = ContentFolder.Locate(null, binaries, workingDirectory);

        Assert.Equal(checkout, content.Root);
    }

    [Fact]
    public void Content_Root_wins_over_the_content_next_to_the_application()
    {
        var app = WithContent("app");
        var configured = WithContent("configured");

        var content = ContentFolder.Locate(configured, app, app);

        Assert.Equal(configured, content.Root);
        Assert.Equal(Path.Combine(configured, "calendars"), content.Calendars);
    }

    [Fact]
    public void Without_content_the_error_names_the_folders_searched_and_Content_Root()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        var workingDirectory = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;

        var error = Assert.Throws<InvalidOperationException>(() => ContentFolder.Locate(null, app, workingDirectory));

        Assert.Contains($"'{app}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{workingDirectory}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Content__Root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Content_Root_that_does_not_exist_is_named_in_the_error()
    {
        var missing = Path.Combine(_root, "missing");

        var error = Assert.Throws<InvalidOperationException>(() => ContentFolder.Locate(missing, _root, _root));

        Assert.Contains($"Content:Root '{missing}' does not exist", error.Message, StringComparison.Ordinal);
    }

    private string WithContent(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name, "workflows")).Parent!.FullName;
        File.WriteAllText(Path.Combine(folder, "workflows", "roles.json"), "{}");
        return folder;
    }
}
