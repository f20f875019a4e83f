"""Every IPS asset operation through Python zeep, as a zeep user would write it against the served WSDL.

Run by tests/IpsApi.IntegrationTests/Interop/ClientStacks/PythonZeepAssetTests.cs, which gives it a company holding
the assets zeep/one.jpg, zeep/two.jpg and zeep/doc.pdf (or by hand against `./ipsapi run` with such a company):

    IPSAPI_WSDL=http://127.0.0.1:8080/scene7/webservice/IpsApi.wsdl IPSAPI_COMPANY=47 \
    IPSAPI_USER=user@example.com IPSAPI_PASSWORD=secret /usr/bin/python3 tests/interop/python/zeep_assets.py

Prints one line per call ("ok <operation> ..." or "fault <operation> <code> <reason>") and exits non-zero on the first
answer that is not what a client may rely on.
"""

import os
import sys
import warnings

# Any warning zeep gives while loading the WSDL or parsing an answer is a defect of our WSDL or answers.
warnings.simplefilter("error")
warnings.filterwarnings("ignore", category=DeprecationWarning)

import zeep  # noqa: E402
from zeep.exceptions import Fault  # noqa: E402

IPS = "http://www.scene7.com/IpsApi/xsd"


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"{name} is not set")
    return value


WSDL, COMPANY, USER, PASSWORD = env("IPSAPI_WSDL"), env("IPSAPI_COMPANY"), env("IPSAPI_USER"), env("IPSAPI_PASSWORD")


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
    try:
        call()
    except Fault as fault:
        detail = fault.detail[0]
        return int(detail.findtext(f"{{{IPS}}}code")), detail.findtext(f"{{{IPS}}}reason")
    check(False, "a fault was expected")


def counts(answer):
    return answer.successCount, answer.warningCount, answer.errorCount


