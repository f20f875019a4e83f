using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Tests.Definitions;
using IpsApi.Wire;

namespace IpsApi.Tests.Validation;

internal static class MapperAssert
{
    public static readonly TimeZoneInfo ServerZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The seed request (company 47, "My Test Job", a Full image serving publish) for tests to spoil.</summary>
    public static SubmitJobParam Seed() => new()
    {
        CompanyHandle = "47",
        JobName = "My Test Job",
        ImageServingPublishJob = new ImageServingPublishJob { PublishType = "Full", EmailSetting = "Error" },
    };

    public static SubmitJobParam With(object job) => WireSamples.Param(job);

    public static ValidationResult<JobDefinition> Map(SubmitJobParam param) => SubmitJobMapper.Map(param, ServerZone);

    public static JobDefinition Valid(SubmitJobParam param)
    {
        var result = Map(param);
        Assert.True(result.IsValid, Describe(result));
        Assert.Empty(result.Problems);
        return result.Value!;
    }

    /// <summary>The request is refused with exactly this one problem.</summary>
    public static void OnlyProblem(SubmitJobParam param, int code, string message)
    {
        var result = Map(param);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.Message);
    }

    /// <summary>The request is refused with exactly one problem, of this code, whose reason starts so.</summary>
    public static ValidationProblem OnlyProblemStartingWith(SubmitJobParam param, int code, string messageStart)
    {
        var result = Map(param);
        Assert.False(result.IsValid, "expected a problem");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.StartsWith(messageStart, problem.Message, StringComparison.Ordinal);
        return problem;
    }

    private static string Describe(ValidationResult<JobDefinition> result) =>
        string.Join(Environment.NewLine, result.Problems.Select(p => $"{p.Code} {p.Message}"));
}
