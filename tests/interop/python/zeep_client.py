"""Every operation of the server through Python zeep, as a zeep user would write it against the served WSDL.

Run by tests/IpsApi.IntegrationTests/Interop/ClientStacks (or by hand against `./ipsapi run`):

    IPSAPI_WSDL=http://127.0.0.1:8080/scene7/webservice/IpsApi.wsdl IPSAPI_COMPANY=47 \
    IPSAPI_COMPANY_NAME="Demo Company" IPSAPI_USER=user@example.com IPSAPI_PASSWORD=secret \
    IPSAPI_ADMIN_USER=admin@example.com IPSAPI_ADMIN_PASSWORD=... /usr/bin/python3 tests/interop/python/zeep_client.py

Prints one line per call ("ok <operation> ..." or "fault <operation> <faultcode> <faultstring> <code> <reason>")
and exits non-zero on the first answer that is not what a client may rely on. The company should be one the
run may fill with jobs and folders (the test gives it a fresh one), holding the assets tour/one.jpg, tour/two.jpg
and tour/doc.pdf; the server must run optimizeImagesJob slowly
enough to be seen running (the test server's executor takes ten seconds). getCompanySettings is for company
administrators: IPSAPI_ADMIN_USER and IPSAPI_ADMIN_PASSWORD name one of the company (the user when not set).
"""

import os
import sys
import time
import uuid
import warnings

# Any warning zeep gives while loading the WSDL or parsing an answer is a defect of our WSDL or answers.
warnings.simplefilter("error")
warnings.filterwarnings("ignore", category=DeprecationWarning)

import zeep  # noqa: E402  (after the warning filters, so import-time warnings are caught too)
from zeep.exceptions import Fault  # noqa: E402

IPS = "http://www.scene7.com/IpsApi/xsd"
FAR_FUTURE_CRON = "0 0 3 1 1 ? 2099"


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"{name} is not set")
    return value


WSDL, COMPANY, USER, PASSWORD = env("IPSAPI_WSDL"), env("IPSAPI_COMPANY"), env("IPSAPI_USER"), env("IPSAPI_PASSWORD")
COMPANY_NAME = env("IPSAPI_COMPANY_NAME")
ADMIN_USER = os.environ.get("IPSAPI_ADMIN_USER") or USER
ADMIN_PASSWORD = os.environ.get("IPSAPI_ADMIN_PASSWORD") or PASSWORD


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}", flush=True)
        sys.exit(1)


def items(array):
    """zeep flattens a Return whose only child is an array of items into the list itself (None when empty)."""
    if array is None:
        return []
    return list(array) if isinstance(array, list) else list(array["items"] or [])


def fault_of(call):
    """Runs a call that must fail and returns (faultcode, faultstring, detail element name, code, reason)."""
    try:
        call()
    except Fault as fault:
        detail = fault.detail[0]
        name = detail.tag.split("}")[1]
        code = int(detail.findtext(f"{{{IPS}}}code"))
        reason = detail.findtext(f"{{{IPS}}}reason")
        return fault.code, fault.message, name, code, reason
    check(False, "a fault was expected")


