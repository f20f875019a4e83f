#!/usr/bin/env python3
"""Writes the bad-input corpus: one file per request under tests/corpus/<category>/, the files those requests
make the server download under tests/corpus/files/, and cases.tsv (path, expected outcome, what it tries).

The files are committed; run this again only to change the corpus (python3 tests/corpus/generate.py).
Placeholders the replaying test fills in, byte for byte: @@USER@@ @@PASSWORD@@ @@COMPANY@@ @@JOB@@ @@FILES@@ @@HTTP@@.

Expected outcomes:
  fault <code>          the request is answered with this SOAP fault code and nothing is stored
  run <LogType>         the job is accepted; its run ends with a JobLog record of this type (UploadError: and makes no asset)
  ok                    odd but harmless: answered without a fault (the server stays up and says nothing it should not)
"""
import io
import os
import shutil
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
IPS = "http://www.scene7.com/IpsApi/xsd"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
AUTH = f'<authHeader xmlns="{IPS}"><user>@@USER@@</user><password>@@PASSWORD@@</password></authHeader>'

cases = []  # (relative path, expectation, description)


def envelope(body, header=AUTH, prolog=""):
    return (f'{prolog}<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header>{header}</soapenv:Header>'
            f"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>")


def submit(inner, head=""):
    return (f'<submitJobParam xmlns="{IPS}"><companyHandle>@@COMPANY@@</companyHandle><jobName>@@JOB@@</jobName>'
            f"{head}{inner}</submitJobParam>")


def op(name, inner):
    return f'<{name} xmlns="{IPS}">{inner}</{name}>'


def upload_urls(items=None, num_urls="", overwrite="true", ready="false", preserve="", create_mask="false",
                preserve_crop="", options="", email="None", post="", tail=""):
    if items is None:
        items = [("http://example.com/a.png", "corpus/a.png")]
    urls = "".join(f"<items><sourceUrl>{u}</sourceUrl><destPath>{d}</destPath></items>" for u, d in items)
    return (f"<uploadUrlsJob><urlArray>{urls}</urlArray>{num_urls}<overwrite>{overwrite}</overwrite>"
            f"<readyForPublish>{ready}</readyForPublish>{preserve}<createMask>{create_mask}</createMask>{preserve_crop}"
            f"{options}<emailSetting>{email}</emailSetting>{post}{tail}</uploadUrlsJob>")


def upload_directory(dest="corpus", server_dir="incoming", include="true", metadata="false", overwrite="true"):
    return (f"<uploadDirectoryJob><destFolder>{dest}</destFolder><serverDir>{server_dir}</serverDir>"
            f"<overwrite>{overwrite}</overwrite><readyForPublish>false</readyForPublish>"
            f"<includeSubfolders>{include}</includeSubfolders><createMask>false</createMask>"
            f"<processMetadataFiles>{metadata}</processMetadataFiles><emailSetting>None</emailSetting></uploadDirectoryJob>")


def auto_sets(dest="sets", ready="false", handles="<items>a|@@COMPANY@@|1</items>"):
    return (f"<automatedSetGenerationJob><assetHandleArray>{handles}</assetHandleArray><destFolder>{dest}</destFolder>"
            f"<readyForPublish>{ready}</readyForPublish><autoSetCreationOptions><autoSetsArray><items>rule</items>"
            f"</autoSetsArray></autoSetCreationOptions><emailSetting>None</emailSetting></automatedSetGenerationJob>")


PUBLISH = "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting></imageServingPublishJob>"


def add(category, name, content, expect, what):
    path = os.path.join(category, name)
    data = content.encode("utf-8") if isinstance(content, str) else content
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    assert "\t" not in what and "\n" not in what
    cases.append((path, expect, what))


def payload(name, data):
    full = os.path.join(HERE, "files", name)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    return f"@@FILES@@/{name}"


# ------------------------------------------------------------------ malformed and truncated XML

