using System.Collections;

namespace IpsApi.Server.Hosting;

public static class ServerConfiguration
{
    private const string Prefix = "IPSAPI_";

    /// <summary>
    /// IPSAPI_X=value becomes IpsApi:X (IPSAPI_SOAP__MAXDEPTH → IpsApi:Soap:MaxDepth), so ops set everything
    /// with environment variables and the options class stays the one place that names the settings.
    /// </summary>
    public static IConfigurationBuilder AddIpsApiEnvironment(this IConfigurationBuilder builder)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                values[$"{ServerOptions.Section}:{name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)}"] = (string?)variable.Value;
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
