"""A zeep client of a dated WSDL (IpsApi-<version>.wsdl), as integrations written against one load it.

Run by tests/IpsApi.IntegrationTests/Interop/ClientStacks (or by hand against `./ipsapi run`):

    IPSAPI_DATED_WSDL=http://127.0.0.1:8080/scene7/webservice/IpsApi-2008-09-10.wsdl IPSAPI_COMPANY=47 \
    IPSAPI_USER=user@example.com IPSAPI_PASSWORD=secret /usr/bin/python3 tests/interop/python/zeep_dated.py

The WSDL's types, authHeader included, are in the version's namespace, so zeep sends the body and the header in
it; the fault details are in the unversioned namespace, where the server answers them. Prints "ok submitJob ...",
"ok getJobLogs ..." and "fault getScheduledJobs ..." lines like zeep_client.py and exits non-zero on anything a
client could not rely on.
"""

import os
import sys
import time
import uuid
import warnings

warnings.simplefilter("error")
warnings.filterwarnings("ignore", category=DeprecationWarning)

import zeep  # noqa: E402
from zeep.exceptions import Fault  # noqa: E402
from zeep.plugins import HistoryPlugin  # noqa: E402

IPS = "http://www.scene7.com/IpsApi/xsd"


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"{name} is not set")
    return value


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}", flush=True)
        sys.exit(1)


WSDL, COMPANY = env("IPSAPI_DATED_WSDL"), env("IPSAPI_COMPANY")
VERSION = WSDL.rsplit("IpsApi-", 1)[1].split(".wsdl", 1)[0]
DATED = f"{IPS}/{VERSION}"


def main():
    history = HistoryPlugin()
    client = zeep.Client(WSDL, plugins=[history])
    service = client.bind("IpsApiService", "IpsApiSoapPort")
    auth = client.get_element(f"{{{DATED}}}authHeader")(user=env("IPSAPI_USER"), password=env("IPSAPI_PASSWORD"), appName="zeep")
    name = f"zeep dated {uuid.uuid4().hex[:8]}"

    handle = service.submitJob(companyHandle=COMPANY, jobName=name, execSchedule="0 0 3 1 1 ? 2099",
                               imageServingPublishJob={"publishType": "Full", "emailSetting": "None"}, _soapheaders=[auth])
    body = history.last_sent["envelope"].find("{http://schemas.xmlsoap.org/soap/envelope/}Body")[0]
    check(body.tag == f"{{{DATED}}}submitJobParam", f"the body went as {body.tag}")
    check(handle == f"{COMPANY}|{name}|", f"submitJob answered {handle!r}")
    print(f"ok submitJob {VERSION} {handle}", flush=True)

    # A job log, whose JobLog has grown since the oldest versions: the answer must hold only what this WSDL declares
    # (zeep refuses an element its schema does not have).
    service.executeJob(companyHandle=COMPANY, jobHandle=handle, _soapheaders=[auth])
    deadline = time.monotonic() + 60
    while True:
        logs = service.getJobLogs(companyHandle=COMPANY, _soapheaders=[auth]) or []
        ended = [log for log in logs if log.jobName == name and log.endDate is not None]
        if ended:
            break
        check(time.monotonic() < deadline, "waited 60 s for the executed run's job log")
        time.sleep(0.2)
    print(f"ok getJobLogs {VERSION} {ended[0].jobName} {ended[0].fileSuccessCount}", flush=True)

    try:
        service.getScheduledJobs(companyHandle="no-such-company", _soapheaders=[auth])
        check(False, "a fault was expected")
    except Fault as fault:
        detail = fault.detail[0]
        code = detail.findtext(f"{{{IPS}}}code")
        print(f"fault getScheduledJobs {fault.code} {fault.message} {detail.tag.split('}')[1]} {code} {detail.findtext(f'{{{IPS}}}reason')}", flush=True)


if __name__ == "__main__":
    main()
