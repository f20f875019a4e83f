using IpsApi.Jobs.Definitions;
using static IpsApi.Tests.Validation.MapperAssert;

namespace IpsApi.Tests.Validation;

/// <summary>execTime and execSchedule: when a submitted job runs (server zone Europe/Berlin here).</summary>
public sealed class ScheduleRulesTests
{
    private const int Invalid = 30001;

    [Theory]
    [InlineData("0 15 10 * * ?", "0 15 10 * * ?")]
    [InlineData("00 00 00 * * ", "00 00 00 * * ?")]
    [InlineData("0 0 2 * * ?", "0 0 2 * * ?")]
    [InlineData("*/5 * * * *", "0 */5 * * * ?")]
    [InlineData("0 0 12 ? * MON-FRI", "0 0 12 ? * MON-FRI")]
    [InlineData("0 0 0 L * ?", "0 0 0 L * ?")]
    public void Accepted_cron_forms_are_stored_normalised(string sent, string stored)
    {
        var param = Seed();
        param.ExecSchedule = sent;

        Assert.Equal(new JobSchedule.Cron(stored), Valid(param).Schedule);
    }

    [Theory]
    [InlineData("  0   15 10  * *   ? ", "0 15 10 * * ?")]
    [InlineData("0 0 2 * * *", "0 0 2 * * ?")]
    [InlineData("0 0 2 1 * *", "0 0 2 1 * ?")]
    [InlineData("0 0 2 * * MON", "0 0 2 ? * MON")]
    [InlineData("0 0 2 * * ? 2027", "0 0 2 * * ? 2027")]
    public void Blanks_and_day_fields_are_normalised(string sent, string stored)
    {
        var param = Seed();
        param.ExecSchedule = sent;

        Assert.Equal(new JobSchedule.Cron(stored), Valid(param).Schedule);
    }

    [Theory]
    [InlineData("0 9 * * 1-5", "0 0 9 ? * MON-FRI")]
    [InlineData("30 6 * * 0", "0 30 6 ? * SUN")]
    [InlineData("0 0 1 * *", "0 0 0 1 * ?")]
    public void Five_field_cron_is_read_as_crontab_with_its_weekday_numbers(string sent, string stored)
    {
        var param = Seed();
        param.ExecSchedule = sent;

        Assert.Equal(new JobSchedule.Cron(stored), Valid(param).Schedule);
    }

    [Theory]
    [InlineData("61 * * * * ?", "Minute and Second values must be between 0 and 59")]
    [InlineData("hello", "1 field(s); expected 6 or 7")]
    [InlineData("* * *", "3 field(s); expected 6 or 7")]
    [InlineData("0 0 0 * * ? * *", "8 field(s); expected 6 or 7")]
    [InlineData("0 0 25 * * ?", "Hour values must be between 0 and 23")]
    public void Cron_that_does_not_parse_is_30001_with_the_reason(string sent, string reason)
    {
        var param = Seed();
        param.ExecSchedule = sent;

        var problem = OnlyProblemStartingWith(param, Invalid, "Invalid parameter execSchedule: ");

        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_execSchedule_means_run_now(string sent)
    {
        var param = Seed();
        param.ExecSchedule = sent;

        Assert.IsType<JobSchedule.RunNow>(Valid(param).Schedule);
    }

    [Fact]
    public void ExecTime_and_execSchedule_together_are_30001()
    {
        var param = Seed();
        param.ExecTime = new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc);
        param.ExecSchedule = "0 15 10 * * ?";

        OnlyProblem(param, Invalid, "Invalid parameter execSchedule: give execTime or execSchedule, not both");
    }

    [Fact]
    public void ExecTime_in_utc_is_that_instant()
    {
        var param = Seed();
        param.ExecTime = new DateTime(2026, 12, 1, 7, 30, 0, DateTimeKind.Utc);

        var at = Assert.IsType<JobSchedule.RunAt>(Valid(param).Schedule).At;

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void ExecTime_with_an_offset_is_that_instant()
    {
        // XmlSerializer reads "2026-12-01T08:30:00+01:00" as a Local time of the machine.
        var sent = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(1));
        var param = Seed();
        param.ExecTime = sent.LocalDateTime;

        var at = Assert.IsType<JobSchedule.RunAt>(Valid(param).Schedule).At;

        Assert.Equal(sent.UtcDateTime, at.UtcDateTime);
    }

    [Fact]
    public void ExecTime_without_an_offset_is_a_wall_time_in_the_server_zone()
    {
        var param = Seed();
        param.ExecTime = new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Unspecified);

        var at = Assert.IsType<JobSchedule.RunAt>(Valid(param).Schedule).At;

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)), at);
        Assert.Equal(TimeSpan.FromHours(2), at.Offset);
    }

    [Fact]
    public void Wall_time_that_happens_twice_takes_the_first()
    {
        // Berlin, 25 Oct 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 is both 00:30Z and 01:30Z.
        var param = Seed();
        param.ExecTime = new DateTime(2026, 10, 25, 2, 30, 0, DateTimeKind.Unspecified);

        var at = Assert.IsType<JobSchedule.RunAt>(Valid(param).Schedule).At;

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0), at.UtcDateTime);
    }

    [Fact]
    public void Wall_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // Berlin, 29 Mar 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens; it becomes 03:30 CEST.
        var param = Seed();
        param.ExecTime = new DateTime(2026, 3, 29, 2, 30, 0, DateTimeKind.Unspecified);

        var at = Assert.IsType<JobSchedule.RunAt>(Valid(param).Schedule).At;

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), at);
    }

    [Fact]
    public void ExecTime_in_the_past_is_kept_and_runs_at_once()
    {
        var param = Seed();
        param.ExecTime = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var at = Assert.IsType<JobSchedule.RunAt>(Valid(param).Schedule).At;

        Assert.Equal(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero), at);
    }
}