def malformed():
    valid = envelope(submit(PUBLISH))
    cut_points = [1, 10, 40, 80, 120, 160, 200, 260, 300, 340, 380, 420, 460, len(valid) - 30, len(valid) - 1]
    for at in cut_points:
        add("xml-malformed", f"truncated-at-{at}.xml", valid[:at], "fault 30003", f"valid submitJob cut after {at} characters")
    broken = {
        "not-xml.xml": ("this is not xml at all", "plain text"),
        "empty.xml": ("", "an empty body"),
        "whitespace.xml": ("   \n\t  ", "only whitespace"),
        "json.xml": ('{"submitJob": {"jobName": "x"}}', "JSON instead of XML"),
        "html.xml": ("<html><body>hello</body></html>", "an HTML page"),
        "mismatched-tags.xml": (valid.replace("</jobName>", "</jobname>"), "a closing tag that does not match"),
        "unclosed-envelope.xml": (valid.replace("</soapenv:Envelope>", ""), "the envelope never closed"),
        "two-roots.xml": (valid + valid, "two envelopes in one body"),
        "garbage-after-root.xml": (valid + "trailing garbage", "text after the envelope"),
        "undeclared-prefix.xml": (valid.replace('xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"', ""), "the soapenv prefix is never declared"),
        "unquoted-attribute.xml": (valid.replace(f'xmlns="{IPS}"><companyHandle>', f"xmlns={IPS}><companyHandle>", 1), "an attribute value without quotes"),
        "duplicate-attribute.xml": (valid.replace(f'<submitJobParam xmlns="{IPS}"', f'<submitJobParam a="1" a="2" xmlns="{IPS}"'), "the same attribute twice"),
        "unclosed-comment.xml": (valid.replace("<soapenv:Body>", "<soapenv:Body><!-- never closed"), "a comment that never ends"),
        "unclosed-cdata.xml": (valid.replace("@@JOB@@", "<![CDATA[never closed"), "a CDATA section that never ends"),
        "nul-character-reference.xml": (valid.replace("@@JOB@@", "a&#0;b"), "a character reference to NUL"),
        "control-character.xml": (valid.replace("@@JOB@@", "a\x01b"), "a raw control character"),
        "bad-entity-reference.xml": (valid.replace("@@JOB@@", "a&undefined;b"), "an undefined entity"),
        "bare-ampersand.xml": (valid.replace("@@JOB@@", "a & b"), "an ampersand that starts no reference"),
        "lt-in-text.xml": (valid.replace("@@JOB@@", "a < b"), "a raw < in text"),
        "pi-after-start.xml": (valid.replace("<soapenv:Body>", '<soapenv:Body><?xml version="1.0"?>'), "an XML declaration in the middle"),
        "wrong-root.xml": ('<Envelope xmlns="urn:not-soap"><Body/></Envelope>', "a root that is not a SOAP envelope"),
        "no-body.xml": (f'<soapenv:Envelope xmlns:soapenv="{SOAP}"><soapenv:Header>{AUTH}</soapenv:Header></soapenv:Envelope>', "an envelope without Body"),
        "empty-body.xml": (envelope(""), "an empty Body"),
        "text-body.xml": (envelope("just text"), "text instead of an operation element"),
        "unknown-operation.xml": (envelope(op("launchRocketParam", "")), "an operation that does not exist"),
        "foreign-namespace.xml": (envelope('<submitJobParam xmlns="urn:evil"/>'), "submitJobParam in a foreign namespace"),
        "two-operations.xml": (envelope(submit(PUBLISH) + submit(PUBLISH)), "two operation elements in one Body"),
        "bad-xml-version.xml": ('<?xml version="9.9"?>' + valid, "an XML declaration of version 9.9"),
        "long-element-name.xml": (valid.replace("<soapenv:Body>", "<soapenv:Body><" + "a" * 300_000 + "/>"), "an element name of 300,000 characters"),
    }
    for name, (content, what) in broken.items():
        add("xml-malformed", name, content, "fault 30003", what)
    # The envelope's namespace decides the SOAP version, whatever the content type says.
    add("xml-malformed", "soap12-envelope-as-text-xml.xml", valid.replace(SOAP, "http://www.w3.org/2003/05/soap-envelope", 1), "ok",
        "SOAP 1.2 envelope namespace with the SOAP 1.1 content type")


# ------------------------------------------------------------------ DTDs and entities

