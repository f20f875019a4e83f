using IpsApi.Assets.Store;

namespace IpsApi.Tests.Assets;

/// <summary>Folder paths read the same way in every form clients write them.</summary>
public sealed class FolderPathsTests
{
    [Theory]
    [InlineData("Acme/products/shoes/", "products/shoes")]
    [InlineData("/Acme/products/shoes", "products/shoes")]
    [InlineData("products/shoes", "products/shoes")]
    [InlineData("/products/shoes/", "products/shoes")]
    [InlineData("Acme/", "")]
    [InlineData("Acme", "")]
    [InlineData("/", "")]
    [InlineData("", "")]
    [InlineData("Acme Corp/x", "Acme Corp/x")]
    public void Every_form_names_the_same_folder(string text, string folder)
    {
        Assert.Null(FolderPaths.Problem(text));
        Assert.Equal(folder, FolderPaths.Normalize(text, "Acme"));
    }

    [Theory]
    [InlineData("a/../b", "'..' is not allowed")]
    [InlineData("..", "'..' is not allowed")]
    [InlineData("/./a", "'.' is not allowed")]
    [InlineData("a//b", "empty folder names ('//') are not allowed")]
    [InlineData("a\\b", "use '/' between folders, not '\\'")]
    [InlineData("a/b\u0001", "control characters are not allowed")]
    [InlineData("C:/Windows", "a drive letter is not a folder")]
    [InlineData("a/ b", "a name begins or ends with a space")]
    public void Paths_that_could_leave_the_tree_or_cannot_be_names_are_refused(string text, string problem)
    {
        Assert.Equal(problem, FolderPaths.Problem(text));
        Assert.Throws<ArgumentException>(() => FolderPaths.Normalize(text, "Acme"));
    }

    [Theory]
    [InlineData("Acme/products/shoe.jpg", "products", "shoe.jpg")]
    [InlineData("/philipstest/shoe.jpg", "philipstest", "shoe.jpg")]
    [InlineData("shoe.jpg", "", "shoe.jpg")]
    [InlineData("/Acme/shoe.jpg", "", "shoe.jpg")]
    public void A_file_path_splits_into_folder_and_file_name(string text, string folder, string fileName)
    {
        Assert.Equal((folder, fileName), FolderPaths.SplitFile(text, "Acme"));
    }

    [Theory]
    [InlineData("", "Acme/")]
    [InlineData("products/shoes", "Acme/products/shoes/")]
    public void Clients_see_paths_from_the_root_path_with_a_trailing_slash(string path, string shown)
    {
        Assert.Equal(shown, FolderPaths.Display("Acme", path));
    }

    [Theory]
    [InlineData("f|47|12", "47", 12)]
    [InlineData("f|c|748|12", "c|748", 12)]
    [InlineData("f|||1", "|", 1)]
    public void Folder_handles_read_back_whatever_the_company_handle_holds(string handle, string company, long id)
    {
        Assert.Equal(handle, FolderHandles.Format(company, id));
        Assert.True(FolderHandles.TryParse(handle, out var readCompany, out var readId));
        Assert.Equal((company, id), (readCompany, readId));
    }

    [Theory]
    [InlineData("f|47|x")]
    [InlineData("a|47|12")]
    [InlineData("f|47|")]
    [InlineData("f||12")]
    [InlineData("47|12")]
    public void What_is_no_folder_handle_does_not_read(string handle)
    {
        Assert.False(FolderHandles.TryParse(handle, out _, out _));
    }
}
