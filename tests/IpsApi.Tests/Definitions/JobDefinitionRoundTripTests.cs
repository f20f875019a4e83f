using System.Text.Json.Nodes;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.RipPdfs;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;

namespace IpsApi.Tests.Definitions;

/// <summary>
/// A definition goes wire -> domain -> stored JSON -> domain -> wire, and the client must read back what it
/// sent: the same XML, with nothing added and nothing lost.
/// </summary>
public sealed class JobDefinitionRoundTripTests
{
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static TheoryData<string> JobElements() => [.. WireSamples.JobElementNames];

    [Theory]
    [MemberData(nameof(JobElements))]
    public void Job_with_every_field_set_is_echoed_as_submitted(string elementName)
    {
        var sent = WireSamples.Full(elementName);

        var echoed = StoreAndEcho(WireSamples.Param(sent), elementName);

        Assert.Equal(WireXml.Of(sent, elementName), WireXml.Of(echoed, elementName));
    }

    [Theory]
    [MemberData(nameof(JobElements))]
    public void Full_sample_sets_every_field_of_its_element(string elementName)
    {
        // Guards the test above: a field left null in the sample would pass the echo test without being tested.
        var unset = UnsetProperties(WireSamples.Full(elementName), elementName).ToList();

        Assert.Empty(unset);
    }

    [Theory]
    [MemberData(nameof(JobElements))]
    public void Job_with_only_required_fields_stays_sparse(string elementName)
    {
        var sent = WireSamples.Sparse(elementName);

        var echoed = StoreAndEcho(WireSamples.Param(sent), elementName);

        Assert.Equal(WireXml.Of(sent, elementName), WireXml.Of(echoed, elementName));
    }

    [Fact]
    public void Sparse_job_stores_no_optional_keys()
    {
        var definition = MapValid(WireSamples.Param(WireSamples.Sparse("uploadUrlsJob")));

        var json = JsonNode.Parse(JobDefinitionJson.Serialize(definition))!.AsObject();

        var spec = json["spec"]!.AsObject();
        Assert.Equal(["$type", "overwrite", "readyForPublish", "processing", "emailSetting", "post"], spec.Select(p => p.Key));
        Assert.Equal(["createMask"], spec["processing"]!.AsObject().Select(p => p.Key));
        Assert.Empty(spec["post"]!.AsObject());
        Assert.False(json.ContainsKey("locale"));
        Assert.False(json.ContainsKey("description"));
        Assert.False(json.ContainsKey("notifyUserHandle"));
    }

    [Fact]
    public void Shared_option_the_element_does_not_have_is_refused_by_the_echo_not_dropped()
    {
        // ripPdfsJob has no xmpKeywords element: echoing one would silently lose it, so the echo refuses.
        var spec = (RipPdfsSpec)MapValid(WireSamples.Param(WireSamples.Sparse("ripPdfsJob"))).Spec;
        var impossible = spec with { Processing = spec.Processing with { XmpKeywords = "spring" } };

        var error = Assert.Throws<InvalidOperationException>(() => JobDefinitionEcho.ToWire(impossible));

        Assert.Equal("ripPdfsJob has no xmpKeywords element.", error.Message);
    }

    [Fact]
    public void Enums_are_stored_as_their_wire_strings()
    {
        var definition = MapValid(WireSamples.Param(WireSamples.Full("exportJob")));

        var spec = JsonNode.Parse(JobDefinitionJson.Serialize(definition))!["spec"]!;

        Assert.Equal("exportJob", (string?)spec["$type"]);
        Assert.Equal("convert", (string?)spec["format"]);
        Assert.Equal("Error", (string?)spec["emailSetting"]);
    }

    [Fact]
    public void Stored_json_reads_back_when_jsonb_has_moved_the_discriminators_last()
    {
        var definition = MapValid(WithSchedule(WireSamples.Param(WireSamples.Full("uploadUrlsJob")), "0 15 10 * * ?"));
        var json = JsonNode.Parse(JobDefinitionJson.Serialize(definition))!.AsObject();

        // jsonb sorts keys by length; here the discriminators simply go last, the worst case for a reader.
        var reordered = new JsonObject();
        foreach (var (key, value) in json.ToList())
        {
            json.Remove(key);
            reordered[key] = value is JsonObject o ? TypeLast(o) : value;
        }

        var back = JobDefinitionJson.Deserialize(reordered.ToJsonString());

        Assert.Equal(new JobSchedule.Cron("0 15 10 * * ?"), back.Schedule);
        Assert.Equal(
            WireXml.Of(JobDefinitionEcho.ToWire(definition), "uploadUrlsJob"),
            WireXml.Of(JobDefinitionEcho.ToWire(back), "uploadUrlsJob"));
    }

