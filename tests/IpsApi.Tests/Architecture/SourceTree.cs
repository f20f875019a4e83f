namespace IpsApi.Tests.Architecture;

/// <summary>The checkout the tests run from: found by walking up from the test binaries to IpsApi.sln.</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Src => Path.Combine(Root, "src");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IpsApi.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No IpsApi.sln above {AppContext.BaseDirectory}");
    }
}
