// Every IPS job, company, user and folder operation through a JAX-WS client that wsimport (Debian's jaxws, JAX-WS RI) generates from the
// served WSDLs, as a Java integration is written: the 2014-04-03 WSDL into package ipsapi.dated for the whole tour,
// the unversioned one into ipsapi.plain for one call and one fault. Run by
// tests/IpsApi.IntegrationTests/Interop/ClientStacks/JavaWsimportTests.cs, or by hand against `./ipsapi run`:
//
//   J=/usr/share/java; mkdir -p /tmp/ipsjava/src /tmp/ipsjava/classes
//   java -jar $J/jaxws-tools.jar -Xnocompile -s /tmp/ipsjava/src -p ipsapi.plain "$IPSAPI_WSDL"
//   java -jar $J/jaxws-tools.jar -Xnocompile -s /tmp/ipsjava/src -p ipsapi.dated "$IPSAPI_DATED_WSDL"
//   javac -cp $J/jaxws-rt.jar -d /tmp/ipsjava/classes $(find /tmp/ipsjava/src -name '*.java') tests/interop/java/IpsApiJavaClient.java
//   java -cp $J/jaxws-rt.jar:/tmp/ipsjava/classes IpsApiJavaClient
//
// Prints "ok <operation> ..." per call and "fault <operation> <faultcode> <faultstring> <detail> <code> <reason>" per
// fault, as the other stacks' scripts do, and exits non-zero at the first answer a client could not rely on. The
// company should be one the run may fill with jobs and folders; the server must run optimizeImagesJob slowly enough to be seen
// running.

import ipsapi.dated.ActiveJob;
import ipsapi.dated.AuthHeader;
import ipsapi.dated.AuthenticationFault_Exception;
import ipsapi.dated.AuthorizationFault_Exception;
import ipsapi.dated.CheckLoginParam;
import ipsapi.dated.CompanyMembership;
import ipsapi.dated.CreateFolderParam;
import ipsapi.dated.DeleteFolderParam;
import ipsapi.dated.DeleteJobParam;
import ipsapi.dated.ExecuteJobParam;
import ipsapi.dated.Folder;
import ipsapi.dated.GetActiveJobsParam;
import ipsapi.dated.GetAssetJobLogsParam;
import ipsapi.dated.GetCompanyInfoParam;
import ipsapi.dated.GetCompanyMembershipParam;
import ipsapi.dated.GetCompanySettingsParam;
import ipsapi.dated.GetFolderTreeParam;
import ipsapi.dated.GetFoldersParam;
import ipsapi.dated.GetJobLogDetailsParam;
import ipsapi.dated.GetJobLogsParam;
import ipsapi.dated.GetScheduledJobsParam;
import ipsapi.dated.GetUserInfoParam;
import ipsapi.dated.ImageServingPublishJob;
import ipsapi.dated.IpsApiFault_Exception;
import ipsapi.dated.IpsApiPortType;
import ipsapi.dated.IpsApiService;
import ipsapi.dated.JobLog;
import ipsapi.dated.MoveFolderParam;
import ipsapi.dated.OptimizeImagesJob;
import ipsapi.dated.PauseJobParam;
import ipsapi.dated.RenameFolderParam;
import ipsapi.dated.ResumeJobParam;
import ipsapi.dated.ScheduledJob;
import ipsapi.dated.StopJobParam;
import ipsapi.dated.SubmitJobParam;
import ipsapi.dated.User;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.xml.namespace.QName;
import javax.xml.soap.SOAPException;
import javax.xml.soap.SOAPFault;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.handler.Handler;
import javax.xml.ws.handler.MessageContext;
import javax.xml.ws.handler.soap.SOAPHandler;
import javax.xml.ws.handler.soap.SOAPMessageContext;

public final class IpsApiJavaClient {
    private static final String FAR_FUTURE_CRON = "0 0 3 1 1 ? 2099";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private final String company = env("IPSAPI_COMPANY");
    private final String companyName = env("IPSAPI_COMPANY_NAME");
    private final String user = env("IPSAPI_USER");
    private final String password = env("IPSAPI_PASSWORD");
    // getCompanySettings is for company administrators; without one the user asks.
    private final String adminUser = envOr("IPSAPI_ADMIN_USER", user);
    private final String adminPassword = envOr("IPSAPI_ADMIN_PASSWORD", password);
    private final FaultCodes faultCodes = new FaultCodes();

