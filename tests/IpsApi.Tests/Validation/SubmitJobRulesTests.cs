using IpsApi.Jobs.Definitions;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Tests.Definitions;
using IpsApi.Wire;
using static IpsApi.Tests.Validation.MapperAssert;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.ImageServingPublish;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.JobTypes.UploadUrls;

// The requests here are wire objects; the domain has records of the same names.
using AutoColorCropOptions = IpsApi.Wire.AutoColorCropOptions;
using KnockoutBackgroundOptions = IpsApi.Wire.KnockoutBackgroundOptions;
using ManualCropOptions = IpsApi.Wire.ManualCropOptions;
using UnsharpMaskOptions = IpsApi.Wire.UnsharpMaskOptions;
using UploadUrl = IpsApi.Wire.UploadUrl;

namespace IpsApi.Tests.Validation;

/// <summary>submitJob's rules (Soap/Mapping/SubmitJobMapper.cs): what is refused, with which code and reason.</summary>
public sealed class SubmitJobRulesTests
{
    private const int Invalid = 30001;
    private const int Missing = 30002;

    [Fact]
    public void Seed_request_maps_to_a_full_image_serving_publish_that_runs_now()
    {
        var definition = Valid(Seed());

        Assert.Equal("47", definition.CompanyHandle);
        Assert.Equal("My Test Job", definition.JobName);
        Assert.IsType<JobSchedule.RunNow>(definition.Schedule);
        Assert.Equal(new ImageServingPublishSpec(PublishType.Full, EmailSetting.Error, null, null), definition.Spec);
        Assert.Null(definition.Locale);
        Assert.Null(definition.NotifyUserHandle);
        Assert.Null(definition.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_jobName_is_30002(string? jobName)
    {
        var param = Seed();
        param.JobName = jobName;

        OnlyProblem(param, Missing, "Missing required parameter: jobName");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void Missing_companyHandle_is_30002(string? companyHandle)
    {
        var param = Seed();
        param.CompanyHandle = companyHandle;

        OnlyProblem(param, Missing, "Missing required parameter: companyHandle");
    }

    [Fact]
    public void Strings_are_kept_as_given_not_trimmed()
    {
        var param = Seed();
        param.JobName = "  My Test Job ";
        param.Description = " two  spaces ";
        param.UserHandle = "u|12";

        var definition = Valid(param);

        Assert.Equal("  My Test Job ", definition.JobName);
        Assert.Equal(" two  spaces ", definition.Description);
        Assert.Equal("u|12", definition.NotifyUserHandle);
    }

    [Fact]
    public void No_job_element_is_30001()
    {
        var param = Seed();
        param.ImageServingPublishJob = null;

        OnlyProblem(param, Invalid, "Exactly one job type element is required (none given)");
    }

    [Fact]
    public void Two_job_elements_are_30001_naming_both()
    {
        var param = Seed();
        param.UploadUrlsJob = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");

        OnlyProblem(param, Invalid, "Exactly one job type element is required (given: imageServingPublishJob, uploadUrlsJob)");
    }

    [Fact]
    public void Two_job_elements_still_report_the_problems_inside_each()
    {
        var param = Seed();
        param.OptimizeImagesJob = new OptimizeImagesJob();

        var result = Map(param);

        Assert.Equal(
            ["Exactly one job type element is required (given: imageServingPublishJob, optimizeImagesJob)",
             "Missing required parameter: optimizeImagesJob/emailSetting"],
            result.Problems.Select(p => p.Message));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public void Locale_ll_or_ll_CC_is_accepted(string locale)
    {
        var param = Seed();
        param.Locale = locale;

        Assert.Equal(locale, Valid(param).Locale);
    }

    [Theory]
    [InlineData("en_US")]
    [InlineData("EN-us")]
    [InlineData("en-us")]
    [InlineData("english")]
    [InlineData("")]
    [InlineData("en-US\n")]
    public void Locale_in_another_form_is_30001(string locale)
    {
        var param = Seed();
        param.Locale = locale;

        OnlyProblemStartingWith(param, Invalid, "Invalid parameter locale: ");
    }

    [Fact]
    public void Missing_emailSetting_is_30002_with_its_path()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.EmailSetting = null;

        OnlyProblem(With(job), Missing, "Missing required parameter: uploadUrlsJob/emailSetting");
    }

    [Fact]
    public void Unknown_emailSetting_is_30001_listing_the_allowed_values()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.EmailSetting = "Foo";

        OnlyProblem(
            With(job),
            Invalid,
            "Invalid parameter uploadUrlsJob/emailSetting: 'Foo' (allowed: All, Error, ErrorAndWarning, JobCompletion, None)");
    }

    [Theory]
    [InlineData("full")]
    [InlineData("FULL")]
    [InlineData("0")]
    [InlineData(" Full")]
    public void Enumerated_values_are_case_sensitive_names(string publishType)
    {
        var param = Seed();
        param.ImageServingPublishJob!.PublishType = publishType;

        OnlyProblemStartingWith(param, Invalid, "Invalid parameter imageServingPublishJob/publishType: ");
    }

    [Fact]
    public void Unknown_option_value_is_30001_with_its_nested_path()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.KnockoutBackgroundOptions = new KnockoutBackgroundOptions { Corner = "upperLeft", FillMethod = "FloodFill" };

        OnlyProblem(
            With(job),
            Invalid,
            "Invalid parameter uploadUrlsJob/knockoutBackgroundOptions/corner: 'upperLeft' (allowed: UpperLeft, BottomLeft, UpperRight, BottomRight)");
    }

    [Fact]
    public void Missing_required_option_field_is_30002_with_its_nested_path()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.ManualCropOptions = new ManualCropOptions { Right = 1, Top = 2, Bottom = 3 };

        OnlyProblem(With(job), Missing, "Missing required parameter: uploadUrlsJob/manualCropOptions/left");
    }