    [Fact]
    public void Whole_request_is_echoed_with_its_schedule_and_header_fields()
    {
        var sent = WithSchedule(WireSamples.Param(WireSamples.Full("imageServingPublishJob")), "0 0 2 * * ?");
        sent.UserHandle = "u|12";
        sent.Locale = "de-DE";
        sent.Description = " Nightly publish ";

        var stored = JobDefinitionJson.Serialize(MapValid(sent));
        var echoed = JobDefinitionEcho.ToSubmitJobParam(JobDefinitionJson.Deserialize(stored));

        Assert.Equal(WireXml.Of(sent, "submitJobParam"), WireXml.Of(echoed, "submitJobParam"));
    }

    [Fact]
    public void Run_at_schedule_survives_storage_as_the_same_instant()
    {
        var sent = WireSamples.Param(WireSamples.Sparse("optimizeImagesJob"));
        sent.ExecTime = new DateTime(2026, 12, 1, 7, 30, 0, DateTimeKind.Utc);

        var back = JobDefinitionJson.Deserialize(JobDefinitionJson.Serialize(MapValid(sent)));

        var at = Assert.IsType<JobSchedule.RunAt>(back.Schedule);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero), at.At);
        Assert.Equal(sent.ExecTime, JobDefinitionEcho.ToSubmitJobParam(back).ExecTime);
    }

    [Theory]
    [MemberData(nameof(JobElements))]
    public void Element_name_and_job_type_match_the_element(string elementName)
    {
        var definition = MapValid(WireSamples.Param(WireSamples.Sparse(elementName)));

        Assert.Equal(elementName, JobDefinitionEcho.ElementName(definition.Spec));
        Assert.Equal(ExpectedType(elementName), definition.Spec.Type);
    }

    private static object StoreAndEcho(SubmitJobParam param, string elementName)
    {
        var stored = JobDefinitionJson.Serialize(MapValid(param));
        var echoed = JobDefinitionEcho.ToWire(JobDefinitionJson.Deserialize(stored));
        Assert.Equal(elementName, JobDefinitionEcho.ElementName(JobDefinitionJson.Deserialize(stored).Spec));
        return echoed;
    }

    private static IEnumerable<string> UnsetProperties(object wire, string path)
    {
        foreach (var property in wire.GetType().GetProperties())
        {
            var value = property.GetValue(wire);
            if (value is null)
            {
                yield return $"{path}/{property.Name}";
            }
            else if (value.GetType().Namespace == typeof(SubmitJobParam).Namespace)
            {
                foreach (var inner in UnsetProperties(value, $"{path}/{property.Name}"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JobDefinition MapValid(SubmitJobParam param)
    {
        var result = SubmitJobMapper.Map(param, _zone);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems.Select(p => $"{p.Code} {p.Message}")));
        return result.Value!;
    }

    private static SubmitJobParam WithSchedule(SubmitJobParam param, string cron)
    {
        param.ExecSchedule = cron;
        return param;
    }

    private static JsonObject TypeLast(JsonObject o)
    {
        var copy = new JsonObject();
        JsonNode? type = null;
        foreach (var (key, value) in o.ToList())
        {
            o.Remove(key);
            if (key == "$type")
            {
                type = value;
            }
            else
            {
                copy[key] = value is JsonObject child ? TypeLast(child) : value;
            }
        }

        if (type is not null)
        {
            copy["$type"] = type;
        }

        return copy;
    }

    private static JobType ExpectedType(string elementName) => elementName switch
    {
        "imageServingPublishJob" => JobType.ImageServingPublish,
        "imageRenderingPublishJob" => JobType.ImageRenderingPublish,
        "videoPublishJob" => JobType.VideoPublish,
        "serverDirectoryPublishJob" => JobType.ServerDirectoryPublish,
        "metadataPublishJob" => JobType.MetadataPublish,
        "uploadDirectoryJob" => JobType.UploadFromServerDirectory,
        "uploadUrlsJob" => JobType.UrlUpload,
        "optimizeImagesJob" => JobType.ImageOptimization,
        "ripPdfsJob" => JobType.RipPdfs,
        "reprocessAssetsJob" => JobType.ReprocessAssets,
        "createVideoSitemapJob" => JobType.CreateVideoSitemap,
        "exportJob" => JobType.Export,
        "automatedSetGenerationJob" => JobType.AutomatedSetGeneration,
        _ => throw new ArgumentException(elementName, nameof(elementName)),
    };
}
