namespace IpsApi.IntegrationTests.Interop.Calls;

/// <summary>The IPS types namespaces real clients send bodies in (docs/API.md, "The SOAP endpoint").</summary>
public static class IpsVersions
{
    public const string Unversioned = "http://www.scene7.com/IpsApi/xsd";

    /// <summary>The versions a test walks: the unversioned namespace is "", the rest are dated or beta.</summary>
    public static readonly IReadOnlyList<string> Tested =
    [
        "", "2013-02-15", "2014-04-03", "2010-04-23-beta", "2013-08-29-beta", "2016-01-14-beta", "2017-10-29-beta", "2021-01-11-beta",
    ];

    public static string Namespace(string version) => version.Length == 0 ? Unversioned : $"{Unversioned}/{version}";
}
