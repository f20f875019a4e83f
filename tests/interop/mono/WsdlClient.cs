// submitJob, getJobLogs and a fault through the C# proxy that Mono's wsdl tool (the .NET Framework's wsdl.exe,
// Debian package mono-devel) generates from the served WSDL, compiled with Mono's C# compiler. Run by
// tests/IpsApi.IntegrationTests/Interop/ClientStacks/MonoWsdlTests.cs, or by hand against `./ipsapi run`:
//
//   wsdl -nologo -out:IpsApiProxy.cs "$IPSAPI_WSDL"
//   mcs -out:client.exe -r:System.Web.Services.dll IpsApiProxy.cs tests/interop/mono/WsdlClient.cs && mono client.exe
//
// Prints "ok <operation> ..." per call and "fault <operation> <faultcode> <faultstring> <detail> <code> <reason>"
// per fault, as the other stacks' scripts do, and exits non-zero at the first answer a client could not rely on.
using System;
using System.Linq;
using System.Threading;
using System.Web.Services.Protocols;
using System.Xml;

public static class WsdlClient
{
    private const string Ips = "http://www.scene7.com/IpsApi/xsd";

    public static int Main()
    {
        try
        {
            Run();
            Console.WriteLine("mono wsdl: submitJob, getJobLogs and faults ok");
            return 0;
        }
        catch (CheckFailed e)
        {
            Console.WriteLine("FAILED: " + e.Message);
            return 1;
        }
    }

    private static void Run()
    {
        var company = Env("IPSAPI_COMPANY");
        // The generated class already points at the address the served WSDL names.
        var service = new IpsApiService();
        service.authHeaderValue = new authHeader { user = Env("IPSAPI_USER"), password = Env("IPSAPI_PASSWORD"), appName = "mono-wsdl" };
        var name = "mono wsdl " + Guid.NewGuid().ToString("N").Substring(0, 8);
        var publish = new ImageServingPublishJob { publishType = "Full", emailSetting = "None" };

        var handle = service.submitJob(company, null, name, null, default(DateTime), false, null, null, publish,
            null, null, null, null, null, null, null, null, null, null, null, null);
        Check(handle == company + "|" + name + "|", "submitJob answered " + handle);
        Console.WriteLine("ok submitJob " + handle);

        JobLog log = null;
        for (var waited = 0; log == null; waited++)
        {
            Check(waited < 600, "no ended run of " + name + " in getJobLogs after 60 s");
            var logs = service.getJobLogs(company, null, null, null, default(DateTime), false, default(DateTime), false, 0, false) ?? new JobLog[0];
            log = logs.FirstOrDefault(l => l.jobName == name && l.endDateSpecified);
            if (log == null)
            {
                Thread.Sleep(100);
            }
        }

        Console.WriteLine("ok getJobLogs " + log.jobName + " " + log.logType);

        Fault("submitJob", () => service.submitJob(company, null, "", null, default(DateTime), false, null, null, publish,
            null, null, null, null, null, null, null, null, null, null, null, null));
        Fault("submitJob", () => service.submitJob(company, null, name + " export", null, default(DateTime), false, null, null, null,
            null, null, null, null, null, null, null, null, null, null,
            new ExportJob { assetHandleArray = new[] { "a|another-company|1" }, fmt = "orig", emailSetting = "None" }, null));
    }

    /// <summary>Runs a call that must fail and prints the fault as the generated proxy hands it over.</summary>
    private static void Fault(string operation, Action call)
    {
        try
        {
            call();
        }
        catch (SoapException fault)
        {
            var detail = fault.Detail == null ? null : fault.Detail.ChildNodes.OfType<XmlElement>().FirstOrDefault();
            Check(detail != null && detail.NamespaceURI == Ips, "the fault has no IPS detail: " + fault.Message);
            var code = detail["code", Ips];
            var reason = detail["reason", Ips];
            Check(code != null && reason != null, "the fault detail has no code or reason");
            var faultCode = fault.Code.Namespace == "http://schemas.xmlsoap.org/soap/envelope/" ? "soapenv:" + fault.Code.Name : fault.Code.ToString();
            Console.WriteLine("fault " + operation + " " + faultCode + " " + fault.Message + " " + detail.LocalName
                + " " + code.InnerText + " " + reason.InnerText);
            return;
        }

        throw new CheckFailed(operation + " answered where a fault was expected");
    }

    private static string Env(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        Check(!string.IsNullOrEmpty(value), name + " is not set");
        return value;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new CheckFailed(what);
        }
    }

    private sealed class CheckFailed : Exception
    {
        public CheckFailed(string message) : base(message)
        {
        }
    }
}
