using System.Globalization;
using System.Security;
using IpsApi.Server.Operations;

namespace IpsApi.IntegrationTests.Interop.Calls;

/// <summary>
/// The param element of every operation, written by hand in schema order (as clients that write their XML do),
/// in whatever IPS namespace the test asks for.
/// </summary>
public static class OperationBodies
{
    /// <summary>A cron schedule whose first fire is decades away: the job stays scheduled, never runs by itself.</summary>
    public const string FarFutureCron = "0 0 3 1 1 ? 2099";

    /// <summary>No executor yet: an executed run ends at once (with a FatalError record).</summary>
    public const string ImageServingPublish =
        "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting></imageServingPublishJob>";

    /// <summary>The in-process server's slow executor (40 steps of 250 ms): a run that stays Running long enough to look at.</summary>
    public const string SlowOptimizeImages = "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>";

    /// <summary>Publishes the company's server folder; with the folder empty the run finishes at once, without files.</summary>
    public const string ServerDirectoryPublish = "<serverDirectoryPublishJob><emailSetting>None</emailSetting></serverDirectoryPublishJob>";

    /// <summary>
    /// Every operation the server answers, from its own catalog (in name order): a test that says it called each one
    /// fails when an operation is added that it does not call.
    /// </summary>
    public static readonly IReadOnlyList<string> Operations = [.. OperationCatalog.Instance.Names.Order(StringComparer.Ordinal)];

    public static string SubmitJob(string ns, string company, string jobName, string jobElement, string? execSchedule = null) =>
        Param(ns, "submitJob", Field("companyHandle", company) + Field("jobName", jobName) + Field("execSchedule", execSchedule) + jobElement);

    public static string GetActiveJobs(string ns, string? company, string? jobHandle = null) =>
        Param(ns, "getActiveJobs", Field("companyHandle", company) + Field("jobHandle", jobHandle));

    public static string GetScheduledJobs(string ns, string? company, string? jobHandle = null) =>
        Param(ns, "getScheduledJobs", Field("companyHandle", company) + Field("jobHandle", jobHandle));

    public static string GetJobLogs(string ns, string? company) =>
        Param(ns, "getJobLogs", Field("companyHandle", company));

    public static string GetJobLogDetails(string ns, string company, string originalName) =>
        Param(ns, "getJobLogDetails", Field("companyHandle", company) + Field("originalName", originalName) + Field("sortBy", "Date"));

    public static string GetAssetJobLogs(string ns, string company, string assetHandle) =>
        Param(ns, "getAssetJobLogs", Field("companyHandle", company) + Field("assetHandle", assetHandle));

    /// <summary>stopJob, pauseJob, resumeJob, executeJob or deleteJob.</summary>
    public static string ControlJob(string ns, string operation, string company, string jobHandle) =>
        Param(ns, operation, Field("companyHandle", company) + Field("jobHandle", jobHandle));

    public static string GetCompanyInfo(string ns, string? company = null, string? companyName = null, string? imsOrgId = null) =>
        Param(ns, "getCompanyInfo", Field("companyHandle", company) + Field("companyName", companyName) + Field("imsOrgId", imsOrgId));

    public static string GetCompanyMembership(string ns, string? userHandle = null) =>
        Param(ns, "getCompanyMembership", Field("userHandle", userHandle));

    public static string GetUserInfo(string ns, string? userHandle = null, string? email = null) =>
        Param(ns, "getUserInfo", Field("userHandle", userHandle) + Field("email", email));

    public static string CheckLogin(string ns, string? company, string email, string password) =>
        Param(ns, "checkLogin", Field("companyHandle", company) + Field("email", email) + Field("password", password));

    public static string GetCompanySettings(string ns, string company) =>
        Param(ns, "getCompanySettings", Field("companyHandle", company));

    /// <summary>getFolderTree; a negative depth reaches every level.</summary>
    public static string GetFolderTree(string ns, string company, string? folderPath, int depth) =>
        Param(ns, "getFolderTree", Field("companyHandle", company) + Field("folderPath", folderPath)
            + Field("depth", depth.ToString(CultureInfo.InvariantCulture)));

    public static string GetFolders(string ns, string company, string? folderPath = null) =>
        Param(ns, "getFolders", Field("companyHandle", company) + Field("folderPath", folderPath));

    public static string CreateFolder(string ns, string company, string folderPath) =>
        Param(ns, "createFolder", Field("companyHandle", company) + Field("folderPath", folderPath));

    public static string DeleteFolder(string ns, string company, string folderHandle) =>
        Param(ns, "deleteFolder", Field("companyHandle", company) + Field("folderHandle", folderHandle));

    public static string RenameFolder(string ns, string company, string folderHandle, string folderName) =>
        Param(ns, "renameFolder", Field("companyHandle", company) + Field("folderHandle", folderHandle) + Field("folderName", folderName));

    public static string MoveFolder(string ns, string company, string folderHandle, string destFolderHandle) =>
        Param(ns, "moveFolder", Field("companyHandle", company) + Field("folderHandle", folderHandle) + Field("destFolderHandle", destFolderHandle));

    /// <summary>An array of strings or handles: <c>&lt;name&gt;&lt;items&gt;...&lt;/items&gt;...&lt;/name&gt;</c>.</summary>
    public static string Items(string name, params string[] values) => $"<{name}>{string.Concat(values.Select(v => Field("items", v)))}</{name}>";

