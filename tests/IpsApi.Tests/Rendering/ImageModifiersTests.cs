using IpsApi.Assets.Rendering;

namespace IpsApi.Tests.Rendering;

/// <summary>The image serving modifiers: what they parse to and the reply size they plan, before any pixel is read.</summary>
public sealed class ImageModifiersTests
{
    [Theory]
    [InlineData("wid=300", 1200, 800, 300, 200)]
    [InlineData("hei=100", 1200, 800, 150, 100)]
    [InlineData("wid=300&hei=300", 1200, 800, 300, 200)]
    [InlineData("wid=300&hei=300&fit=constrain", 1200, 800, 300, 200)]
    [InlineData("wid=300&hei=300&fit=fit", 1200, 800, 300, 300)]
    [InlineData("wid=200&hei=200&fit=crop", 1200, 800, 200, 200)]
    [InlineData("wid=200&hei=100&fit=stretch", 1200, 800, 200, 100)]
    [InlineData("scl=4", 1200, 800, 300, 200)]
    [InlineData("scl=4&wid=1000", 1200, 800, 300, 200)]
    [InlineData("wid=200&rotate=90", 1200, 800, 200, 300)]
    [InlineData("wid=200&rotate=-270", 1200, 800, 200, 300)]
    [InlineData("crop=0,0,600,400&wid=150", 1200, 800, 150, 100)]
    [InlineData("crop=1000,700,600,400", 1200, 800, 200, 100)]
    [InlineData("wid=2400", 1200, 800, 2400, 1600)]
    [InlineData("wid=2400&hei=2400&fit=constrain,0", 1200, 800, 1200, 800)]
    [InlineData("", 1200, 800, 1200, 800)]
    public void The_reply_size_follows_the_modifiers(string modifiers, int width, int height, int expectedWidth, int expectedHeight)
    {
        var parsed = ImageModifiers.Parse(modifiers, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new RenderSize(expectedWidth, expectedHeight), parsed.SizeFor(width, height));
    }

    [Fact]
    public void A_rotation_by_an_odd_angle_makes_room_for_the_corners()
    {
        var size = ImageModifiers.Parse("rotate=45", out _).SizeFor(100, 100);

        Assert.Equal(new RenderSize(142, 142), size);
    }

    [Theory]
    [InlineData("wid=0", false)]
    [InlineData("wid=-5", false)]
    [InlineData("fit=wrap", false)]
    [InlineData("fit=crop,2", false)]
    [InlineData("fmt=gif", false)]
    [InlineData("qlt=101", false)]
    [InlineData("bgc=zzzzzz", false)]
    [InlineData("crop=1,2,3", false)]
    [InlineData("scl=0", false)]
    [InlineData("rotate=400", false)]
    [InlineData("blur=3", true)]
    public void A_bad_value_is_told_from_an_unknown_modifier(string modifier, bool unknownName)
    {
        ImageModifiers.Parse(modifier, out var problems);

        Assert.Equal(unknownName, Assert.Single(problems).UnknownName);
    }

    [Fact]
    public void Formats_and_their_content_types()
    {
        Assert.Equal(("jpg", "image/jpeg"), Of("fmt=jpeg"));
        Assert.Equal(("png", "image/png"), Of("fmt=png-alpha"));
        Assert.Equal(("webp", "image/webp"), Of("fmt=webp"));
        Assert.Equal(("tif", "image/tiff"), Of("fmt=tiff"));

        static (string, string) Of(string text)
        {
            var parsed = ImageModifiers.Parse(text, out _);
            return (parsed.Format, parsed.ContentType);
        }
    }

    [Theory]
    [InlineData("wid=512&hei=512", 3)]   // 512 of 6000 wide: the 750-pixel level
    [InlineData("wid=750", 3)]
    [InlineData("wid=751", 2)]
    [InlineData("wid=100", 5)]           // never past the last level
    [InlineData("wid=6000", 0)]
    [InlineData("scl=2", 1)]
    [InlineData("crop=0,0,1000,1000&wid=500", 1)]
    [InlineData("wid=300&hei=300&fit=crop", 3)]
    public void The_smallest_pyramid_level_with_the_pixels_the_reply_needs_is_read(string modifiers, int level)
    {
        var parsed = ImageModifiers.Parse(modifiers, out _);

        Assert.Equal(level, parsed.LevelFor(6000, 4000, 6));
    }
}