def main():
    client = zeep.Client(WSDL)
    service = client.bind("IpsApiService", "IpsApiSoapPort")
    auth_header = client.get_element(f"{{{IPS}}}authHeader")
    auth = auth_header(user=USER, password=PASSWORD, appName="zeep", appVersion=zeep.__version__)
    headers = {"_soapheaders": [auth]}
    suffix = uuid.uuid4().hex[:8]
    publish = {"publishType": "Full", "emailSetting": "None"}

    name = f"zeep scheduled {suffix}"
    handle = service.submitJob(companyHandle=COMPANY, jobName=name, execSchedule=FAR_FUTURE_CRON,
                               imageServingPublishJob=publish, **headers)
    check(handle == f"{COMPANY}|{name}|", f"submitJob answered {handle!r}")
    print(f"ok submitJob {handle}", flush=True)

    scheduled = items(service.getScheduledJobs(companyHandle=COMPANY, jobHandle=handle, **headers))
    check(len(scheduled) == 1 and scheduled[0].triggerState == "Normal", f"getScheduledJobs: {scheduled}")
    check(scheduled[0].nextFireTime.year == 2099, "nextFireTime is read as a datetime in 2099")
    print(f"ok getScheduledJobs {scheduled[0].triggerState} {scheduled[0].nextFireTime.year}", flush=True)

    for operation in ("pauseJob", "resumeJob", "executeJob"):
        answer = getattr(service, operation)(companyHandle=COMPANY, jobHandle=handle, **headers)
        check(answer is None, f"{operation} answered {answer!r}")
        print(f"ok {operation}", flush=True)

    logs = wait_for(lambda: items(service.getJobLogs(companyHandle=COMPANY, **headers)),
                    lambda items: any(log.jobName == name and log.endDate is not None for log in items),
                    "the executed run's job log")
    print(f"ok getJobLogs {len(logs)}", flush=True)

    details = items(service.getJobLogDetails(companyHandle=COMPANY, originalName=name, sortBy="Date", **headers))
    check(len(details) == 1 and len(items(details[0].detailArray)) == details[0].detailTotalRows > 0, "getJobLogDetails has records")
    print(f"ok getJobLogDetails {details[0].detailTotalRows}", flush=True)

    assets = items(service.getAssetJobLogs(companyHandle=COMPANY, assetHandle="a|never-named", **headers))
    check(len(assets) == 0, "getAssetJobLogs of an unknown asset is empty")
    print("ok getAssetJobLogs 0", flush=True)

    slow = f"zeep running {suffix}"
    service.submitJob(companyHandle=COMPANY, jobName=slow, optimizeImagesJob={"emailSetting": "None"}, **headers)
    active = wait_for(lambda: items(service.getActiveJobs(companyHandle=COMPANY, **headers)),
                      lambda items: any(job.name == slow and job.state == "Running" for job in items),
                      "the slow job running")
    running = next(job for job in active if job.name == slow)
    print(f"ok getActiveJobs {running.state} {running.type}", flush=True)
    check(service.stopJob(companyHandle=COMPANY, jobHandle=running.jobHandle, **headers) is None, "stopJob")
    print("ok stopJob", flush=True)

    check(service.deleteJob(companyHandle=COMPANY, jobHandle=handle, **headers) is None, "deleteJob")
    check(not any(job.name == name for job in items(service.getScheduledJobs(companyHandle=COMPANY, **headers))), "the deleted job is gone")
    print("ok deleteJob", flush=True)

    company(service, headers, {"_soapheaders": [auth_header(user=ADMIN_USER, password=ADMIN_PASSWORD, appName="zeep")]})
    folders(service, headers, f"zeep-{suffix}")
    assets(service, headers)

    faults = [
        ("submitJob", lambda: service.submitJob(companyHandle=COMPANY, jobName="", imageServingPublishJob=publish, **headers)),
        ("getScheduledJobs", lambda: service.getScheduledJobs(companyHandle="no-such-company", **headers)),
        ("stopJob", lambda: service.stopJob(companyHandle=COMPANY, jobHandle=handle, **headers)),
        ("getActiveJobs", lambda: service.getActiveJobs(
            companyHandle=COMPANY, _soapheaders=[auth_header(user=USER, password="not the password")])),
        ("getCompanyInfo", lambda: service.getCompanyInfo(companyName="No Such Company", **headers)),
        ("createFolder", lambda: service.createFolder(companyHandle=COMPANY, folderPath="products/../../escape", **headers)),
        ("getAssetsByName", lambda: service.getAssetsByName(companyHandle=COMPANY, nameArray={"items": []}, **headers)),
    ]
    for operation, call in faults:
        faultcode, faultstring, name, code, reason = fault_of(call)
        print(f"fault {operation} {faultcode} {faultstring} {name} {code} {reason}", flush=True)

    print("zeep: all operations ok", flush=True)


def company(service, headers, admin_headers):
    """What an integration asks first: its company's handle by name, who it is, and the company's settings."""
    info = service.getCompanyInfo(companyName=COMPANY_NAME, **headers)
    check(info.companyHandle == COMPANY and info.rootPath == f"{COMPANY_NAME}/", f"getCompanyInfo: {info}")
    print(f"ok getCompanyInfo {info.companyHandle} {info.rootPath}", flush=True)

    memberships = items(service.getCompanyMembership(**headers))
    check(any(m.company.companyHandle == COMPANY and m.isActive is True for m in memberships), f"getCompanyMembership: {memberships}")
    print(f"ok getCompanyMembership {len(memberships)}", flush=True)

    user = service.getUserInfo(**headers)
    check(user.email.lower() == USER.lower() and user.isValid is True, f"getUserInfo: {user}")
    print(f"ok getUserInfo {user.defaultRole}", flush=True)

    valid = service.checkLogin(companyHandle=COMPANY, email=USER, password=PASSWORD, **headers)
    invalid = service.checkLogin(companyHandle=COMPANY, email=USER, password="not the password", **headers)
    check((valid, invalid) == ("ValidLogin", "InvalidLogin"), f"checkLogin: {valid}, {invalid}")
    print(f"ok checkLogin {valid} {invalid}", flush=True)

    settings = service.getCompanySettings(companyHandle=COMPANY, **admin_headers)
    check(bool(settings.timeZone), f"getCompanySettings: {settings}")
    print(f"ok getCompanySettings {settings.timeZone}", flush=True)


