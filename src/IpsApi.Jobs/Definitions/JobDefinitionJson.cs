using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>
/// The stored form of a <see cref="JobDefinition"/>: JSON for a PostgreSQL <c>jsonb</c> column. Enums are
/// their wire strings, absent values are left out (so "not given" stays "not given"), and the spec and the
/// schedule carry a <c>$type</c> discriminator.
/// </summary>
public static class JobDefinitionJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },

        // jsonb does not keep key order (it sorts keys by length), so "$type" may come back after other keys.
        AllowOutOfOrderMetadataProperties = true,

        // A stored definition with a key we do not know is a bug or a downgrade; fail loudly, not silently.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, _options);
    }

    /// <exception cref="JsonException">The text is not a stored job definition.</exception>
    public static JobDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<JobDefinition>(json, _options)
            ?? throw new JsonException("A stored job definition is null.");
    }
}
