using System.Reflection;
using System.Xml.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.Mapping;

/// <summary>
/// A job type as the rest of the server knows it (see <see cref="JobTypeCatalog"/>): the element of
/// <c>submitJobParam</c> it is read from, validated, and echoed back to in getActiveJobs and getScheduledJobs;
/// the spec it becomes; and the executor that runs it.
/// </summary>
public interface IJobTypeDefinition
{
    /// <summary>The wire element, "videoPublishJob".</summary>
    string ElementName { get; }

    /// <summary>
    /// Where the element comes among the job elements of <c>submitJobParam</c>; after all of them for a job type
    /// that is not submitted with submitJob (<c>uploadPostJob</c>, which the UploadFile endpoint opens).
    /// </summary>
    int Order { get; }

    Type SpecType { get; }

    /// <summary>The executor class that runs this job type (an <see cref="IJobExecutor"/>).</summary>
    Type ExecutorType { get; }

    /// <summary>Whether <paramref name="carrier"/> holds this job type's element.</summary>
    bool IsIn(W.IJobElements carrier);

    /// <summary>Reads this job type's element out of <paramref name="carrier"/> (which holds it), reporting its problems to <paramref name="reader"/>.</summary>
    JobSpec Read(WireReader reader, W.IJobElements carrier);

    /// <summary>The wire element of <paramref name="spec"/>, as the client gave it.</summary>
    object Echo(JobSpec spec);

    /// <summary>Puts the wire element of <paramref name="spec"/> into <paramref name="carrier"/>.</summary>
    void EchoInto(JobSpec spec, W.IJobElements carrier);

    /// <summary>Registers the executor (as itself and as an <see cref="IJobExecutor"/>) and what only it uses.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);
}

/// <summary>The base of each job type's definition: the typed read and echo of its element.</summary>
/// <typeparam name="TElement">The wire type of the element.</typeparam>
/// <typeparam name="TSpec">The spec it becomes.</typeparam>
public abstract class JobTypeDefinition<TElement, TSpec> : IJobTypeDefinition
    where TElement : class
    where TSpec : JobSpec
{
    protected JobTypeDefinition()
        : this(submittedWithSubmitJob: true)
    {
    }

    /// <param name="submittedWithSubmitJob">
    /// False for a job type that no submitJobParam element carries: it is never read from a submitJob request
    /// (<see cref="Get"/> finds it in no carrier but those that echo it).
    /// </param>
    protected JobTypeDefinition(bool submittedWithSubmitJob)
    {
        ElementName = JobElementAttribute.NameOf(typeof(TSpec));
        var order = typeof(W.SubmitJobParam).GetProperties()
            .Select(property => property.GetCustomAttribute<XmlElementAttribute>())
            .FirstOrDefault(element => element?.ElementName == ElementName)?.Order;
        Order = submittedWithSubmitJob
            ? order ?? throw new InvalidOperationException($"submitJobParam has no {ElementName} element.")
            : order is null ? int.MaxValue : throw new InvalidOperationException($"submitJobParam has an {ElementName} element.");
    }

    public string ElementName { get; }

    public int Order { get; }

    public Type SpecType => typeof(TSpec);

    public abstract Type ExecutorType { get; }

    /// <summary>
    /// Reads and checks the element: every problem goes to <paramref name="reader"/>, and a stand-in value is returned
    /// so that reading goes on. <paramref name="path"/> is where the element is in the request ("uploadUrlsJob", or
    /// "uploadUrlsJob/postVideoPublishJob" for a publish that follows an upload).
    /// </summary>
    public abstract TSpec Read(WireReader reader, TElement element, string path);

    /// <summary>The element as the client gave it: what it left out stays out, enums go back as their wire strings.</summary>
    public abstract TElement Echo(TSpec spec);

    /// <summary>This job type's property of a carrier.</summary>
    protected abstract TElement? Get(W.IJobElements carrier);

    protected abstract void Set(W.IJobElements carrier, TElement element);

    public bool IsIn(W.IJobElements carrier) => Get(carrier) is not null;

    /// <summary>
    /// The executor, by its own type too: a host that puts another executor in front of the job type can still hand
    /// runs to it. A job type with services of its own adds them in an override.
    /// </summary>
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ExecutorType);
        services.AddSingleton(typeof(IJobExecutor), provider => provider.GetRequiredService(ExecutorType));
    }

    JobSpec IJobTypeDefinition.Read(WireReader reader, W.IJobElements carrier) =>
        Read(reader, Get(carrier) ?? throw new ArgumentException($"No {ElementName} in it.", nameof(carrier)), ElementName);

    object IJobTypeDefinition.Echo(JobSpec spec) => Echo((TSpec)spec);

    void IJobTypeDefinition.EchoInto(JobSpec spec, W.IJobElements carrier) => Set(carrier, Echo((TSpec)spec));
}