    [Fact]
    public void Missing_required_boolean_is_30002()
    {
        var job = (UploadDirectoryJob)WireSamples.Sparse("uploadDirectoryJob");
        job.Overwrite = null;

        OnlyProblem(With(job), Missing, "Missing required parameter: uploadDirectoryJob/overwrite");
    }

    [Fact]
    public void Problems_inside_a_post_publish_job_carry_the_full_path()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.PostImageServingPublishJob = new ImageServingPublishJob { EmailSetting = "Error" };

        OnlyProblem(With(job), Missing, "Missing required parameter: uploadUrlsJob/postImageServingPublishJob/publishType");
    }

    [Fact]
    public void Negative_crop_is_30001()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.ManualCropOptions = new ManualCropOptions { Left = -1, Right = 0, Top = 0, Bottom = 0 };

        OnlyProblem(With(job), Invalid, "Invalid parameter uploadUrlsJob/manualCropOptions/left: -1 (must be 0 or more)");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Tolerance_outside_0_to_1_is_30001(double tolerance)
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.AutoColorCropOptions = new AutoColorCropOptions { Corner = "UpperLeft", Tolerance = tolerance };

        OnlyProblemStartingWith(With(job), Invalid, "Invalid parameter uploadUrlsJob/autoColorCropOptions/tolerance: ");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-72)]
    [InlineData(double.PositiveInfinity)]
    public void Resolution_must_be_positive(double resolution)
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.PdfOptions = new PDFOptions { Resolution = resolution };

        OnlyProblemStartingWith(With(job), Invalid, "Invalid parameter uploadUrlsJob/pdfOptions/resolution: ");
    }

    [Fact]
    public void Negative_numUrls_is_30001()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.NumUrls = -1;

        OnlyProblem(With(job), Invalid, "Invalid parameter uploadUrlsJob/numUrls: -1 (must be 0 or more)");
    }

    [Fact]
    public void Unsharp_mask_values_outside_the_reference_ranges_are_30001()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.UnsharpMaskOptions = new UnsharpMaskOptions { Amount = 6, Radius = 251, Threshold = 256, Monochrome = 2 };

        var result = Map(With(job));

        Assert.Equal(
            ["uploadUrlsJob/unsharpMaskOptions/amount", "uploadUrlsJob/unsharpMaskOptions/radius",
             "uploadUrlsJob/unsharpMaskOptions/threshold", "uploadUrlsJob/unsharpMaskOptions/monochrome"],
            result.Problems.Select(p => p.Message.Split(':')[0]["Invalid parameter ".Length..]));
        Assert.All(result.Problems, p => Assert.Equal(Invalid, p.Code));
    }

    [Fact]
    public void Export_convert_without_is_modifier_or_macro_is_30002()
    {
        var job = (ExportJob)WireSamples.Sparse("exportJob");
        job.Fmt = "convert";

        OnlyProblem(With(job), Missing, "Missing required parameter: exportJob/is_modifier (or exportJob/macro)");
    }

    [Theory]
    [InlineData("wid=200", null)]
    [InlineData(null, "Thumbnail")]
    [InlineData("wid=200", "Thumbnail")]
    public void Export_convert_keeps_is_modifier_and_macro_as_given(string? isModifier, string? macro)
    {
        var job = (ExportJob)WireSamples.Sparse("exportJob");
        job.Fmt = "convert";
        job.IsModifier = isModifier;
        job.Macro = macro;

        var spec = Assert.IsType<ExportSpec>(Valid(With(job)).Spec);

        Assert.Equal(ExportFormat.convert, spec.Format);
        Assert.Equal(isModifier, spec.IsModifier);
        Assert.Equal(macro, spec.Macro);
    }

    [Fact]
    public void Export_orig_needs_no_conversion()
    {
        var spec = Assert.IsType<ExportSpec>(Valid(With(WireSamples.Sparse("exportJob"))).Spec);

        Assert.Equal(ExportFormat.orig, spec.Format);
        Assert.Equal(["a|47|1"], spec.AssetHandles);
    }

    [Fact]
    public void Missing_asset_handle_array_is_30002()
    {
        var job = (ExportJob)WireSamples.Sparse("exportJob");
        job.AssetHandleArray = null;

        OnlyProblem(With(job), Missing, "Missing required parameter: exportJob/assetHandleArray");
    }

    [Fact]
    public void Empty_asset_handle_array_is_30001()
    {
        var job = (ReprocessAssetsJob)WireSamples.Sparse("reprocessAssetsJob");
        job.AssetHandleArray = WireSamples.Handles();

        OnlyProblem(With(job), Invalid, "Invalid parameter reprocessAssetsJob/assetHandleArray: at least one handle is required");
    }

    [Fact]
    public void Empty_handle_in_an_array_is_30001_with_its_index()
    {
        var job = (RipPdfsJob)WireSamples.Sparse("ripPdfsJob");
        job.PdfHandleArray = WireSamples.Handles("a|47|101", "");

        OnlyProblem(With(job), Invalid, "Invalid parameter ripPdfsJob/pdfHandleArray/items[1]: a handle cannot be empty");
    }

    [Theory]
    [InlineData("a|47", "'a|47' is not an asset handle")]
    [InlineData("47|My Test Job|", "'47|My Test Job|' is not an asset handle")]
    [InlineData("a|47|-3", "'a|47|-3' is not an asset handle")]
    [InlineData("a|48|12", "'a|48|12' is an asset handle of another company")]
    public void An_asset_handle_that_is_malformed_or_of_another_company_is_30001_with_its_index(string handle, string reason)
    {
        var job = (ReprocessAssetsJob)WireSamples.Sparse("reprocessAssetsJob");
        job.AssetHandleArray = WireSamples.Handles("a|47|1", handle);

        OnlyProblem(With(job), Invalid, $"Invalid parameter reprocessAssetsJob/assetHandleArray/items[1]: {reason}");
    }

    [Fact]
    public void Well_formed_asset_handles_and_named_resources_are_collected_for_the_database_check()
    {
        var export = (ExportJob)WireSamples.Full("exportJob");
        var sets = (AutomatedSetGenerationJob)WireSamples.Full("automatedSetGenerationJob");

        SubmitJobMapper.Map(With(export), ServerZone, out var exportReferences);
        SubmitJobMapper.Map(With(sets), ServerZone, out var setReferences);

        Assert.Equal([new("exportJob/assetHandleArray/items[0]", "a|47|1", 1), new("exportJob/assetHandleArray/items[1]", "a|47|2", 2)],
            exportReferences.Assets);
        Assert.Equal([new NamedReference("exportJob/macro", "Thumbnail")], exportReferences.Macros);
        Assert.Equal([new NamedReference("automatedSetGenerationJob/autoSetCreationOptions/autoSetsArray/items[0]", "s|1")], setReferences.SetScripts);
    }

    [Fact]
    public void Every_unknown_or_invalid_is_modifier_is_30001_in_one_answer()
    {
        var job = (ExportJob)WireSamples.Full("exportJob");
        job.Macro = null;
        job.IsModifier = "wid=200&blur=3&fmt=gif&qlt=0";

        var result = Map(With(job));

        Assert.Equal(
        [
            "Invalid parameter exportJob/is_modifier: 'blur=3' is not a supported modifier (supported: wid, hei, fit, fmt, qlt, bgc, crop, scl, rotate)",
            "Invalid parameter exportJob/is_modifier: 'fmt=gif' has an invalid value",
            "Invalid parameter exportJob/is_modifier: 'qlt=0' has an invalid value",
        ], result.Problems.Select(p => p.Message));
        Assert.All(result.Problems, p => Assert.Equal(Invalid, p.Code));
    }

    [Fact]
    public void Is_modifier_is_not_judged_when_a_macro_wins_or_the_export_is_orig()
    {
        var withMacro = (ExportJob)WireSamples.Full("exportJob");
        withMacro.IsModifier = "blur=3";
        var orig = (ExportJob)WireSamples.Sparse("exportJob");
        orig.IsModifier = "blur=3";

        Valid(With(withMacro));
        Valid(With(orig));
    }

    [Fact]
    public void Url_item_without_sourceUrl_or_destPath_is_30002_with_its_index()
    {
        var job = (UploadUrlsJob)WireSamples.Full("uploadUrlsJob");
        job.UrlArray!.Items.Add(new UploadUrl { DestPath = "a.jpg" });
        job.UrlArray.Items.Add(new UploadUrl { SourceUrl = "http://example.com/b.jpg", DestPath = " " });

        var result = Map(With(job));

        Assert.Equal(
            ["Missing required parameter: uploadUrlsJob/urlArray/items[2]/sourceUrl",
             "Missing required parameter: uploadUrlsJob/urlArray/items[3]/destPath"],
            result.Problems.Select(p => p.Message));
        Assert.All(result.Problems, p => Assert.Equal(Missing, p.Code));
    }

    [Theory]
    [InlineData("ftp://example.com/a.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/img/a.jpg")]
    [InlineData("example.com/a.jpg")]
    [InlineData("http://")]
    public void SourceUrl_that_is_not_absolute_http_is_30001(string sourceUrl)
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.UrlArray = new UploadUrlArray { Items = [new UploadUrl { SourceUrl = sourceUrl, DestPath = "a.jpg" }] };

        OnlyProblemStartingWith(With(job), Invalid, "Invalid parameter uploadUrlsJob/urlArray/items[0]/sourceUrl: ");
    }

    [Theory]
    [InlineData("../a.jpg")]
    [InlineData("catalog/../../a.jpg")]
    [InlineData("catalog/..")]
    [InlineData("/../etc/a.jpg")]
    [InlineData("catalog//a.jpg")]
    [InlineData("C:/a.jpg")]
    [InlineData("catalog\\a.jpg")]
    [InlineData("catalog/a\0.jpg")]
    [InlineData("catalog/a\u0007.jpg")]
    public void DestPath_that_could_leave_the_company_tree_is_30001(string destPath)
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.UrlArray = new UploadUrlArray { Items = [new UploadUrl { SourceUrl = "http://example.com/a.jpg", DestPath = destPath }] };

        OnlyProblemStartingWith(With(job), Invalid, "Invalid parameter uploadUrlsJob/urlArray/items[0]/destPath: ");
    }

    [Theory]
    [InlineData("catalog/a..b.jpg")]
    [InlineData("catalog/spring/")]
    [InlineData("a b/c.jpg")]
    [InlineData("/philipstest/catalog/a.jpg")]
    [InlineData("Demo Company/catalog/a.jpg")]
    public void DestPath_inside_the_tree_is_accepted(string destPath)
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.UrlArray = new UploadUrlArray { Items = [new UploadUrl { SourceUrl = "http://example.com/a.jpg", DestPath = destPath }] };

        var spec = Assert.IsType<UploadUrlsSpec>(Valid(With(job)).Spec);

        Assert.Equal(destPath, Assert.Single(spec.Urls!).DestPath);
    }

    [Fact]
    public void Control_characters_are_escaped_in_the_reason()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.UrlArray = new UploadUrlArray { Items = [new UploadUrl { SourceUrl = "http://example.com/a.jpg", DestPath = "a\0b" }] };

        var problem = OnlyProblemStartingWith(With(job), Invalid, "Invalid parameter uploadUrlsJob/urlArray/items[0]/destPath: ");

        Assert.Contains("'a\\u0000b'", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', problem.Message);
    }

    [Theory]
    [InlineData("../other-company")]
    [InlineData("/../srv/ipsapi")]
    [InlineData("incoming\\..\\x")]
    public void ServerDir_and_destFolder_that_could_leave_the_tree_are_30001(string folder)
    {
        var job = (UploadDirectoryJob)WireSamples.Sparse("uploadDirectoryJob");
        job.ServerDir = folder;
        job.DestFolder = folder;

        var result = Map(With(job));

        Assert.Equal(
            ["uploadDirectoryJob/destFolder", "uploadDirectoryJob/serverDir"],
            result.Problems.Select(p => p.Message.Split(':')[0]["Invalid parameter ".Length..]));
    }

    [Fact]
    public void Callback_url_that_is_not_http_is_30001()
    {
        var param = Seed();
        param.ImageServingPublishJob!.HttpCompletionUrl = "javascript:alert(1)";

        OnlyProblemStartingWith(param, Invalid, "Invalid parameter imageServingPublishJob/httpCompletionUrl: ");
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var job = (UploadUrlsJob)WireSamples.Sparse("uploadUrlsJob");
        job.EmailSetting = null;
        job.Overwrite = null;
        job.UrlArray = new UploadUrlArray { Items = [new UploadUrl { SourceUrl = "gopher://x", DestPath = "../x" }] };
        var param = With(job);
        param.JobName = "";
        param.Locale = "en_US";
        param.ExecSchedule = "61 * * * * ?";

        var result = Map(param);

        Assert.False(result.IsValid);
        Assert.Equal(
            [(Missing, "Missing required parameter: jobName"),
             (Invalid, "Invalid parameter locale: "),
             (Invalid, "Invalid parameter execSchedule: "),
             (Invalid, "Invalid parameter uploadUrlsJob/urlArray/items[0]/sourceUrl: "),
             (Invalid, "Invalid parameter uploadUrlsJob/urlArray/items[0]/destPath: "),
             (Missing, "Missing required parameter: uploadUrlsJob/overwrite"),
             (Missing, "Missing required parameter: uploadUrlsJob/emailSetting")],
            result.Problems.Select(p => (p.Code, p.Message.StartsWith("Missing", StringComparison.Ordinal) ? p.Message : p.Message[..(p.Message.IndexOf(": ", StringComparison.Ordinal) + 2)])));
    }

    [Fact]
    public void Absent_optional_values_stay_absent_in_the_definition()
    {
        var spec = Assert.IsType<UploadUrlsSpec>(Valid(With(WireSamples.Sparse("uploadUrlsJob"))).Spec);

        Assert.Null(spec.Urls);
        Assert.Null(spec.NumUrls);
        Assert.Null(spec.PreservePublishState);
        Assert.Null(spec.Processing.ProjectHandles);
        Assert.Null(spec.Post.PostImageServingPublishJob);
        Assert.Null(spec.Processing.MediaOptions);
        Assert.Null(spec.Processing.ExcludeMasterVideoFromAvs);
    }
}
