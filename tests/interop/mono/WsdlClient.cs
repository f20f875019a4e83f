// submitJob, getJobLogs, the company, user, folder and asset operations and a fault of each kind through the C# proxy
// that Mono's wsdl tool (the .NET Framework's wsdl.exe, Debian package mono-devel) generates from the served WSDL,
// compiled with Mono's C# compiler. Run by tests/IpsApi.IntegrationTests/Interop/ClientStacks/MonoWsdlTests.cs, or
// by hand against `./ipsapi run` (environment as for tests/interop/python/zeep_client.py):
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
            Console.WriteLine("mono wsdl: submitJob, getJobLogs, companies, folders, assets and faults ok");
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
        var suffix = Guid.NewGuid().ToString("N").Substring(0, 8);
        var name = "mono wsdl " + suffix;
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

        Companies(service, company);
        Folders(service, company, "mono-" + suffix);
        Assets(service, company);

        Fault("submitJob", () => service.submitJob(company, null, "", null, default(DateTime), false, null, null, publish,
            null, null, null, null, null, null, null, null, null, null, null, null));
        Fault("submitJob", () => service.submitJob(company, null, name + " export", null, default(DateTime), false, null, null, null,
            null, null, null, null, null, null, null, null, null, null,
            new ExportJob { assetHandleArray = new[] { "a|another-company|1" }, fmt = "orig", emailSetting = "None" }, null));
        Fault("getCompanyInfo", () => service.getCompanyInfo(null, "No Such Company", null));
        Fault("createFolder", () => service.createFolder(company, "products/../../escape"));
        Fault("getAssetsByName", () => service.getAssetsByName(company, null, null, new string[0], null, null, null, false, false, null, null));
    }

    /// <summary>What an integration asks first: its company's handle by name, who it is, and (as an admin) the settings.</summary>
    private static void Companies(IpsApiService service, string company)
    {
        var companyName = Env("IPSAPI_COMPANY_NAME");
        var user = Env("IPSAPI_USER");
        var password = Env("IPSAPI_PASSWORD");

        var info = service.getCompanyInfo(null, companyName, null);
        Check(info.companyHandle == company && info.rootPath == companyName + "/", "getCompanyInfo answered " + info.companyHandle + " " + info.rootPath);
        Console.WriteLine("ok getCompanyInfo " + info.companyHandle + " " + info.rootPath);

        var memberships = service.getCompanyMembership(null) ?? new CompanyMembership[0];
        Check(memberships.Any(m => m.company.companyHandle == company && m.isActiveSpecified && m.isActive), "getCompanyMembership lacks the company");
        Console.WriteLine("ok getCompanyMembership " + memberships.Length);

        var me = service.getUserInfo(null, null);
        Check(string.Equals(me.email, user, StringComparison.OrdinalIgnoreCase) && me.isValidSpecified && me.isValid, "getUserInfo answered " + me.email);
        Console.WriteLine("ok getUserInfo " + me.defaultRole);

        var valid = service.checkLogin(company, user, password);
        var invalid = service.checkLogin(company, user, "not the password");
        Check(valid == "ValidLogin" && invalid == "InvalidLogin", "checkLogin answered " + valid + ", " + invalid);
        Console.WriteLine("ok checkLogin " + valid + " " + invalid);

        // getCompanySettings is for company administrators.
        var mine = service.authHeaderValue;
        service.authHeaderValue = new authHeader
        {
            user = Environment.GetEnvironmentVariable("IPSAPI_ADMIN_USER") ?? user,
            password = Environment.GetEnvironmentVariable("IPSAPI_ADMIN_PASSWORD") ?? password,
            appName = "mono-wsdl",
        };
        var settings = service.getCompanySettings(company);
        service.authHeaderValue = mine;
        Check(!string.IsNullOrEmpty(settings.timeZone), "getCompanySettings has no timeZone");
        Console.WriteLine("ok getCompanySettings " + settings.timeZone);
    }

    /// <summary>Folders written in the path forms clients use, under one folder of this run's own, which goes at the end.</summary>
    private static void Folders(IpsApiService service, string company, string folder)
    {
        var root = Env("IPSAPI_COMPANY_NAME") + "/";
        var shoes = service.createFolder(company, "/" + root + folder + "/products/shoes/");
        var archive = service.createFolder(company, folder + "/archive");
        Check(shoes.StartsWith("f|" + company + "|", StringComparison.Ordinal), "createFolder answered " + shoes);
        Console.WriteLine("ok createFolder " + shoes);

        var listed = service.getFolders(company, null, null, folder + "/products", null, null, null);
        Check(listed.Length == 2 && listed[0].path == root + folder + "/products/" && listed[1].path == root + folder + "/products/shoes/",
            "getFolders answered " + string.Join(", ", listed.Select(f => f.path).ToArray()));
        Check(listed[1].folderHandle == shoes && listed[1].lastModifiedSpecified && listed[1].lastModified.Year >= 2024, "getFolders: the new folder's handle and time");
        Console.WriteLine("ok getFolders " + listed.Length);

        // The generated proxy passes folderHandle by reference: renameFolderReturn and moveFolderReturn answer it.
        var renamed = shoes;
        service.renameFolder(company, ref renamed, "boots");
        var moved = shoes;
        service.moveFolder(company, ref moved, archive);
        Check(renamed == shoes && moved == shoes, "renameFolder, moveFolder answered " + renamed + ", " + moved);
        Console.WriteLine("ok renameFolder");
        Console.WriteLine("ok moveFolder");

        var tree = service.getFolderTree(company, null, null, root + folder + "/", -1, null, null, null);
        Check(tree.Length == 1 && tree[0].hasSubfoldersSpecified && tree[0].hasSubfolders, "getFolderTree has no top folder with subfolders");
        var top = tree[0].subfolderArray;
        Check(top.Length == 2 && top[0].path == root + folder + "/archive/" && top[1].path == root + folder + "/products/",
            "getFolderTree answered " + string.Join(", ", top.Select(f => f.path).ToArray()));
        var boots = top[0].subfolderArray;
        Check(boots != null && boots.Length == 1 && boots[0].folderHandle == shoes && boots[0].path == root + folder + "/archive/boots/",
            "getFolderTree: the moved folder is not under archive/");
        Console.WriteLine("ok getFolderTree " + boots[0].path);

        service.deleteFolder(company, shoes);
        var archived = service.getFolderTree(company, null, null, folder + "/archive", 1, null, null, null);
        Check(archived[0].hasSubfoldersSpecified && !archived[0].hasSubfolders && archived[0].subfolderArray == null, "the deleted folder is still there");
        Console.WriteLine("ok deleteFolder");

        service.deleteFolder(company, service.getFolders(company, null, null, folder, null, null, null)[0].folderHandle);
    }

    /// <summary>
    /// What integrations do after an upload, in the folder tour/ the test filled with one.jpg, two.jpg and doc.pdf:
    /// find the assets, describe them, tidy them up, send them through the trash.
    /// </summary>
    private static void Assets(IpsApiService service, string company)
    {
        var found = service.getAssetsByName(company, null, null, new[] { "one", "TWO", "doc" }, null, null, null, false, false, null, null);
        Check(Names(found) == "doc,one,two", "getAssetsByName answered " + Names(found));
        Check(found[1].imageInfo.width == 64 && found[1].createdSpecified && found[1].created.Year >= 2024, "getAssetsByName: imageInfo and dates");
        string doc = found[0].assetHandle, one = found[1].assetHandle, two = found[2].assetHandle;
        Console.WriteLine("ok getAssetsByName " + found.Length);

        var chosen = service.getAssets(company, null, null, new[] { two, one }, new[] { "name", "fileName" }, null);
        Check(Names(chosen) == "two,one" && chosen[0].fileName == "two.jpg" && chosen[0].assetHandle == null, "getAssets answered " + Names(chosen));
        Console.WriteLine("ok getAssets 2 fields");

        int total;
        bool totalSpecified;
        Asset[] page;
        service.searchAssets(company, null, null, "tour", false, false, null, null, null, null, null, null, null, null, null, null, null, null, null,
            false, false, false, false, null, null, 2, true, 2, true, "Name", null, null, null, out total, out totalSpecified, out page);
        Check(total == 3 && Names(page) == "two", "searchAssets answered " + total + " " + Names(page));
        Console.WriteLine("ok searchAssets " + total);

        AssetSummary[] summaries;
        service.searchAssetsByMetadata(company, null, new[] { new MetadataCondition { fieldHandle = "name", op = "Equals", value = "ONE" } }, null,
            0, false, 0, false, null, null, out total, out totalSpecified, out summaries);
        Check(total == 1 && summaries[0].filename == "one.jpg", "searchAssetsByMetadata answered " + total);
        Console.WriteLine("ok searchAssetsByMetadata 1");

        var counts = string.Join(",", service.getAssetCounts(company).Select(c => c.assetType + " " + c.count).ToArray());
        Check(counts == "Image 2,Pdf 1", "getAssetCounts answered " + counts);
        Console.WriteLine("ok getAssetCounts");

        service.setAssetMetadata(company, one, new[] { new MetadataUpdate { fieldHandle = "color", value = "red" } });
        Console.WriteLine("ok setAssetMetadata");
        var update = new BatchMetadataUpdate
        {
            assetHandleArray = new[] { one, two },
            updateArray = new[] { new MetadataUpdate { fieldHandle = "stock", longVal = 3, longValSpecified = true } },
        };
        Console.WriteLine("ok batchSetAssetMetadata " + Tally(out var batch, (out int w, out int e, out AssetOperationFault[] wd, out AssetOperationFault[] ed) =>
            service.batchSetAssetMetadata(company, new[] { update }, out w, out e, out wd, out ed)));
        Check(batch == "2 0 0", "batchSetAssetMetadata answered " + batch);
        var fields = string.Join(",", service.getMetadataFields(company, "Image").Select(f => f.name).ToArray());
        Check(fields == "color,stock", "getMetadataFields answered " + fields);
        Console.WriteLine("ok getMetadataFields");

        service.renameAsset(company, one, "uno", true);
        Console.WriteLine("ok renameAsset");
        var folder = service.createFolder(company, "tour/moved");
        service.moveAsset(company, two, folder);
        Console.WriteLine("ok moveAsset");
        Console.WriteLine("ok moveAssets " + Tally(out var moved, (out int w, out int e, out AssetOperationFault[] wd, out AssetOperationFault[] ed) =>
            service.moveAssets(company, new[] { new AssetMove { assetHandle = one, folderHandle = "tour/moved" } }, out w, out e, out wd, out ed)));
        Check(moved == "1 0 0", "moveAssets answered " + moved);

        Asset[] members, layers, owners, derived;
        GenerationInfo[] generators, generated;
        Asset thumb;
        var containers = service.getAssociatedAssets(company, one, null, null, out members, out layers, out owners, out derived, out generators, out generated, out thumb);
        Check(containers == null && members == null && generated == null, "getAssociatedAssets answered sets or generated assets");
        Console.WriteLine("ok getAssociatedAssets");

        service.setAssetPublishState(company, one, "MarkedForPublish", null);
        Console.WriteLine("ok setAssetPublishState");
        Console.WriteLine("ok setAssetsPublishState " + Tally(out var states, (out int w, out int e, out AssetOperationFault[] wd, out AssetOperationFault[] ed) =>
            service.setAssetsPublishState(company, new[] { new PublishStateUpdate { assetHandle = two, publishState = "NotMarkedForPublish" } }, out w, out e, out wd, out ed)));
        Check(states == "1 0 0", "setAssetsPublishState answered " + states);

        service.deleteAsset(company, doc);
        Console.WriteLine("ok deleteAsset");
        Console.WriteLine("ok deleteAssets " + Tally(out var deleted, (out int w, out int e, out AssetOperationFault[] wd, out AssetOperationFault[] ed) =>
            service.deleteAssets(company, new[] { doc, two }, out w, out e, out wd, out ed)));
        Check(deleted == "1 1 0", "deleteAssets answered " + deleted);
        Console.WriteLine("ok restoreAssetsFromTrash " + Tally(out var restored, (out int w, out int e, out AssetOperationFault[] wd, out AssetOperationFault[] ed) =>
            service.restoreAssetsFromTrash(company, new[] { two }, out w, out e, out wd, out ed)));
        Check(restored == "1 0 0", "restoreAssetsFromTrash answered " + restored);
        Console.WriteLine("ok emptyAssetsFromTrash " + Tally(out var emptied, (out int w, out int e, out AssetOperationFault[] wd, out AssetOperationFault[] ed) =>
            service.emptyAssetsFromTrash(company, new[] { doc, one }, out w, out e, out wd, out ed)));
        Check(emptied == "1 0 1", "emptyAssetsFromTrash answered " + emptied);
    }

    private delegate int BatchCall(out int warningCount, out int errorCount, out AssetOperationFault[] warnings, out AssetOperationFault[] errors);

    /// <summary>A batch operation's counts as "success warning error", in <paramref name="tally"/> and as the answer.</summary>
    private static string Tally(out string tally, BatchCall call)
    {
        int warnings, errors;
        AssetOperationFault[] warningDetails, errorDetails;
        var success = call(out warnings, out errors, out warningDetails, out errorDetails);
        tally = success + " " + warnings + " " + errors;
        return tally;
    }

    private static string Names(Asset[] assets) => assets == null ? "" : string.Join(",", assets.Select(a => a.name).ToArray());

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
