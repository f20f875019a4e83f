using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;

namespace IpsApi.Jobs.JobTypes;

/// <summary>
/// Every job type of <c>submitJob</c>. A job type lives in its folder: its spec, its element on the wire and its
/// registration (&lt;Name&gt;JobType.cs, an <see cref="IJobTypeDefinition"/>) and its executor. The server finds each
/// definition here, so adding a job type needs no list to be edited.
/// </summary>
public static class JobTypeCatalog
{
    /// <summary>The job types, in the order of their elements in <c>submitJobParam</c>.</summary>
    public static IReadOnlyList<IJobTypeDefinition> All { get; } =
    [
        .. typeof(JobTypeCatalog).Assembly.GetTypes()
            .Where(type => typeof(IJobTypeDefinition).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .Select(type => (IJobTypeDefinition)Activator.CreateInstance(type)!)
            .OrderBy(definition => definition.Order),
    ];

    private static readonly Dictionary<Type, IJobTypeDefinition> BySpec = All.ToDictionary(t => t.SpecType);

    /// <summary>The job type of a spec.</summary>
    public static IJobTypeDefinition Of(JobSpec spec) =>
        BySpec.TryGetValue(spec.GetType(), out var type) ? type : throw new ArgumentException($"Unknown job spec {spec.GetType().Name}.", nameof(spec));
}