def main():
    client = zeep.Client(WSDL)
    service = client.bind("IpsApiService", "IpsApiSoapPort")
    auth = client.get_element(f"{{{IPS}}}authHeader")(user=USER, password=PASSWORD, appName="zeep", appVersion=zeep.__version__)
    headers = {"_soapheaders": [auth]}
    c = {"companyHandle": COMPANY}

    found = items(service.getAssetsByName(**c, nameArray={"items": ["one", "TWO", "doc"]}, **headers))
    check([a.name for a in found] == ["doc", "one", "two"], f"getAssetsByName: {[a.name for a in found]}")
    check(found[1].imageInfo.width == 64 and found[1].created.year >= 2024, "getAssetsByName reads imageInfo and dates")
    doc, one, two = (a.assetHandle for a in found)
    print(f"ok getAssetsByName {len(found)}", flush=True)

    chosen = items(service.getAssets(**c, assetHandleArray={"items": [two, one]}, responseFieldArray={"items": ["name", "fileName"]}, **headers))
    check([(a.name, a.fileName, a.assetHandle) for a in chosen] == [("two", "two.jpg", None), ("one", "one.jpg", None)], f"getAssets: {chosen}")
    print("ok getAssets 2 fields", flush=True)

    page = service.searchAssets(**c, folder="zeep", recordsPerPage=2, resultsPage=2, sortBy="Name", **headers)
    check(page.totalRows == 3 and [a.name for a in items(page.assetArray)] == ["two"], f"searchAssets: {page}")
    print(f"ok searchAssets {page.totalRows}", flush=True)

    by_metadata = service.searchAssetsByMetadata(**c, metadataConditionArray={"items": [{"fieldHandle": "name", "op": "Equals", "value": "ONE"}]}, **headers)
    check(by_metadata.totalRows == 1 and items(by_metadata.assetSummaryArray)[0].filename == "one.jpg", f"searchAssetsByMetadata: {by_metadata}")
    print("ok searchAssetsByMetadata 1", flush=True)

    tally = {n.assetType: n.count for n in items(service.getAssetCounts(**c, **headers))}
    check(tally == {"Image": 2, "Pdf": 1}, f"getAssetCounts: {tally}")
    print("ok getAssetCounts", flush=True)

    check(service.setAssetMetadata(**c, assetHandle=one, updateArray={"items": [{"fieldHandle": "color", "value": "red"}]}, **headers) is None, "setAssetMetadata")
    print("ok setAssetMetadata", flush=True)
    batch = service.batchSetAssetMetadata(**c, updateArray={"items": [{"assetHandleArray": {"items": [one, two]},
                                                                        "updateArray": {"items": [{"fieldHandle": "stock", "longVal": 3}]}}]}, **headers)
    check(counts(batch) == (2, 0, 0), f"batchSetAssetMetadata: {batch}")
    print("ok batchSetAssetMetadata", flush=True)
    fields = [f.name for f in items(service.getMetadataFields(**c, assetType="Image", **headers))]
    check(fields == ["color", "stock"], f"getMetadataFields: {fields}")
    print("ok getMetadataFields", flush=True)

    check(service.renameAsset(**c, assetHandle=one, newName="uno", validateName=True, **headers) is None, "renameAsset")
    print("ok renameAsset", flush=True)
    folder = service.createFolder(**c, folderPath="zeep/moved", **headers)
    check(service.moveAsset(**c, assetHandle=two, folderHandle=folder, **headers) is None, "moveAsset")
    print("ok moveAsset", flush=True)
    moved = service.moveAssets(**c, assetMoveArray={"items": [{"assetHandle": one, "folderHandle": "zeep/moved"}]}, **headers)
    check(counts(moved) == (1, 0, 0), f"moveAssets: {moved}")
    print("ok moveAssets", flush=True)
    in_folder = service.searchAssets(**c, folder="zeep/moved", **headers)
    check([a.name for a in items(in_folder.assetArray)] == ["two", "uno"], f"after the moves: {in_folder}")

    associated = service.getAssociatedAssets(**c, assetHandle=one, **headers)
    check(associated.containerArray is None and associated.memberArray is None, f"getAssociatedAssets: {associated}")
    print("ok getAssociatedAssets", flush=True)

    check(service.setAssetPublishState(**c, assetHandle=one, publishState="MarkedForPublish", **headers) is None, "setAssetPublishState")
    print("ok setAssetPublishState", flush=True)
    states = service.setAssetsPublishState(**c, publishStateUpdateArray={"items": [{"assetHandle": two, "publishState": "NotMarkedForPublish"}]}, **headers)
    check(counts(states) == (1, 0, 0), f"setAssetsPublishState: {states}")
    print("ok setAssetsPublishState", flush=True)

    check(service.deleteAsset(**c, assetHandle=doc, **headers) is None, "deleteAsset")
    print("ok deleteAsset", flush=True)
    deleted = service.deleteAssets(**c, assetHandleArray={"items": [doc, two]}, **headers)
    check(counts(deleted) == (1, 1, 0) and deleted.warningDetailArray["items"][0].assetHandle == doc, f"deleteAssets: {deleted}")
    print("ok deleteAssets", flush=True)
    restored = service.restoreAssetsFromTrash(**c, assetHandleArray={"items": [two]}, **headers)
    check(counts(restored) == (1, 0, 0), f"restoreAssetsFromTrash: {restored}")
    print("ok restoreAssetsFromTrash", flush=True)
    emptied = service.emptyAssetsFromTrash(**c, assetHandleArray={"items": [doc, one]}, **headers)
    check(counts(emptied) == (1, 0, 1), f"emptyAssetsFromTrash: {emptied}")
    print("ok emptyAssetsFromTrash", flush=True)
    trash = service.searchAssets(**c, folder="zeep", trashState="Any", includeSubfolders=True, **headers)
    check(trash.totalRows == 2, f"what is left: {trash}")

    faults = [
        ("renameAsset", lambda: service.renameAsset(**c, assetHandle=doc, newName="x", validateName=False, **headers)),
        ("getAssetsByName", lambda: service.getAssetsByName(**c, nameArray={"items": []}, **headers)),
        ("searchAssets", lambda: service.searchAssets(**c, sortBy="Colour", **headers)),
    ]
    for operation, call in faults:
        code, reason = fault_of(call)
        print(f"fault {operation} {code} {reason}", flush=True)

    print("zeep: all asset operations ok", flush=True)


if __name__ == "__main__":
    main()
