using System.Text;
using System.Xml.Linq;
using IpsApi.Server.Soap.Wsdl;
using IpsApi.Wire;

namespace IpsApi.Tests.Soap;

/// <summary>An answer to a request in a dated namespace holds only what that version's WSDL declares.</summary>
public sealed class VersionedAnswersTests
{
    private static readonly VersionedAnswers Answers = VersionedAnswers.Load(WsdlDocument.DefaultPath);
    private static readonly XNamespace Ips = IpsNamespaces.Types;

    private const string JobLogs =
        """<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>"""
        + """<getJobLogDetailsReturn xmlns="http://www.scene7.com/IpsApi/xsd"><jobLogArray><items>"""
        + "<companyHandle>c1</companyHandle><jobHandle>c1|j|1</jobHandle><jobName>j</jobName><originalJobName>j</originalJobName>"
        + "<fileSuccessCount>1</fileSuccessCount><totalFileCount>1</totalFileCount>"
        + "<transferSuccessCount>1</transferSuccessCount><transferErrorCount>0</transferErrorCount><transferWarningCount>0</transferWarningCount>"
        + "<fatalError>false</fatalError><detailTotalRows>1</detailTotalRows>"
        + "<detailArray><items><logMessage>m</logMessage><logType>Info</logType><assetHandle>a|1</assetHandle>"
        + "<auxArray><items><logMessage>aux</logMessage><logType>Info</logType></items></auxArray></items></detailArray>"
        + "</items></jobLogArray></getJobLogDetailsReturn></soapenv:Body></soapenv:Envelope>";

    private const string ActiveJobs =
        """<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>"""
        + """<getActiveJobsReturn xmlns="http://www.scene7.com/IpsApi/xsd"><jobArray><items>"""
        + "<jobHandle>c1|x|1</jobHandle><name>x</name>"
        + "<taskProgressArray><items><taskType>Export</taskType><taskState>Running</taskState><numProcessed>0</numProcessed></items></taskProgressArray>"
        + "<exportJob><assetHandleArray><items>a|1</items></assetHandleArray><fmt>orig</fmt><emailSetting>None</emailSetting></exportJob>"
        + "</items></jobArray></getActiveJobsReturn></soapenv:Body></soapenv:Envelope>";

    [Theory]
    [InlineData("2014-04-03", false)]
    [InlineData("2013-02-15", false)]
    [InlineData("2012-02-14", false)]
    [InlineData("2010-01-31", true)]
    [InlineData("2008-01-15", true)]
    [InlineData("2010-04-23-beta", false)]
    [InlineData("2017-10-29-beta", false)]
    public void Only_answers_in_a_served_version_older_than_a_mark_are_trimmed(string version, bool trimmed)
    {
        Assert.Equal(trimmed, Answers.Trims(version));
    }

    [Fact]
    public void A_2008_09_10_job_log_has_no_transfer_counts_and_no_aux_array()
    {
        var log = Log(Answers.ForVersion(Encoding.UTF8.GetBytes(JobLogs), "2008-09-10"));

        Assert.Equal(["companyHandle", "jobHandle", "jobName", "originalJobName", "fileSuccessCount", "totalFileCount", "fatalError", "detailTotalRows", "detailArray"],
            log.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["logMessage", "logType", "assetHandle"], log.Descendants(Ips + "detailArray").Elements().Single().Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void A_2009_07_31_job_log_keeps_the_transfer_counts_but_not_the_aux_array()
    {
        var log = Log(Answers.ForVersion(Encoding.UTF8.GetBytes(JobLogs), "2009-07-31"));

        Assert.NotNull(log.Element(Ips + "transferWarningCount"));
        Assert.Empty(log.Descendants(Ips + "auxArray"));
    }

    [Fact]
    public void A_2010_01_31_active_job_has_no_export_job_and_its_task_progress_no_task_state()
    {
        var job = Log(Answers.ForVersion(Encoding.UTF8.GetBytes(ActiveJobs), "2010-01-31"));

        Assert.Equal(["jobHandle", "name", "taskProgressArray"], job.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["taskType", "numProcessed"], job.Descendants(Ips + "taskProgressArray").Elements().Single().Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void A_2012_02_14_answer_is_whole()
    {
        var before = XDocument.Parse(ActiveJobs);
        var after = XDocument.Load(new MemoryStream(Answers.ForVersion(Encoding.UTF8.GetBytes(ActiveJobs), "2012-02-14")));

        Assert.True(XNode.DeepEquals(before.Root, after.Root), after.ToString());
    }

    /// <summary>The first item of the answer's array.</summary>
    private static XElement Log(byte[] envelope) =>
        XDocument.Load(new MemoryStream(envelope)).Descendants().First(e => e.Name.LocalName == "Body").Elements().Single().Elements().Single().Elements().First();
}