def entities():
    def with_job(prolog, job):
        return envelope(submit(PUBLISH).replace("@@JOB@@", job), prolog=prolog)

    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    docs = {
        "xxe-file.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"), "external entity reading /etc/passwd"),
        "xxe-http.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/">]>', "&xxe;"), "external entity fetching cloud metadata"),
        "xxe-parameter.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>', "x"), "external parameter entity"),
        "external-dtd.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo SYSTEM "http://127.0.0.1:9/evil.dtd">', "x"), "an external DTD"),
        "external-dtd-file.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo SYSTEM "file:///etc/passwd">', "x"), "an external DTD from a file"),
        "public-dtd.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo PUBLIC "-//EVIL//DTD//EN" "http://127.0.0.1:9/evil.dtd">', "x"), "a public DTD"),
        "billion-laughs.xml": (with_job(f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{lol}]>', "&lol9;"), "billion laughs, 10^9 expansions"),
        "quadratic-blowup.xml": (with_job('<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + "x" * 50_000 + '">]>', "&a;" * 5_000), "one 50 KB entity referenced 5,000 times"),
        "internal-dtd-only.xml": (with_job('<?xml version="1.0"?><!DOCTYPE foo [<!ELEMENT foo ANY>]>', "x"), "an internal DTD without entities"),
        "doctype-in-body.xml": (envelope(submit(PUBLISH)).replace("<soapenv:Body>", "<soapenv:Body><!DOCTYPE x>"), "a DOCTYPE inside the body"),
        "entity-in-header.xml": (envelope(submit(PUBLISH), header=AUTH.replace("@@PASSWORD@@", "&xxe;"), prolog='<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/shadow">]>'), "external entity in the password"),
        "xinclude.xml": (envelope(submit(PUBLISH)).replace("<soapenv:Body>", '<soapenv:Body><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>'), "XInclude of /etc/passwd beside the operation"),
    }
    for name, (content, what) in docs.items():
        add("xml-entities", name, content, "fault 30003", what)


# ------------------------------------------------------------------ nesting (the 100 MiB bodies are made at test time)

def nesting():
    deep = "<a>" * 10_000 + "</a>" * 10_000
    add("size", "nesting-10000-in-job.xml", envelope(submit(deep)), "fault 30003", "10,000 nested elements inside submitJobParam")
    add("size", "nesting-10000-in-header.xml", envelope(submit(PUBLISH), header=AUTH + deep), "fault 30003", "10,000 nested elements in the SOAP header")
    add("size", "nesting-65.xml", envelope(submit("<a>" * 65 + "</a>" * 65)), "fault 30003", "one level deeper than the limit of 64")
    add("size", "nesting-unclosed-10000.xml", envelope(submit("<a>" * 10_000)), "fault 30003", "10,000 elements opened and never closed")
    add("size", "wide-100000-siblings.xml", envelope(submit("<a/>" * 100_000)), "fault 30001", "100,000 empty unknown siblings instead of a job element")
    add("size", "attributes-50000.xml", envelope(submit(PUBLISH)).replace("<submitJobParam ", "<submitJobParam " + " ".join(f'a{i}="x"' for i in range(50_000)) + " "), "ok", "50,000 attributes on one element (within the size limit; ignored)")


# ------------------------------------------------------------------ encodings

def encodings():
    valid = envelope(submit(PUBLISH)).encode()

    def replace_job(raw):
        return valid.replace(b"@@JOB@@", raw)

    cases_ = {
        "invalid-two-byte.xml": (replace_job(b"a\xc3\x28b"), "an invalid two-byte sequence in jobName"),
        "lone-continuation.xml": (replace_job(b"a\x80b"), "a lone continuation byte"),
        "overlong-slash.xml": (replace_job(b"a\xc0\xafb"), "an overlong encoding of '/'"),
        "overlong-nul.xml": (replace_job(b"a\xc0\x80b"), "an overlong encoding of NUL"),
        "surrogate-half.xml": (replace_job(b"a\xed\xa0\x80b"), "a UTF-16 surrogate half encoded in UTF-8"),
        "beyond-unicode.xml": (replace_job(b"a\xf4\x90\x80\x80b"), "a code point beyond U+10FFFF"),
        "truncated-sequence-at-end.xml": (valid + b"\xe2\x82", "a three-byte sequence cut short at the end"),
        "ff-fe-bytes.xml": (replace_job(b"a\xff\xfeb"), "bytes 0xFF 0xFE in text"),
        "invalid-in-element-name.xml": (valid.replace(b"<jobName>", b"<job\xc3Name>").replace(b"</jobName>", b"</job\xc3Name>"), "an invalid byte inside an element name"),
        "invalid-in-password.xml": (valid.replace(b"@@PASSWORD@@", b"\xc3\x28"), "an invalid sequence in the password"),
        "utf16-declared-utf8-sent.xml": (b'<?xml version="1.0" encoding="UTF-16"?>' + valid, "declared UTF-16, sent as UTF-8"),
        "unknown-encoding.xml": (b'<?xml version="1.0" encoding="x-no-such-charset"?>' + valid, "an encoding no one knows"),
        "utf16-bom-utf8-body.xml": (b"\xff\xfe" + valid, "a UTF-16 byte order mark before UTF-8 bytes"),
        "nul-bytes.xml": (replace_job(b"a\x00b"), "a raw NUL byte"),
    }
    for name, (content, what) in cases_.items():
        add("encoding", name, content, "fault 30003", what)


# ------------------------------------------------------------------ wrong types, one field at a time

def wrong_types():
    ws = []

    def w(name, body, what, code="30001", header=AUTH):
        ws.append((name, envelope(body, header=header), what, code))

    for value, label in [("maybe", "word"), ("2", "number"), ("TRUE", "uppercase")]:
        w(f"uploadUrls-overwrite-{label}.xml", submit(upload_urls(overwrite=value)), f"overwrite = {value}")
    w("uploadUrls-readyForPublish.xml", submit(upload_urls(ready="yes")), "readyForPublish = yes")
    w("uploadUrls-preservePublishState.xml", submit(upload_urls(preserve="<preservePublishState>nope</preservePublishState>")), "preservePublishState = nope")
    w("uploadUrls-createMask.xml", submit(upload_urls(create_mask="sometimes")), "createMask = sometimes")
    w("uploadUrls-preserveCrop.xml", submit(upload_urls(preserve_crop="<preserveCrop>x</preserveCrop>")), "preserveCrop = x")
    for value, label in [("abc", "word"), ("2147483648", "overflow"), ("1.5", "fraction"), ("", "empty")]:
        w(f"uploadUrls-numUrls-{label}.xml", submit(upload_urls(num_urls=f"<numUrls>{value}</numUrls>")), f"numUrls = '{value}'")
    w("uploadUrls-postJobOnlyIfFiles.xml", submit(upload_urls(post="<postJobOnlyIfFiles>perhaps</postJobOnlyIfFiles>")), "postJobOnlyIfFiles = perhaps")
    w("uploadUrls-excludeMasterVideo.xml", submit(upload_urls(tail="<excludeMasterVideoFromAVS>2</excludeMasterVideoFromAVS>")), "excludeMasterVideoFromAVS = 2")
    for side in ["left", "right", "top", "bottom"]:
        crop = "".join(f"<{s}>{'wide' if s == side else '0'}</{s}>" for s in ["left", "right", "top", "bottom"])
        w(f"manualCrop-{side}-word.xml", submit(upload_urls(options=f"<manualCropOptions>{crop}</manualCropOptions>")), f"manualCropOptions/{side} = wide")
    w("manualCrop-left-nan.xml", submit(upload_urls(options="<manualCropOptions><left>NaN</left><right>0</right><top>0</top><bottom>0</bottom></manualCropOptions>")), "manualCropOptions/left = NaN")
    w("manualCrop-left-infinity.xml", submit(upload_urls(options="<manualCropOptions><left>INF</left><right>0</right><top>0</top><bottom>0</bottom></manualCropOptions>")), "manualCropOptions/left = INF")
    w("autoColorCrop-tolerance.xml", submit(upload_urls(options="<autoColorCropOptions><corner>UpperLeft</corner><tolerance>lots</tolerance></autoColorCropOptions>")), "autoColorCropOptions/tolerance = lots")
    w("autoTransparentCrop-tolerance.xml", submit(upload_urls(options="<autoTransparentCropOptions><tolerance>1e999</tolerance></autoTransparentCropOptions>")), "autoTransparentCropOptions/tolerance = 1e999")
    w("knockout-tolerance.xml", submit(upload_urls(options="<knockoutBackgroundOptions><corner>UpperLeft</corner><tolerance>x</tolerance><fillMethod>None</fillMethod></knockoutBackgroundOptions>")), "knockoutBackgroundOptions/tolerance = x")
    w("pdf-resolution.xml", submit(upload_urls(options="<pdfOptions><process>Rasterize</process><resolution>high</resolution></pdfOptions>")), "pdfOptions/resolution = high")
    w("pdf-extractSearchWords.xml", submit(upload_urls(options="<pdfOptions><process>Rasterize</process><extractSearchWords>often</extractSearchWords></pdfOptions>")), "pdfOptions/extractSearchWords = often")
    w("unsharp-amount.xml", submit(upload_urls(tail="<unsharpMaskOptions><amount>much</amount><radius>1</radius><threshold>0</threshold><monochrome>0</monochrome></unsharpMaskOptions>")), "unsharpMaskOptions/amount = much")
    w("unsharp-threshold.xml", submit(upload_urls(tail="<unsharpMaskOptions><amount>1</amount><radius>1</radius><threshold>1.5</threshold><monochrome>0</monochrome></unsharpMaskOptions>")), "unsharpMaskOptions/threshold = 1.5")
    w("media-generateThumbnail.xml", submit(upload_urls(tail="<mediaOptions><generateThumbnail>please</generateThumbnail></mediaOptions>")), "mediaOptions/generateThumbnail = please")
    w("media-thumbnailTime.xml", submit(upload_urls(tail="<mediaOptions><generateThumbnail>true</generateThumbnail><thumbnailOptions><thumbnailTime>soon</thumbnailTime></thumbnailOptions></mediaOptions>")), "mediaOptions/thumbnailOptions/thumbnailTime = soon")
    for value, label in [("notatime", "word"), ("2024-13-45T00:00:00", "month-13"), ("2024-02-30T25:61:00Z", "impossible"), ("", "empty")]:
        w(f"submit-execTime-{label}.xml", submit(PUBLISH, head=f"<execTime>{value}</execTime>"), f"execTime = '{value}'")
    w("uploadDirectory-includeSubfolders.xml", submit(upload_directory(include="deep")), "includeSubfolders = deep")
    w("uploadDirectory-processMetadataFiles.xml", submit(upload_directory(metadata="y")), "processMetadataFiles = y")
    w("uploadDirectory-overwrite.xml", submit(upload_directory(overwrite="1.0")), "overwrite = 1.0")
    w("autoSets-readyForPublish.xml", submit(auto_sets(ready="ready")), "automatedSetGenerationJob/readyForPublish = ready")
    w("metadataPublish-forcePublish.xml", submit("<metadataPublishJob><forcePublish>force</forcePublish></metadataPublishJob>"), "forcePublish = force")
    w("videoSitemap-forceUpdate.xml", submit("<createVideoSitemapJob><forceUpdate>-1</forceUpdate></createVideoSitemapJob>"), "forceUpdate = -1")
    w("getActiveJobs-includeWaitingJobs.xml", op("getActiveJobsParam", "<companyHandle>@@COMPANY@@</companyHandle><includeWaitingJobs>all</includeWaitingJobs>"), "includeWaitingJobs = all")
    w("getJobLogs-startDate.xml", op("getJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><startDate>yesterday</startDate>"), "getJobLogs startDate = yesterday")
    w("getJobLogs-endDate.xml", op("getJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><endDate>2024-99-01</endDate>"), "getJobLogs endDate = 2024-99-01")
    w("getJobLogs-numRows-word.xml", op("getJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><numRows>ten</numRows>"), "getJobLogs numRows = ten")
    w("getJobLogs-numRows-overflow.xml", op("getJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><numRows>99999999999</numRows>"), "getJobLogs numRows = 99999999999")
    w("getJobLogDetails-recordsPerPage.xml", op("getJobLogDetailsParam", "<companyHandle>@@COMPANY@@</companyHandle><jobHandle>@@COMPANY@@|x|x_2024-01-01-00:00:00.000|1</jobHandle><recordsPerPage>many</recordsPerPage>"), "recordsPerPage = many")
    w("getJobLogDetails-resultsPage.xml", op("getJobLogDetailsParam", "<companyHandle>@@COMPANY@@</companyHandle><jobHandle>@@COMPANY@@|x|x_2024-01-01-00:00:00.000|1</jobHandle><resultsPage>first</resultsPage>"), "resultsPage = first")
    w("authHeader-faultHttpStatusCode.xml", submit(PUBLISH), "authHeader faultHttpStatusCode = abc",
      header=AUTH.replace("</authHeader>", "<faultHttpStatusCode>abc</faultHttpStatusCode></authHeader>"))
    w("authHeader-gzipResponse.xml", submit(PUBLISH), "authHeader gzipResponse = maybe",
      header=AUTH.replace("</authHeader>", "<gzipResponse>maybe</gzipResponse></authHeader>"))
    # Enumerations are strings on the wire, checked against their names.
    enums = {
        "publishType-lowercase.xml": (submit("<imageServingPublishJob><publishType>full</publishType><emailSetting>None</emailSetting></imageServingPublishJob>"), "publishType = full"),
        "publishType-number.xml": (submit("<imageServingPublishJob><publishType>1</publishType><emailSetting>None</emailSetting></imageServingPublishJob>"), "publishType = 1"),
        "emailSetting-unknown.xml": (submit("<optimizeImagesJob><emailSetting>Sometimes</emailSetting></optimizeImagesJob>"), "emailSetting = Sometimes"),
        "export-fmt.xml": (submit("<exportJob><assetHandleArray><items>a|@@COMPANY@@|1</items></assetHandleArray><fmt>gif</fmt><emailSetting>None</emailSetting></exportJob>"), "exportJob fmt = gif"),
        "knockout-corner.xml": (submit(upload_urls(options="<knockoutBackgroundOptions><corner>Middle</corner><tolerance>0.1</tolerance><fillMethod>None</fillMethod></knockoutBackgroundOptions>")), "knockout corner = Middle"),
        "pdf-process.xml": (submit(upload_urls(options="<pdfOptions><process>Shred</process></pdfOptions>")), "pdfOptions process = Shred"),
        "getJobLogs-sortBy.xml": (op("getJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><sortBy>Colour</sortBy>"), "getJobLogs sortBy = Colour"),
        "getJobLogs-sortDirection.xml": (op("getJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><sortDirection>Sideways</sortDirection>"), "getJobLogs sortDirection = Sideways"),
    }
    for name, (body, what) in enums.items():
        w(f"enum-{name}", body, what)
    for name, content, what, code in ws:
        add("wrong-types", name, content, f"fault {code}", what)


# ------------------------------------------------------------------ each validation rule

def validation():
    rules = {
        "missing-jobName.xml": (f'<submitJobParam xmlns="{IPS}"><companyHandle>@@COMPANY@@</companyHandle>{PUBLISH}</submitJobParam>', "30002", "no jobName"),
        "blank-jobName.xml": (submit(PUBLISH).replace("@@JOB@@", "   "), "30002", "jobName of blanks"),
        "missing-companyHandle.xml": (f'<submitJobParam xmlns="{IPS}"><jobName>@@JOB@@</jobName>{PUBLISH}</submitJobParam>', "30002", "no companyHandle"),
        "unknown-company.xml": (submit(PUBLISH).replace("@@COMPANY@@", "no-such-company"), "20006", "a company that does not exist (answered as one of others)"),
        "no-job-element.xml": (submit(""), "30001", "no job element"),
        "two-job-elements.xml": (submit(PUBLISH + "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>"), "30001", "two job elements"),
        "execTime-and-execSchedule.xml": (submit(PUBLISH, head="<execTime>2030-01-01T00:00:00Z</execTime><execSchedule>0 0 2 * * ?</execSchedule>"), "30001", "execTime and execSchedule together"),
        "cron-61-seconds.xml": (submit(PUBLISH, head="<execSchedule>61 * * * * ?</execSchedule>"), "30001", "cron second 61"),
        "cron-word.xml": (submit(PUBLISH, head="<execSchedule>hello</execSchedule>"), "30001", "cron 'hello'"),
        "cron-three-fields.xml": (submit(PUBLISH, head="<execSchedule>* * *</execSchedule>"), "30001", "cron of three fields"),
        "cron-huge.xml": (submit(PUBLISH, head="<execSchedule>" + "61," * 3000 + "1 * * * * ?</execSchedule>"), "30001", "cron of 10,000 characters"),
        "locale-bad.xml": (submit(PUBLISH, head="<locale>../../etc</locale>"), "30001", "locale '../../etc'"),
        "publishType-missing.xml": (submit("<imageServingPublishJob><emailSetting>None</emailSetting></imageServingPublishJob>"), "30002", "imageServingPublishJob without publishType"),
        "emailSetting-missing.xml": (submit("<optimizeImagesJob/>"), "30002", "optimizeImagesJob without emailSetting"),
        "numUrls-negative.xml": (submit(upload_urls(num_urls="<numUrls>-1</numUrls>")), "30001", "numUrls -1"),
        "sourceUrl-missing.xml": (submit(upload_urls(items=[("", "a.png")])), "30002", "an item without sourceUrl"),
        "destPath-missing.xml": (submit(upload_urls(items=[("http://example.com/a.png", "")])), "30002", "an item without destPath"),
        "overwrite-missing.xml": (submit(upload_urls().replace("<overwrite>true</overwrite>", "")), "30002", "uploadUrlsJob without overwrite"),
        "export-empty-handles.xml": (submit("<exportJob><assetHandleArray/><fmt>orig</fmt><emailSetting>None</emailSetting></exportJob>"), "30001", "exportJob over no assets"),
        "export-blank-handle.xml": (submit("<exportJob><assetHandleArray><items> </items></assetHandleArray><fmt>orig</fmt><emailSetting>None</emailSetting></exportJob>"), "30001", "exportJob with a blank handle"),
        "export-no-handles.xml": (submit("<exportJob><fmt>orig</fmt><emailSetting>None</emailSetting></exportJob>"), "30002", "exportJob without assetHandleArray"),
        "export-convert-without-modifier.xml": (submit("<exportJob><assetHandleArray><items>a|@@COMPANY@@|1</items></assetHandleArray><fmt>convert</fmt><emailSetting>None</emailSetting></exportJob>"), "30002", "fmt=convert without is_modifier or macro"),
        "ripPdfs-no-handles.xml": (submit("<ripPdfsJob><createMask>false</createMask><emailSetting>None</emailSetting></ripPdfsJob>"), "30002", "ripPdfsJob without pdfHandleArray"),
        "reprocess-empty-handles.xml": (submit("<reprocessAssetsJob><assetHandleArray/><createMask>false</createMask><emailSetting>None</emailSetting></reprocessAssetsJob>"), "30001", "reprocessAssetsJob over no assets"),
        "uploadDirectory-no-serverDir.xml": (submit(upload_directory(server_dir="")), "30002", "uploadDirectoryJob with an empty serverDir"),
        "manualCrop-negative.xml": (submit(upload_urls(options="<manualCropOptions><left>-5</left><right>0</right><top>0</top><bottom>0</bottom></manualCropOptions>")), "30001", "a negative crop"),
        "tolerance-above-one.xml": (submit(upload_urls(options="<autoColorCropOptions><corner>UpperLeft</corner><tolerance>7</tolerance></autoColorCropOptions>")), "30001", "tolerance 7"),
        "unsharp-amount-negative.xml": (submit(upload_urls(tail="<unsharpMaskOptions><amount>-1</amount><radius>1</radius><threshold>0</threshold><monochrome>0</monochrome></unsharpMaskOptions>")), "30001", "unsharp amount -1"),
        "pdf-resolution-zero.xml": (submit(upload_urls(options="<pdfOptions><process>Rasterize</process><resolution>0</resolution></pdfOptions>")), "30001", "pdf resolution 0"),
        "callback-not-http.xml": (submit("<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting><httpCompletionUrl>ftp://example.com/x</httpCompletionUrl></imageServingPublishJob>"), "30001", "httpCompletionUrl ftp://"),
        "postHttpUrl-file.xml": (submit(upload_urls(post="<postHttpUrl>file:///etc/passwd</postHttpUrl>")), "30001", "postHttpUrl file:///etc/passwd"),
        "stopJob-missing-handle.xml": (op("stopJobParam", "<companyHandle>@@COMPANY@@</companyHandle>"), "30002", "stopJob without jobHandle"),
        "stopJob-garbage-handle.xml": (op("stopJobParam", "<companyHandle>@@COMPANY@@</companyHandle><jobHandle>not a handle</jobHandle>"), "30001", "stopJob with a handle that does not parse"),
        "stopJob-unknown-job.xml": (op("stopJobParam", "<companyHandle>@@COMPANY@@</companyHandle><jobHandle>@@COMPANY@@|nobody|</jobHandle>"), "30001", "stopJob of a job that does not exist"),
        "pauseJob-other-company-handle.xml": (op("pauseJobParam", "<companyHandle>@@COMPANY@@</companyHandle><jobHandle>other|job|</jobHandle>"), "20000", "a jobHandle of another company"),
        "deleteJob-missing-company.xml": (op("deleteJobParam", "<jobHandle>@@COMPANY@@|x|</jobHandle>"), "30002", "deleteJob without companyHandle"),
        "getJobLogDetails-no-handle.xml": (op("getJobLogDetailsParam", "<companyHandle>@@COMPANY@@</companyHandle>"), "30002", "getJobLogDetails without jobHandle"),
        "getAssetJobLogs-no-handle.xml": (op("getAssetJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle>"), "30002", "getAssetJobLogs without assetHandle"),
        "getAssetJobLogs-garbage-handle.xml": (op("getAssetJobLogsParam", "<companyHandle>@@COMPANY@@</companyHandle><assetHandle>../../etc/passwd</assetHandle>"), "ok", "getAssetJobLogs with a path as asset handle (no such asset: no records)"),
        "getJobLogDetails-page-zero.xml": (op("getJobLogDetailsParam", "<companyHandle>@@COMPANY@@</companyHandle><jobHandle>@@COMPANY@@|x|x_2024-01-01-00:00:00.000|1</jobHandle><resultsPage>0</resultsPage>"), "30001", "resultsPage 0"),
        "submit-userHandle-unknown.xml": (submit(PUBLISH).replace("</companyHandle>", "</companyHandle><userHandle>u|nobody</userHandle>"), "20002", "submitJob on behalf of a user that does not exist"),
    }
    for name, (body, code, what) in rules.items():
        add("validation", name, envelope(body), "ok" if code == "ok" else f"fault {code}", what)


# ------------------------------------------------------------------ path traversal in every path field

def traversal():
    attacks = {
        "dotdot": "../escape",
        "deep-dotdot": "a/b/../../../escape",
        "rooted-dotdot": "/../etc/passwd",
        "drive": "C:/Windows/win.ini",
        "backslash": "a\\..\\..\\escape",
        "control": "a&#x1;b",
        "only-dotdot": "..",
    }
    fields = {
        "uploadUrls-destPath": lambda v: upload_urls(items=[("http://example.com/a.png", v)]),
        "uploadDirectory-destFolder": lambda v: upload_directory(dest=v),
        "uploadDirectory-serverDir": lambda v: upload_directory(server_dir=v),
        "autoSets-destFolder": lambda v: auto_sets(dest=v),
    }
    for field, make in fields.items():
        for label, value in attacks.items():
            # A control character cannot stand in XML 1.0 at all, even as a character reference.
            code = "30003" if label == "control" else "30001"
            add("path-traversal", f"{field}-{label}.xml", envelope(submit(make(value))), f"fault {code}", f"{field} = {value}")


# ------------------------------------------------------------------ URLs: form refused at submit, address refused at run

def urls():
    bad_form = {
        "file-scheme.xml": "file:///etc/passwd",
        "ftp-scheme.xml": "ftp://example.com/a.png",
        "gopher-scheme.xml": "gopher://127.0.0.1:6379/_FLUSHALL",
        "javascript-scheme.xml": "javascript:alert(1)",
        "relative.xml": "/files/a.png",
        "scheme-relative.xml": "//example.com/a.png",
        "no-host.xml": "http://",
        "data-url.xml": "data:image/png;base64,iVBORw0KGgo=",
    }
    for name, url in bad_form.items():
        add("urls", f"form-{name}", envelope(submit(upload_urls(items=[(url, "corpus/a.png")]))), "fault 30001", f"sourceUrl {url}")
    refused = {
        "private-10.xml": "http://10.0.0.1/a.png",
        "private-172.xml": "http://172.16.5.4/a.png",
        "private-192.xml": "http://192.168.1.1/a.png",
        "metadata-169-254.xml": "http://169.254.169.254/latest/meta-data/",
        "unspecified-0.xml": "http://0.0.0.0/a.png",
        "ipv6-link-local.xml": "http://[fe80::1]/a.png",
        "ipv6-unique-local.xml": "http://[fd00::1]/a.png",
        "ipv4-mapped-private.xml": "http://[::ffff:10.0.0.1]/a.png",
        "decimal-private.xml": "http://167772161/a.png",
        "hex-private.xml": "http://0x0a.0.0.1/a.png",
        "multicast.xml": "http://224.0.0.1/a.png",
        "redirect-to-private.xml": "@@HTTP@@/redirect?to=http://10.1.2.3/a.png",
        "redirect-to-metadata.xml": "@@HTTP@@/redirect?to=http://169.254.169.254/latest/meta-data/",
        "redirect-to-file.xml": "@@HTTP@@/redirect?to=file:///etc/passwd",
        "redirect-to-ipv6-private.xml": "@@HTTP@@/redirect?to=http://[fd00::2]/a.png",
    }
    for name, url in refused.items():
        add("urls", f"run-{name}", envelope(submit(upload_urls(items=[(url.replace("&", "&amp;"), "corpus/a.png")]))), "run UploadError", f"sourceUrl {url}")


# ------------------------------------------------------------------ files the server downloads: archives, images, PDFs

def png(width, height, idat=None, crc_ok=True):
    def chunk(kind, data, good=True):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc if good else crc ^ 1)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    if idat is None:
        idat = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat, crc_ok) + chunk(b"IEND", b"")


