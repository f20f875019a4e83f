using System.Text;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.JobTypes.UploadPost;
using IpsApi.Server.Soap;
using IpsApi.Server.Upload;
using IpsApi.Wire;

namespace IpsApi.Tests.Uploads;

/// <summary>The auth and uploadParams parts of an UploadFile POST, read as the SOAP endpoint reads envelopes.</summary>
public sealed class UploadDocumentsTests
{
    private const int MaxDepth = 64;

    [Theory]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2014-04-03")]
    [InlineData("http://www.scene7.com/IpsApi/xsd")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2017-10-29-beta")]
    [InlineData("")]
    public void The_authHeader_is_read_in_any_IPS_namespace_or_none(string ns)
    {
        var auth = UploadDocuments.ReadAuth(Bytes(
            $"<authHeader xmlns=\"{ns}\"><user>a@b.test</user><password>pw</password><locale>de-DE</locale>"
            + "<appName>Tool</appName><faultHttpStatusCode>200</faultHttpStatusCode></authHeader>"), MaxDepth);

        Assert.Equal(("a@b.test", "pw", "de-DE", "Tool", 200), (auth.User, auth.Password, auth.Locale, auth.AppName, auth.FaultHttpStatusCode));
    }

    [Theory]
    [InlineData("uploadPostParam", "http://www.scene7.com/IpsApi/xsd/2014-04-03")]
    [InlineData("uploadPostParams", "http://www.scene7.com/IpsApi/xsd")]
    [InlineData("uploadPostParam", "")]
    public void The_uploadParams_document_is_read_under_either_name_and_answers_in_its_namespace(string root, string ns)
    {
        var document = UploadDocuments.ReadParams(Bytes(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{root} xmlns=\"{ns}\"><companyHandle>c|1</companyHandle><jobName>j</jobName>"
            + "<destFolder>a/b</destFolder><endJob>true</endJob><uploadParams><overwrite>true</overwrite><readyForPublish>false</readyForPublish>"
            + $"<createMask>false</createMask><emailSetting>All</emailSetting></uploadParams></{root}>"), MaxDepth);

        Assert.Equal(ns.Length == 0 ? IpsNamespaces.Types : ns, document.Namespace);
        var param = document.Param;
        Assert.Equal(("c|1", "j", "a/b", true), (param.CompanyHandle, param.JobName, param.DestFolder, param.EndJob));
        Assert.Equal((true, false, "All"), (param.UploadParams!.Overwrite, param.UploadParams.ReadyForPublish, param.UploadParams.EmailSetting));
    }

    [Theory]
    [InlineData("<!DOCTYPE a [<!ENTITY x \"y\">]><authHeader><user>&x;</user></authHeader>", "DTD")]
    [InlineData("<authHeader><user>a</user>", "unexpected end")]
    [InlineData("<submitJobParam xmlns=\"http://www.scene7.com/IpsApi/xsd\"/>", "root element")]
    [InlineData("<authHeader xmlns=\"http://example.com/other\"/>", "root element")]
    [InlineData("", "root element")]
    public void A_hostile_or_foreign_auth_part_is_fault_30003(string xml, string said)
    {
        var fault = Assert.Throws<IpsFaultException>(() => UploadDocuments.ReadAuth(Bytes(xml), MaxDepth));

        Assert.Equal(30003, fault.Code);
        Assert.StartsWith("Invalid auth XML", fault.Reason, StringComparison.Ordinal);
        Assert.Contains(said, fault.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_fault_30003_before_anything_is_read()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100));

        var fault = Assert.Throws<IpsFaultException>(() =>
            UploadDocuments.ReadParams(Bytes($"<uploadPostParam><companyHandle>1</companyHandle>{deep}</uploadPostParam>"), MaxDepth));

        Assert.Equal((30003, "Invalid uploadParams XML: elements are nested deeper than 64 levels"), (fault.Code, fault.Reason));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_fault_30001()
    {
        var fault = Assert.Throws<IpsFaultException>(() =>
            UploadDocuments.ReadParams(Bytes("<uploadPostParam><companyHandle>1</companyHandle><endJob>yes</endJob></uploadPostParam>"), MaxDepth));

        Assert.Equal(30001, fault.Code);
        Assert.StartsWith("Invalid parameter uploadParams:", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_upload_options_are_stored_and_echoed_in_getActiveJobs_as_given()
    {
        var type = new UploadPostJobType();
        var sent = new UploadPostJob
        {
            Overwrite = true,
            ReadyForPublish = false,
            PreservePublishState = true,
            CreateMask = true,
            ManualCropOptions = new IpsApi.Wire.ManualCropOptions { Left = 1, Right = 2, Top = 3, Bottom = 4 },
            EmailSetting = "ErrorAndWarning",
            PostHttpUrl = "https://example.com/done",
            XmpKeywords = "spring",
        };
        var reader = new WireReader("1");

        var spec = type.Read(reader, sent, "uploadParams/uploadParams");
        var stored = JobDefinitionJson.Deserialize(JobDefinitionJson.Serialize(
            new JobDefinition("1", "j", null, null, new JobSchedule.RunNow(), null, spec)));
        var active = new ActiveJob();
        ((IJobTypeDefinition)type).EchoInto(stored.Spec, active);

        Assert.False(reader.HasProblems);
        Assert.Equal(JobType.UploadPost, stored.Spec.Type);
        Assert.Equal(Xml(sent), Xml(active.UploadPostJob!));
        Assert.Equal(int.MaxValue, ((IJobTypeDefinition)type).Order); // no element of submitJobParam
        Assert.False(((IJobTypeDefinition)type).IsIn(new SubmitJobParam()));
    }

    private static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    private static string Xml(UploadPostJob job)
    {
        var serializer = new System.Xml.Serialization.XmlSerializer(typeof(UploadPostJob), new System.Xml.Serialization.XmlRootAttribute("job"));
        using var writer = new StringWriter();
        serializer.Serialize(writer, job);
        return writer.ToString();
    }
}