    public static void main(String[] args) throws Exception {
        try {
            new IpsApiJavaClient().run();
            System.out.println("java wsimport: all operations ok");
        } catch (CheckFailed e) {
            System.out.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        IpsApiPortType port = new IpsApiService(new URL(env("IPSAPI_DATED_WSDL"))).getIpsApiSoapPort();
        faultCodes.install((BindingProvider) port);
        AuthHeader auth = auth(password);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ImageServingPublishJob publish = new ImageServingPublishJob();
        publish.setPublishType("Full");
        publish.setEmailSetting("None");

        String name = "java scheduled " + suffix;
        SubmitJobParam scheduled = new SubmitJobParam();
        scheduled.setCompanyHandle(company);
        scheduled.setJobName(name);
        scheduled.setExecSchedule(FAR_FUTURE_CRON);
        scheduled.setImageServingPublishJob(publish);
        String handle = port.submitJob(scheduled, auth).getJobHandle();
        check(handle.equals(company + "|" + name + "|"), "submitJob answered " + handle);
        System.out.println("ok submitJob " + handle);

        GetScheduledJobsParam byHandle = new GetScheduledJobsParam();
        byHandle.setCompanyHandle(company);
        byHandle.setJobHandle(handle);
        List<ScheduledJob> jobs = port.getScheduledJobs(byHandle, auth).getJobArray().getItems();
        check(jobs.size() == 1 && "Normal".equals(jobs.get(0).getTriggerState()), "getScheduledJobs: " + jobs.size() + " jobs");
        check(jobs.get(0).getNextFireTime().getYear() == 2099, "nextFireTime is read as a date in 2099");
        System.out.println("ok getScheduledJobs " + jobs.get(0).getTriggerState() + " " + jobs.get(0).getNextFireTime().getYear());

        PauseJobParam pause = new PauseJobParam();
        pause.setCompanyHandle(company);
        pause.setJobHandle(handle);
        port.pauseJob(pause, auth);
        System.out.println("ok pauseJob");
        ResumeJobParam resume = new ResumeJobParam();
        resume.setCompanyHandle(company);
        resume.setJobHandle(handle);
        port.resumeJob(resume, auth);
        System.out.println("ok resumeJob");
        ExecuteJobParam execute = new ExecuteJobParam();
        execute.setCompanyHandle(company);
        execute.setJobHandle(handle);
        port.executeJob(execute, auth);
        System.out.println("ok executeJob");

        GetJobLogsParam logsOfCompany = new GetJobLogsParam();
        logsOfCompany.setCompanyHandle(company);
        List<JobLog> logs = waitFor(() -> port.getJobLogs(logsOfCompany, auth).getJobLogArray().getItems(),
                list -> list.stream().anyMatch(l -> name.equals(l.getJobName()) && l.getEndDate() != null), "the executed run's job log");
        System.out.println("ok getJobLogs " + logs.size());

        GetJobLogDetailsParam detailsOfName = new GetJobLogDetailsParam();
        detailsOfName.setCompanyHandle(company);
        detailsOfName.setOriginalName(name);
        detailsOfName.setSortBy("Date");
        List<JobLog> details = port.getJobLogDetails(detailsOfName, auth).getJobLogArray().getItems();
        check(details.size() == 1 && details.get(0).getDetailTotalRows() > 0
                && details.get(0).getDetailArray().getItems().size() == details.get(0).getDetailTotalRows(), "getJobLogDetails has its records");
        System.out.println("ok getJobLogDetails " + details.get(0).getDetailTotalRows());

        GetAssetJobLogsParam unknownAsset = new GetAssetJobLogsParam();
        unknownAsset.setCompanyHandle(company);
        unknownAsset.setAssetHandle("a|never-named");
        check(port.getAssetJobLogs(unknownAsset, auth).getJobLogArray().getItems().isEmpty(), "getAssetJobLogs of an unknown asset is empty");
        System.out.println("ok getAssetJobLogs 0");

        String slow = "java running " + suffix;
        SubmitJobParam optimize = new SubmitJobParam();
        optimize.setCompanyHandle(company);
        optimize.setJobName(slow);
        OptimizeImagesJob optimizeJob = new OptimizeImagesJob();
        optimizeJob.setEmailSetting("None");
        optimize.setOptimizeImagesJob(optimizeJob);
        port.submitJob(optimize, auth);
        GetActiveJobsParam activeOfCompany = new GetActiveJobsParam();
        activeOfCompany.setCompanyHandle(company);
        List<ActiveJob> active = waitFor(() -> port.getActiveJobs(activeOfCompany, auth).getJobArray().getItems(),
                list -> list.stream().anyMatch(j -> slow.equals(j.getName()) && "Running".equals(j.getState())), "the slow job running");
        ActiveJob running = active.stream().filter(j -> slow.equals(j.getName())).findFirst().get();
        System.out.println("ok getActiveJobs " + running.getState() + " " + running.getType());
        StopJobParam stop = new StopJobParam();
        stop.setCompanyHandle(company);
        stop.setJobHandle(running.getJobHandle());
        port.stopJob(stop, auth);
        System.out.println("ok stopJob");

        DeleteJobParam delete = new DeleteJobParam();
        delete.setCompanyHandle(company);
        delete.setJobHandle(handle);
        port.deleteJob(delete, auth);
        GetScheduledJobsParam all = new GetScheduledJobsParam();
        all.setCompanyHandle(company);
        check(port.getScheduledJobs(all, auth).getJobArray().getItems().stream().noneMatch(j -> name.equals(j.getName())), "the deleted job is gone");
        System.out.println("ok deleteJob");

        SubmitJobParam nameless = new SubmitJobParam();
        nameless.setCompanyHandle(company);
        nameless.setJobName("");
        nameless.setImageServingPublishJob(publish);
        fault("submitJob", () -> port.submitJob(nameless, auth));
        GetScheduledJobsParam noCompany = new GetScheduledJobsParam();
        noCompany.setCompanyHandle("no-such-company");
        fault("getScheduledJobs", () -> port.getScheduledJobs(noCompany, auth));
        fault("stopJob", () -> port.stopJob(stopOf(handle), auth));
        fault("getActiveJobs", () -> port.getActiveJobs(activeOfCompany, auth("not the password")));

        company(port, auth);
        folders(port, auth, "java-" + suffix);
        GetCompanyInfoParam noSuchName = new GetCompanyInfoParam();
        noSuchName.setCompanyName("No Such Company");
        fault("getCompanyInfo", () -> port.getCompanyInfo(noSuchName, auth));
        CreateFolderParam escape = new CreateFolderParam();
        escape.setCompanyHandle(company);
        escape.setFolderPath("products/../../escape");
        fault("createFolder", () -> port.createFolder(escape, auth));

        plain(suffix);
    }

    /** What an integration asks first: its company's handle by name, who it is, and the company's settings. */
    private void company(IpsApiPortType port, AuthHeader auth) throws Exception {
        GetCompanyInfoParam byName = new GetCompanyInfoParam();
        byName.setCompanyName(companyName);
        ipsapi.dated.Company info = port.getCompanyInfo(byName, auth).getCompanyInfo();
        check(company.equals(info.getCompanyHandle()) && (companyName + "/").equals(info.getRootPath()), "getCompanyInfo: " + info.getCompanyHandle());
        System.out.println("ok getCompanyInfo " + info.getCompanyHandle() + " " + info.getRootPath());

        List<CompanyMembership> memberships = port.getCompanyMembership(new GetCompanyMembershipParam(), auth).getMembershipArray().getItems();
        check(memberships.stream().anyMatch(m -> company.equals(m.getCompany().getCompanyHandle()) && Boolean.TRUE.equals(m.isIsActive())),
                "getCompanyMembership names the company");
        System.out.println("ok getCompanyMembership " + memberships.size());

        User me = port.getUserInfo(new GetUserInfoParam(), auth).getUserInfo();
        check(user.equalsIgnoreCase(me.getEmail()) && Boolean.TRUE.equals(me.isIsValid()), "getUserInfo: " + me.getEmail());
        System.out.println("ok getUserInfo " + me.getDefaultRole());

        String valid = port.checkLogin(login(password), auth).getStatus();
        String invalid = port.checkLogin(login("not the password"), auth).getStatus();
        check("ValidLogin".equals(valid) && "InvalidLogin".equals(invalid), "checkLogin: " + valid + ", " + invalid);
        System.out.println("ok checkLogin " + valid + " " + invalid);

        GetCompanySettingsParam settingsOf = new GetCompanySettingsParam();
        settingsOf.setCompanyHandle(company);
        AuthHeader admin = auth(adminUser, adminPassword);
        String zone = port.getCompanySettings(settingsOf, admin).getSettings().getTimeZone();
        check(zone != null && !zone.isEmpty(), "getCompanySettings has a time zone");
        System.out.println("ok getCompanySettings " + zone);
    }

    /** Folders written in the path forms clients use, under one folder of this run's own, which goes at the end. */
    private void folders(IpsApiPortType port, AuthHeader auth, String base) throws Exception {
        String root = companyName + "/";
        String shoes = port.createFolder(createFolder("/" + root + base + "/products/shoes/"), auth).getFolderHandle();
        String archive = port.createFolder(createFolder(base + "/archive"), auth).getFolderHandle();
        check(shoes.startsWith("f|" + company + "|"), "createFolder answered " + shoes);
        System.out.println("ok createFolder " + shoes);

        List<Folder> listed = port.getFolders(getFolders(base + "/products"), auth).getFolderArray().getItems();
        check(listed.size() == 2 && (root + base + "/products/").equals(listed.get(0).getPath())
                && (root + base + "/products/shoes/").equals(listed.get(1).getPath()), "getFolders lists the folder and its subfolder");
        check(shoes.equals(listed.get(1).getFolderHandle()) && listed.get(1).getLastModified().getYear() >= 2024, "getFolders: the new folder's handle and time");
        System.out.println("ok getFolders " + listed.size());

        RenameFolderParam rename = new RenameFolderParam();
        rename.setCompanyHandle(company);
        rename.setFolderHandle(shoes);
        rename.setFolderName("boots");
        MoveFolderParam move = new MoveFolderParam();
        move.setCompanyHandle(company);
        move.setFolderHandle(shoes);
        move.setDestFolderHandle(archive);
        String renamed = port.renameFolder(rename, auth).getFolderHandle();
        String moved = port.moveFolder(move, auth).getFolderHandle();
        check(shoes.equals(renamed) && shoes.equals(moved), "renameFolder, moveFolder answered " + renamed + ", " + moved);
        System.out.println("ok renameFolder");
        System.out.println("ok moveFolder");

        List<Folder> tree = port.getFolderTree(folderTree(root + base + "/", -1), auth).getFolders().getItems();
        check(tree.size() == 1 && Boolean.TRUE.equals(tree.get(0).isHasSubfolders()), "getFolderTree has the run's folder");
        List<Folder> top = tree.get(0).getSubfolderArray().getItems();
        check(top.size() == 2 && (root + base + "/archive/").equals(top.get(0).getPath()) && (root + base + "/products/").equals(top.get(1).getPath()),
                "getFolderTree lists archive and products");
        List<Folder> boots = top.get(0).getSubfolderArray().getItems();
        check(boots.size() == 1 && shoes.equals(boots.get(0).getFolderHandle()) && (root + base + "/archive/boots/").equals(boots.get(0).getPath()),
                "getFolderTree: the renamed folder where it was moved");
        System.out.println("ok getFolderTree " + boots.get(0).getPath());

        port.deleteFolder(deleteFolder(shoes), auth);
        List<Folder> archived = port.getFolderTree(folderTree(base + "/archive", 1), auth).getFolders().getItems();
        check(Boolean.FALSE.equals(archived.get(0).isHasSubfolders()) && archived.get(0).getSubfolderArray() == null, "the deleted folder is gone");
        System.out.println("ok deleteFolder");

        Folder own = port.getFolders(getFolders(base), auth).getFolderArray().getItems().get(0);
        port.deleteFolder(deleteFolder(own.getFolderHandle()), auth);
    }

    private CheckLoginParam login(String secret) {
        CheckLoginParam login = new CheckLoginParam();
        login.setCompanyHandle(company);
        login.setEmail(user);
        login.setPassword(secret);
        return login;
    }

    private CreateFolderParam createFolder(String path) {
        CreateFolderParam create = new CreateFolderParam();
        create.setCompanyHandle(company);
        create.setFolderPath(path);
        return create;
    }

    private GetFoldersParam getFolders(String path) {
        GetFoldersParam folders = new GetFoldersParam();
        folders.setCompanyHandle(company);
        folders.setFolderPath(path);
        return folders;
    }

    private GetFolderTreeParam folderTree(String path, int depth) {
        GetFolderTreeParam tree = new GetFolderTreeParam();
        tree.setCompanyHandle(company);
        tree.setFolderPath(path);
        tree.setDepth(depth);
        return tree;
    }

    private DeleteFolderParam deleteFolder(String handle) {
        DeleteFolderParam delete = new DeleteFolderParam();
        delete.setCompanyHandle(company);
        delete.setFolderHandle(handle);
        return delete;
    }

    /** One call and one fault through the client generated from the unversioned WSDL. */
    private void plain(String suffix) throws Exception {
        ipsapi.plain.IpsApiPortType port = new ipsapi.plain.IpsApiService(new URL(env("IPSAPI_WSDL"))).getIpsApiSoapPort();
        faultCodes.install((BindingProvider) port);
        ipsapi.plain.AuthHeader auth = new ipsapi.plain.AuthHeader();
        auth.setUser(user);
        auth.setPassword(password);
        auth.setAppName("java-wsimport");
        ipsapi.plain.ImageServingPublishJob publish = new ipsapi.plain.ImageServingPublishJob();
        publish.setPublishType("Full");
        publish.setEmailSetting("None");
        ipsapi.plain.SubmitJobParam submit = new ipsapi.plain.SubmitJobParam();
        submit.setCompanyHandle(company);
        submit.setJobName("java plain " + suffix);
        submit.setExecSchedule(FAR_FUTURE_CRON);
        submit.setImageServingPublishJob(publish);
        String handle = port.submitJob(submit, auth).getJobHandle();
        check(handle.equals(company + "|java plain " + suffix + "|"), "unversioned submitJob answered " + handle);
        System.out.println("ok unversioned submitJob " + handle);

        ipsapi.plain.GetScheduledJobsParam noCompany = new ipsapi.plain.GetScheduledJobsParam();
        noCompany.setCompanyHandle("no-such-company");
        try {
            port.getScheduledJobs(noCompany, auth);
        } catch (ipsapi.plain.AuthorizationFault_Exception e) {
            print("unversioned getScheduledJobs", e.getMessage(), "authorizationFault", e.getFaultInfo().getCode(), e.getFaultInfo().getReason());
            return;
        }
        throw new CheckFailed("unversioned getScheduledJobs answered where a fault was expected");
    }

    private StopJobParam stopOf(String handle) {
        StopJobParam stop = new StopJobParam();
        stop.setCompanyHandle(company);
        stop.setJobHandle(handle);
        return stop;
    }

    private AuthHeader auth(String secret) {
        return auth(user, secret);
    }

    private static AuthHeader auth(String name, String secret) {
        AuthHeader auth = new AuthHeader();
        auth.setUser(name);
        auth.setPassword(secret);
        auth.setAppName("java-wsimport");
        return auth;
    }

    /** Runs a call that must fail and prints the fault as the generated exceptions hand it over. */
    private void fault(String operation, Call call) throws Exception {
        try {
            call.run();
        } catch (IpsApiFault_Exception e) {
            print(operation, e.getMessage(), "ipsApiFault", e.getFaultInfo().getCode(), e.getFaultInfo().getReason());
            return;
        } catch (AuthorizationFault_Exception e) {
            print(operation, e.getMessage(), "authorizationFault", e.getFaultInfo().getCode(), e.getFaultInfo().getReason());
            return;
        } catch (AuthenticationFault_Exception e) {
            print(operation, e.getMessage(), "authenticationFault", e.getFaultInfo().getCode(), e.getFaultInfo().getReason());
            return;
        }
        throw new CheckFailed(operation + " answered where a fault was expected");
    }

    private void print(String operation, String faultString, String detail, int code, String reason) {
        System.out.println("fault " + operation + " " + faultCodes.last() + " " + faultString + " " + detail + " " + code + " " + reason);
    }

    private static <T> List<T> waitFor(Probe<T> probe, Predicate<List<T>> done, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<T> value = probe.get();
            if (done.test(value)) {
                return value;
            }
            check(System.nanoTime() < deadline, "waited 60 s for " + what);
            Thread.sleep(200);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        check(value != null && !value.isEmpty(), name + " is not set");
        return value;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new CheckFailed(what);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private interface Probe<T> {
        List<T> get() throws Exception;
    }

    private static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }

    /**
     * The generated exceptions carry the faultstring and the detail, not the faultcode: a SOAP handler, the JAX-WS
     * way to see the message itself, keeps the faultcode of the last fault.
     */
    private static final class FaultCodes implements SOAPHandler<SOAPMessageContext> {
        private volatile String last = "(none)";

        @SuppressWarnings("rawtypes") // the JAX-WS API's own signature
        void install(BindingProvider port) {
            List<Handler> chain = new ArrayList<>(port.getBinding().getHandlerChain());
            chain.add(this);
            port.getBinding().setHandlerChain(chain);
        }

        String last() {
            return last;
        }

        @Override
        public boolean handleFault(SOAPMessageContext context) {
            try {
                SOAPFault fault = context.getMessage().getSOAPBody().getFault();
                QName code = fault.getFaultCodeAsQName();
                last = (SOAP11.equals(code.getNamespaceURI()) ? "soapenv:" : code.getPrefix() + ":") + code.getLocalPart();
            } catch (SOAPException e) {
                last = "(unreadable: " + e.getMessage() + ")";
            }
            return true;
        }

        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            return true;
        }

        @Override
        public void close(MessageContext context) {
        }

        @Override
        public Set<QName> getHeaders() {
            return Collections.emptySet();
        }
    }
}
