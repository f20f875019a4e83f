using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using System.Text.Json;

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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddJobSpecTypes } },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },

        // jsonb does not keep key order (it sorts keys by length), so "$type" may come back after other keys.
        AllowOutOfOrderMetadataProperties = true,

        // A stored definition with a key we do not know is a bug or a downgrade; fail loudly, not silently.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Every spec of this assembly, with its element name as discriminator.</summary>
    private static readonly JsonDerivedType[] SpecTypes =
    [
        .. typeof(JobSpec).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(JobSpec)) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => new JsonDerivedType(type, JobElementAttribute.NameOf(type))),
    ];

    private static void AddJobSpecTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(JobSpec))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions();
        foreach (var derived in SpecTypes)
        {
            info.PolymorphismOptions.DerivedTypes.Add(derived);
        }
    }

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