def folders(service, headers, base):
    """Folders written in the path forms clients use, under one folder of this run's own, which goes at the end."""
    root = f"{COMPANY_NAME}/"
    shoes = service.createFolder(companyHandle=COMPANY, folderPath=f"/{root}{base}/products/shoes/", **headers)
    archive = service.createFolder(companyHandle=COMPANY, folderPath=f"{base}/archive", **headers)
    check(shoes.startswith(f"f|{COMPANY}|"), f"createFolder answered {shoes!r}")
    print(f"ok createFolder {shoes}", flush=True)

    listed = items(service.getFolders(companyHandle=COMPANY, folderPath=f"{base}/products", **headers))
    check([f.path for f in listed] == [f"{root}{base}/products/", f"{root}{base}/products/shoes/"], f"getFolders: {listed}")
    check(listed[1].folderHandle == shoes and listed[1].lastModified.year >= 2024, "getFolders: the new folder's handle and time")
    print(f"ok getFolders {len(listed)}", flush=True)

    renamed = service.renameFolder(companyHandle=COMPANY, folderHandle=shoes, folderName="boots", **headers)
    moved = service.moveFolder(companyHandle=COMPANY, folderHandle=shoes, destFolderHandle=archive, **headers)
    check(renamed == shoes and moved == shoes, f"renameFolder, moveFolder answered {renamed!r}, {moved!r}")
    print("ok renameFolder", flush=True)
    print("ok moveFolder", flush=True)

    tree = items(service.getFolderTree(companyHandle=COMPANY, folderPath=f"{root}{base}/", depth=-1, **headers))
    check(len(tree) == 1 and tree[0].hasSubfolders is True, f"getFolderTree: {tree}")
    top = items(tree[0].subfolderArray)
    check([f.path for f in top] == [f"{root}{base}/archive/", f"{root}{base}/products/"], f"getFolderTree: {top}")
    boots = items(top[0].subfolderArray)
    check(len(boots) == 1 and (boots[0].folderHandle, boots[0].path) == (shoes, f"{root}{base}/archive/boots/"), f"getFolderTree: {boots}")
    print(f"ok getFolderTree {boots[0].path}", flush=True)

    check(service.deleteFolder(companyHandle=COMPANY, folderHandle=shoes, **headers) is None, "deleteFolder")
    archived = items(service.getFolderTree(companyHandle=COMPANY, folderPath=f"{base}/archive", depth=1, **headers))
    check(archived[0].hasSubfolders is False and archived[0].subfolderArray is None, f"the deleted folder is gone: {archived}")
    print("ok deleteFolder", flush=True)

    own = items(service.getFolders(companyHandle=COMPANY, folderPath=base, **headers))[0]
    service.deleteFolder(companyHandle=COMPANY, folderHandle=own.folderHandle, **headers)


