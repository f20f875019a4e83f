using IpsApi.Jobs.Notifications;

namespace IpsApi.Tests.Notifications;

/// <summary>emailSetting × how the run went → which emails and callbacks it leaves in the outbox.</summary>
public sealed class NotificationRulesTests
{
    public enum Scenario
    {
        Clean,
        Warnings,
        FileErrors,
        Failed,
        FatalErrorCounted,
        StoppedClean,
    }

    public static TheoryData<string, Scenario, bool, bool> Table => new()
    {
        // setting, scenario, email at start, email at end
        { "All", Scenario.Clean, true, true },
        { "All", Scenario.Warnings, true, true },
        { "All", Scenario.FileErrors, true, true },
        { "All", Scenario.Failed, true, true },
        { "All", Scenario.StoppedClean, true, true },
        { "Error", Scenario.Clean, false, false },
        { "Error", Scenario.Warnings, false, false },
        { "Error", Scenario.FileErrors, false, true },
        { "Error", Scenario.Failed, false, true },
        { "Error", Scenario.FatalErrorCounted, false, true },
        { "Error", Scenario.StoppedClean, false, false },
        { "ErrorAndWarning", Scenario.Clean, false, false },
        { "ErrorAndWarning", Scenario.Warnings, false, true },
        { "ErrorAndWarning", Scenario.FileErrors, false, true },
        { "ErrorAndWarning", Scenario.Failed, false, true },
        { "ErrorAndWarning", Scenario.StoppedClean, false, false },
        { "JobCompletion", Scenario.Clean, false, true },
        { "JobCompletion", Scenario.Warnings, false, true },
        { "JobCompletion", Scenario.FileErrors, false, true },
        { "JobCompletion", Scenario.Failed, false, true },
        { "JobCompletion", Scenario.StoppedClean, false, true },
        { "None", Scenario.Clean, false, false },
        { "None", Scenario.Warnings, false, false },
        { "None", Scenario.FileErrors, false, false },
        { "None", Scenario.Failed, false, false },
        { "None", Scenario.StoppedClean, false, false },
        // Not a wire value: nothing is sent rather than guessing.
        { "", Scenario.Failed, false, false },
        { "Always", Scenario.Failed, false, false },
        { "1", Scenario.Failed, false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EmailSetting_decides_the_emails_of_a_run(string setting, Scenario scenario, bool atStart, bool atEnd)
    {
        var run = Make(setting, scenario);

        Assert.Equal(atStart, RunMessages.AtStart(run, Runs.Berlin).Any(m => m.Kind == "email"));
        Assert.Equal(atEnd, RunMessages.AtEnd(run, Runs.Berlin).Any(m => m.Kind == "email"));
        Assert.Equal(atStart, NotificationRules.EmailAtStart(run));
        Assert.Equal(atEnd, NotificationRules.EmailAtEnd(run));
    }

    [Theory]
    [InlineData("all")]
    [InlineData(" JOBCOMPLETION ")]
    public void Settings_are_read_in_any_case(string setting)
    {
        Assert.True(NotificationRules.EmailAtEnd(Make(setting, Scenario.Clean)));
    }

    [Theory]
    [InlineData("None")]
    [InlineData("All")]
    public void A_callback_url_adds_one_callback_at_the_end_and_none_at_the_start(string setting)
    {
        var run = Runs.Sample(setting, callbackUrl: "https://hooks.example.test/ips?token=t0k");

        Assert.DoesNotContain(RunMessages.AtStart(run, Runs.Berlin), m => m.Kind == "callback");
        var callback = Assert.Single(RunMessages.AtEnd(run, Runs.Berlin), m => m.Kind == "callback");
        Assert.Contains("https://hooks.example.test/ips?token=t0k", callback.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void No_callback_without_a_url()
    {
        Assert.DoesNotContain(RunMessages.AtEnd(Runs.Sample("All", callbackUrl: "  "), Runs.Berlin), m => m.Kind == "callback");
    }

    [Fact]
    public void A_recipient_without_an_address_gets_no_email_but_the_callback_still_goes()
    {
        var run = Runs.Sample("All", recipient: "", callbackUrl: "https://hooks.example.test/done");

        Assert.Empty(RunMessages.AtStart(run, Runs.Berlin));
        Assert.Equal(["callback"], RunMessages.AtEnd(run, Runs.Berlin).Select(m => m.Kind));
    }

    private static RunSummary Make(string setting, Scenario scenario) => scenario switch
    {
        Scenario.Clean => Runs.Sample(setting),
        Scenario.Warnings => Runs.Sample(setting, counts: Runs.Clean with { FileWarning = 2 }),
        Scenario.FileErrors => Runs.Sample(setting, counts: Runs.Clean with { FileError = 1 }),
        Scenario.Failed => Runs.Sample(setting, RunOutcome.Failed),
        Scenario.FatalErrorCounted => Runs.Sample(setting, counts: Runs.Clean with { FatalError = true }),
        Scenario.StoppedClean => Runs.Sample(setting, RunOutcome.Stopped),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };
}
