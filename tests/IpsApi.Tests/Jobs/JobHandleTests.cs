using IpsApi.Jobs.Handles;

namespace IpsApi.Tests.Jobs;

/// <summary>The job handle (docs/JOBS.md, "How jobs run"): what clients get back and hand in again.</summary>
public sealed class JobHandleTests
{
    private const string RunHandle = "47|name|name_2026-01-01-10:00:00.000|12";

    [Fact]
    public void Submitted_job_handle_is_company_bar_name_bar()
    {
        Assert.Equal("47|My Test Job|", new JobHandle("47", "My Test Job").ToString());
    }

    [Fact]
    public void Run_handle_adds_instance_name_and_log_id()
    {
        Assert.Equal(RunHandle, new JobHandle("47", "name", "name_2026-01-01-10:00:00.000", 12).ToString());
    }

    [Fact]
    public void Submitted_job_handle_is_parsed_back()
    {
        Assert.True(JobHandle.TryParse("47|My Test Job|", out var handle));

        Assert.Equal(new JobHandle("47", "My Test Job"), handle);
        Assert.Null(handle.InstanceName);
        Assert.Null(handle.LogId);
    }

    [Fact]
    public void Run_handle_is_parsed_back()
    {
        Assert.True(JobHandle.TryParse(RunHandle, out var handle));

        Assert.Equal(new JobHandle("47", "name", "name_2026-01-01-10:00:00.000", 12), handle);
    }

    [Theory]
    [InlineData("a|b")]
    [InlineData("|leading")]
    [InlineData("trailing|")]
    [InlineData("||")]
    [InlineData("x|y|12")]
    public void Job_name_containing_bars_survives_the_round_trip(string name)
    {
        var text = new JobHandle("47", name).ToString();

        Assert.True(JobHandle.TryParse(text, out var handle));
        Assert.Equal(new JobHandle("47", name), handle);
    }

    [Fact]
    public void Run_of_a_job_whose_name_contains_a_bar_survives_the_round_trip()
    {
        var run = new JobHandle("47", "a|b", "a|b_2026-01-01-10:00:00.000", 12);

        Assert.True(JobHandle.TryParse(run.ToString(), out var handle));
        Assert.Equal(run, handle);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("47")]
    [InlineData("My Test Job")]
    [InlineData("|x|")]
    [InlineData("|")]
    [InlineData("47||")]
    [InlineData("47|")]
    [InlineData("47|name|name_2026-01-01-10:00:00.000|x")]
    [InlineData("47|name|name_2026-01-01-10:00:00.000|12a")]
    [InlineData("47|name||12")]
    [InlineData("47||name_2026-01-01-10:00:00.000|12")]
    [InlineData("47|name|12")]
    public void Invalid_handle_is_rejected(string? text)
    {
        Assert.False(JobHandle.TryParse(text, out _));
    }

    [Theory]
    [InlineData("c|748", "My Job")]
    [InlineData("c|748", "a|b")]
    [InlineData("|", "x")]
    public void A_job_handle_reads_back_against_a_company_handle_that_holds_bars(string company, string name)
    {
        var text = new JobHandle(company, name).ToString();

        Assert.True(JobHandle.TryParse(text, company, out var handle));
        Assert.Equal(new JobHandle(company, name), handle);
        Assert.Contains(company, JobHandle.CompanyCandidates(text));
    }

    [Fact]
    public void A_run_handle_of_a_company_handle_with_bars_reads_back()
    {
        var run = new JobHandle("c|748", "nightly", "nightly_2026-01-01-10:00:00.000", 12);

        Assert.True(JobHandle.TryParse(run.ToString(), "c|748", out var handle));
        Assert.Equal(run, handle);
    }

    [Fact]
    public void A_job_handle_does_not_read_against_another_company()
    {
        Assert.False(JobHandle.TryParse("c|748|job|", "c|74", out _));
        Assert.False(JobHandle.TryParse("c|748|job|", "748", out _));
    }
}