    public static string GetAssetsByName(string ns, string company, params string[] names) =>
        Param(ns, "getAssetsByName", Field("companyHandle", company) + Items("nameArray", names));

    /// <summary>getAssets of the handles, answering only the asset fields named (all when none are).</summary>
    public static string GetAssets(string ns, string company, string[] handles, params string[] fields) =>
        Param(ns, "getAssets", Field("companyHandle", company) + Items("assetHandleArray", handles)
            + (fields.Length == 0 ? "" : Items("responseFieldArray", fields)));

    /// <summary>searchAssets of one folder, a page of a size, by name.</summary>
    public static string SearchAssets(string ns, string company, string folder, int recordsPerPage, int resultsPage) =>
        Param(ns, "searchAssets", Field("companyHandle", company) + Field("folder", folder)
            + Field("recordsPerPage", recordsPerPage.ToString(CultureInfo.InvariantCulture))
            + Field("resultsPage", resultsPage.ToString(CultureInfo.InvariantCulture)));

    /// <summary>searchAssetsByMetadata of the assets whose field has the value, answering that field.</summary>
    public static string SearchAssetsByMetadata(string ns, string company, string fieldHandle, string value) =>
        Param(ns, "searchAssetsByMetadata", Field("companyHandle", company)
            + $"<metadataConditionArray><items>{Field("fieldHandle", fieldHandle)}{Field("op", "Equals")}{Field("value", value)}</items></metadataConditionArray>"
            + Items("responseMetadataArray", fieldHandle));

    /// <summary>An operation of a company and one asset: deleteAsset, getAssociatedAssets.</summary>
    public static string OfAsset(string ns, string operation, string company, string assetHandle) =>
        Param(ns, operation, Field("companyHandle", company) + Field("assetHandle", assetHandle));

    /// <summary>An operation of a company and an assetHandleArray: deleteAssets, restoreAssetsFromTrash, emptyAssetsFromTrash.</summary>
    public static string OfAssets(string ns, string operation, string company, params string[] assetHandles) =>
        Param(ns, operation, Field("companyHandle", company) + Items("assetHandleArray", assetHandles));

    public static string RenameAsset(string ns, string company, string assetHandle, string newName, bool validateName) =>
        Param(ns, "renameAsset", Field("companyHandle", company) + Field("assetHandle", assetHandle) + Field("newName", newName)
            + Field("validateName", validateName ? "true" : "false"));

    public static string MoveAsset(string ns, string company, string assetHandle, string folderHandle) =>
        Param(ns, "moveAsset", Field("companyHandle", company) + Field("assetHandle", assetHandle) + Field("folderHandle", folderHandle));

    public static string MoveAssets(string ns, string company, string assetHandle, string folderHandle) =>
        Param(ns, "moveAssets", Field("companyHandle", company)
            + $"<assetMoveArray><items>{Field("assetHandle", assetHandle)}{Field("folderHandle", folderHandle)}</items></assetMoveArray>");

    public static string GetMetadataFields(string ns, string company, string assetType) =>
        Param(ns, "getMetadataFields", Field("companyHandle", company) + Field("assetType", assetType));

    public static string SetAssetMetadata(string ns, string company, string assetHandle, string fieldHandle, string value) =>
        Param(ns, "setAssetMetadata", Field("companyHandle", company) + Field("assetHandle", assetHandle)
            + $"<updateArray><items>{Field("fieldHandle", fieldHandle)}{Field("value", value)}</items></updateArray>");

    public static string BatchSetAssetMetadata(string ns, string company, string[] assetHandles, string fieldHandle, string value) =>
        Param(ns, "batchSetAssetMetadata", Field("companyHandle", company)
            + $"<updateArray><items>{Items("assetHandleArray", assetHandles)}"
            + $"<updateArray><items>{Field("fieldHandle", fieldHandle)}{Field("value", value)}</items></updateArray></items></updateArray>");

    public static string SetAssetPublishState(string ns, string company, string assetHandle, string publishState) =>
        Param(ns, "setAssetPublishState", Field("companyHandle", company) + Field("assetHandle", assetHandle) + Field("publishState", publishState));

    public static string SetAssetsPublishState(string ns, string company, string assetHandle, string publishState) =>
        Param(ns, "setAssetsPublishState", Field("companyHandle", company)
            + $"<publishStateUpdateArray><items>{Field("assetHandle", assetHandle)}{Field("publishState", publishState)}</items></publishStateUpdateArray>");

    public static string Param(string ns, string operation, string content) =>
        $"<{operation}Param xmlns=\"{ns}\">{content}</{operation}Param>";

    public static string Field(string name, string? value) =>
        value is null ? "" : $"<{name}>{SecurityElement.Escape(value)}</{name}>";

    /// <summary>authHeader in the given namespace with the caller's email and password, plus any extra children.</summary>
    public static string AuthHeader(string ns, string user, string password, string extra = "") =>
        $"<authHeader xmlns=\"{ns}\">{Field("user", user)}{Field("password", password)}{extra}</authHeader>";

    public static string Envelope(bool soap12, string header, string body) => soap12
        ? "<soap12:Envelope xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\">"
          + $"<soap12:Header>{header}</soap12:Header><soap12:Body>{body}</soap12:Body></soap12:Envelope>"
        : "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
          + $"<soapenv:Header>{header}</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";
}