def small_jpeg():
    # A 16x16 grey baseline JPEG, written once with ffmpeg and kept here as bytes so the generator needs no tools.
    path = os.path.join(HERE, "files", "images", "valid-16.jpg")
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.system(f"ffmpeg -loglevel error -y -f lavfi -i color=c=gray:s=16x16 -frames:v 1 {path}")
    with open(path, "rb") as f:
        return f.read()


def jpeg_with_size(jpeg, width, height):
    data = bytearray(jpeg)
    i = 2
    while i < len(data):
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            data[i + 5:i + 9] = struct.pack(">HH", height, width)
            return bytes(data)
        i += 2 + length
    raise ValueError("no SOF marker")


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def files():
    shutil.rmtree(os.path.join(HERE, "files", "archives"), ignore_errors=True)
    good = png(32, 32)
    jpeg = small_jpeg()
    uncompress = "<unCompressOptions><process>UnCompress</process></unCompressOptions>"
    archives = {
        "zip-slip-dotdot.zip": (zip_of([("../../escape.png", good)]), "an entry named ../../escape.png"),
        "zip-slip-absolute.zip": (zip_of([("/tmp/escape.png", good)]), "an entry named /tmp/escape.png"),
        "zip-slip-backslash.zip": (zip_of([("..\\..\\escape.png", good)]), "an entry named ..\\..\\escape.png"),
        "zip-bomb-ratio.zip": (zip_of([("zeros.png", b"\0" * (64 * 1024 * 1024))]), "64 MiB of zeros in a 64 KB entry"),
        "zip-too-many-entries.zip": (zip_of([(f"e{i}.txt", b"") for i in range(10_001)], zipfile.ZIP_STORED), "10,001 entries"),
        "zip-corrupt.zip": (b"PK\x03\x04" + os.urandom(0) + b"\x14\x00" + b"garbage" * 100, "a local header followed by garbage"),
        "zip-truncated.zip": (zip_of([("one.png", good), ("two.png", good)])[:120], "a ZIP cut short"),
        "zip-nested-bomb.zip": (zip_of([("inner.zip", zip_of([("zeros.bin", b"\0" * (32 * 1024 * 1024))]))]), "a ZIP inside a ZIP whose entry is 32 MiB of zeros"),
    }
    for name, (data, what) in archives.items():
        url = payload(f"archives/{name}", data)
        add("archives", name.replace(".zip", ".xml"), envelope(submit(upload_urls(items=[(url, f"corpus/{name}")], tail=uncompress))), "run UploadError", what)
    images = {
        "png-bomb-100000.png": (png(100_000, 100_000, idat=zlib.compress(b"\0" * 1000)), "PNG header claiming 100,000 x 100,000"),
        "png-bomb-65535x65535.png": (png(65_535, 65_535, idat=zlib.compress(b"\0" * 1000)), "PNG header claiming 65,535 x 65,535"),
        "jpeg-bomb-65000.jpg": (jpeg_with_size(jpeg, 65_000, 65_000), "JPEG frame header claiming 65,000 x 65,000"),
        "gif-bomb.gif": (b"GIF89a" + struct.pack("<HH", 65_535, 65_535) + b"\x00\x00\x00" + b",\x00\x00\x00\x00" + struct.pack("<HH", 65_535, 65_535) + b"\x00\x02\x02\x44\x01\x00;", "GIF claiming 65,535 x 65,535"),
        "png-bad-crc.png": (png(32, 32, crc_ok=False), "PNG whose image data fails its checksum"),
        "png-truncated.png": (good[: len(good) // 2], "PNG cut in half"),
        "png-signature-only.png": (b"\x89PNG\r\n\x1a\n", "only the PNG signature"),
        "jpeg-truncated.jpg": (jpeg[:40], "JPEG cut after 40 bytes"),
        "jpeg-no-sof.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9", "JPEG without a frame"),
        "random-bytes.jpg": (bytes((i * 73 + 41) % 256 for i in range(4096)), "4 KB of noise named .jpg"),
        "empty.png": (b"", "a zero-byte .png"),
        "text-as-image.png": (b"hello, I am not an image\n" * 10, "text named .png"),
        "tiff-bad-ifd.tif": (b"II*\x00" + struct.pack("<I", 0x7FFFFFF0) + b"\x00" * 32, "TIFF whose first IFD lies beyond the file"),
        "webp-garbage.webp": (b"RIFF" + struct.pack("<I", 100) + b"WEBPVP8 " + b"\x00" * 20, "WebP with a broken VP8 chunk"),
    }
    for name, (data, what) in images.items():
        url = payload(f"images/{name}", data)
        add("images", name.rsplit(".", 1)[0] + ".xml", envelope(submit(upload_urls(items=[(url, f"corpus/{name}")]))), "run UploadError", what)
    pdf_options = "<pdfOptions><process>Rasterize</process><resolution>72</resolution></pdfOptions>"
    pdfs = {
        "header-then-garbage.pdf": (b"%PDF-1.4\n" + b"\x13\x37" * 500, "a PDF header followed by garbage"),
        "truncated.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Cou", "a PDF cut in the middle of an object"),
        "no-pages.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "a catalog without pages"),
        "empty.pdf": (b"", "a zero-byte .pdf"),
        "loop-pages.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "a page tree that contains itself"),
        "huge-mediabox.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75000 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "a page of 14,400 points at a user unit of 75,000"),
    }
    for name, (data, what) in pdfs.items():
        url = payload(f"pdfs/{name}", data)
        # poppler repairs a page tree that contains itself: a PDF of one empty page.
        expect = "run UploadSuccess" if name == "loop-pages.pdf" else "run UploadError"
        add("pdfs", name.rsplit(".", 1)[0] + ".xml", envelope(submit(upload_urls(items=[(url, f"corpus/{name}")], options=pdf_options))), expect, what)


def main():
    for category in ["xml-malformed", "xml-entities", "size", "encoding", "wrong-types", "validation", "path-traversal",
                     "urls", "archives", "images", "pdfs"]:
        shutil.rmtree(os.path.join(HERE, category), ignore_errors=True)
    malformed()
    entities()
    nesting()
    encodings()
    wrong_types()
    validation()
    traversal()
    urls()
    files()
    with open(os.path.join(HERE, "cases.tsv"), "w", encoding="utf-8") as f:
        f.write("# path\texpected\twhat it tries (written by generate.py)\n")
        for path, expect, what in cases:
            f.write(f"{path}\t{expect}\t{what}\n")
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
