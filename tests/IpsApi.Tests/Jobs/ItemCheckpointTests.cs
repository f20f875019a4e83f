using IpsApi.Jobs.Engine.Running;

namespace IpsApi.Tests.Jobs;

/// <summary>The checkpoint a resumable item loop keeps: which items are done, as they finish out of order.</summary>
public sealed class ItemCheckpointTests
{
    [Fact]
    public void Items_done_out_of_order_are_kept_apart_until_the_ones_before_them_are_done()
    {
        var checkpoint = ItemCheckpoint.None.With(1, transfer: true).With(3, transfer: false);

        Assert.Equal("items:0;1,3;1;1", checkpoint.ToString());
        Assert.False(checkpoint.IsDone(0));
        Assert.True(checkpoint.IsDone(3));

        checkpoint = checkpoint.With(0, transfer: true).With(2, transfer: null);

        Assert.Equal("items:4;;2;1", checkpoint.ToString());
        Assert.Equal(4, checkpoint.DoneCount);
    }

    [Fact]
    public void What_it_writes_reads_back_the_same()
    {
        var checkpoint = ItemCheckpoint.None.With(0, true).With(1, true).With(5, false).With(7, null);

        var read = ItemCheckpoint.Parse(checkpoint.ToString())!;

        Assert.Equal(checkpoint.ToString(), read.ToString());
        Assert.Equal([5, 7], read.DoneAfter.Order());
        Assert.Equal((2, 1), (read.TransfersSucceeded, read.TransfersFailed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("12")]          // an executor's own checkpoint (an index, an id)
    [InlineData("items:1;2")]
    [InlineData("items:x;;0;0")]
    [InlineData("items:1;a;0;0")]
    public void A_checkpoint_of_another_kind_or_damaged_is_none(string? text) => Assert.Null(ItemCheckpoint.Parse(text));
}
