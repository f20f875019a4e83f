"""Every IPS job operation through Python zeep, as a zeep user would write it against the served WSDL.

Run by tests/IpsApi.IntegrationTests/Interop/ClientStacks (or by hand against `./ipsapi run`):

    IPSAPI_WSDL=http://127.0.0.1:8080/scene7/webservice/IpsApi.wsdl IPSAPI_COMPANY=47 \
    IPSAPI_USER=user@example.com IPSAPI_PASSWORD=secret /usr/bin/python3 tests/interop/python/zeep_client.py

Prints one line per call ("ok <operation> ..." or "fault <operation> <faultcode> <faultstring> <code> <reason>")
and exits non-zero on the first answer that is not what a client may rely on. The company should be one the
run may fill with jobs (the test gives it a fresh one); the server must run optimizeImagesJob slowly enough to
be seen running (the test server's executor takes ten seconds).
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

    faults = [
        ("submitJob", lambda: service.submitJob(companyHandle=COMPANY, jobName="", imageServingPublishJob=publish, **headers)),
        ("getScheduledJobs", lambda: service.getScheduledJobs(companyHandle="no-such-company", **headers)),
        ("stopJob", lambda: service.stopJob(companyHandle=COMPANY, jobHandle=handle, **headers)),
        ("getActiveJobs", lambda: service.getActiveJobs(
            companyHandle=COMPANY, _soapheaders=[auth_header(user=USER, password="not the password")])),
    ]
    for operation, call in faults:
        faultcode, faultstring, name, code, reason = fault_of(call)
        print(f"fault {operation} {faultcode} {faultstring} {name} {code} {reason}", flush=True)

    print("zeep: all job operations ok", flush=True)


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
