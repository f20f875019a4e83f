namespace IpsApi.IntegrationTests.Interop;

/// <summary>
/// Files the interop tests read from the checkout itself rather than the build output: golden files (which an
/// update run rewrites in place) and the client scripts of tests/interop (with their installed node_modules).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Golden => Path.Combine(Root, "tests", "golden");

    public static string Interop => Path.Combine(Root, "tests", "interop");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IpsApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No IpsApi.sln above {AppContext.BaseDirectory}: the tests run from a build inside the checkout.");
    }
}