def assets(service, headers):
    """What integrations do after an upload, in the folder tour/ the test filled with one.jpg, two.jpg and doc.pdf:
    find the assets, describe them, tidy them up, send them through the trash."""
    found = items(service.getAssetsByName(companyHandle=COMPANY, nameArray={"items": ["one", "TWO", "doc"]}, **headers))
    check([a.name for a in found] == ["doc", "one", "two"], f"getAssetsByName: {[a.name for a in found]}")
    check(found[1].imageInfo.width == 64 and found[1].created.year >= 2024, "getAssetsByName reads imageInfo and dates")
    doc, one, two = (a.assetHandle for a in found)
    print(f"ok getAssetsByName {len(found)}", flush=True)

    chosen = items(service.getAssets(companyHandle=COMPANY, assetHandleArray={"items": [two, one]}, responseFieldArray={"items": ["name", "fileName"]}, **headers))
    check([(a.name, a.fileName, a.assetHandle) for a in chosen] == [("two", "two.jpg", None), ("one", "one.jpg", None)], f"getAssets: {chosen}")
    print("ok getAssets 2 fields", flush=True)

    page = service.searchAssets(companyHandle=COMPANY, folder="tour", recordsPerPage=2, resultsPage=2, sortBy="Name", **headers)
    check(page.totalRows == 3 and [a.name for a in items(page.assetArray)] == ["two"], f"searchAssets: {page}")
    print(f"ok searchAssets {page.totalRows}", flush=True)

    by_metadata = service.searchAssetsByMetadata(companyHandle=COMPANY, metadataConditionArray={"items": [{"fieldHandle": "name", "op": "Equals", "value": "ONE"}]}, **headers)
    check(by_metadata.totalRows == 1 and items(by_metadata.assetSummaryArray)[0].filename == "one.jpg", f"searchAssetsByMetadata: {by_metadata}")
    print("ok searchAssetsByMetadata 1", flush=True)

    tally = {n.assetType: n.count for n in items(service.getAssetCounts(companyHandle=COMPANY, **headers))}
    check(tally == {"Image": 2, "Pdf": 1}, f"getAssetCounts: {tally}")
    print("ok getAssetCounts", flush=True)

    check(service.setAssetMetadata(companyHandle=COMPANY, assetHandle=one, updateArray={"items": [{"fieldHandle": "color", "value": "red"}]}, **headers) is None, "setAssetMetadata")
    print("ok setAssetMetadata", flush=True)
    update = {"assetHandleArray": {"items": [one, two]}, "updateArray": {"items": [{"fieldHandle": "stock", "longVal": 3}]}}
    batch = service.batchSetAssetMetadata(companyHandle=COMPANY, updateArray={"items": [update]}, **headers)
    check(counts(batch) == (2, 0, 0), f"batchSetAssetMetadata: {batch}")
    print("ok batchSetAssetMetadata", flush=True)
    fields = [f.name for f in items(service.getMetadataFields(companyHandle=COMPANY, assetType="Image", **headers))]
    check(fields == ["color", "stock"], f"getMetadataFields: {fields}")
    print("ok getMetadataFields", flush=True)

    check(service.renameAsset(companyHandle=COMPANY, assetHandle=one, newName="uno", validateName=True, **headers) is None, "renameAsset")
    print("ok renameAsset", flush=True)
    folder = service.createFolder(companyHandle=COMPANY, folderPath="tour/moved", **headers)
    check(service.moveAsset(companyHandle=COMPANY, assetHandle=two, folderHandle=folder, **headers) is None, "moveAsset")
    print("ok moveAsset", flush=True)
    moved = service.moveAssets(companyHandle=COMPANY, assetMoveArray={"items": [{"assetHandle": one, "folderHandle": "tour/moved"}]}, **headers)
    check(counts(moved) == (1, 0, 0), f"moveAssets: {moved}")
    print("ok moveAssets", flush=True)
    in_folder = service.searchAssets(companyHandle=COMPANY, folder="tour/moved", **headers)
    check([a.name for a in items(in_folder.assetArray)] == ["two", "uno"], f"after the moves: {in_folder}")

    associated = service.getAssociatedAssets(companyHandle=COMPANY, assetHandle=one, **headers)
    check(associated.containerArray is None and associated.memberArray is None, f"getAssociatedAssets: {associated}")
    print("ok getAssociatedAssets", flush=True)

    check(service.setAssetPublishState(companyHandle=COMPANY, assetHandle=one, publishState="MarkedForPublish", **headers) is None, "setAssetPublishState")
    print("ok setAssetPublishState", flush=True)
    states = service.setAssetsPublishState(companyHandle=COMPANY, publishStateUpdateArray={"items": [{"assetHandle": two, "publishState": "NotMarkedForPublish"}]}, **headers)
    check(counts(states) == (1, 0, 0), f"setAssetsPublishState: {states}")
    print("ok setAssetsPublishState", flush=True)

    check(service.deleteAsset(companyHandle=COMPANY, assetHandle=doc, **headers) is None, "deleteAsset")
    print("ok deleteAsset", flush=True)
    deleted = service.deleteAssets(companyHandle=COMPANY, assetHandleArray={"items": [doc, two]}, **headers)
    check(counts(deleted) == (1, 1, 0) and deleted.warningDetailArray["items"][0].assetHandle == doc, f"deleteAssets: {deleted}")
    print("ok deleteAssets", flush=True)
    restored = service.restoreAssetsFromTrash(companyHandle=COMPANY, assetHandleArray={"items": [two]}, **headers)
    check(counts(restored) == (1, 0, 0), f"restoreAssetsFromTrash: {restored}")
    print("ok restoreAssetsFromTrash", flush=True)
    emptied = service.emptyAssetsFromTrash(companyHandle=COMPANY, assetHandleArray={"items": [doc, one]}, **headers)
    check(counts(emptied) == (1, 0, 1), f"emptyAssetsFromTrash: {emptied}")
    print("ok emptyAssetsFromTrash", flush=True)
    trash = service.searchAssets(companyHandle=COMPANY, folder="tour", trashState="Any", includeSubfolders=True, **headers)
    check(trash.totalRows == 2, f"what is left: {trash}")


def counts(answer):
    return answer.successCount, answer.warningCount, answer.errorCount


def wait_for(probe, done, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        value = probe()
        if done(value):
            return value
        check(time.monotonic() < deadline, f"waited {seconds} s for {what}")
        time.sleep(0.2)


if __name__ == "__main__":
    main()
