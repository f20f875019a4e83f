using System.Globalization;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// The checkpoint of a resumable item loop (<see cref="ItemLoop.Resumable"/>): which items are done, and how many
/// transfers the runs that did them counted (a transfer is counted apart from any record, so the run that takes over a
/// cut run learns it here). Items finish out of order when several run at once, so it is every item below
/// <see cref="Next"/> and those of <see cref="DoneAfter"/>, a set no larger than the loop's parallelism. Stored as
/// <c>items:&lt;next&gt;;&lt;done after, comma-separated&gt;;&lt;transfers succeeded&gt;;&lt;transfers failed&gt;</c>.
/// </summary>
public sealed record ItemCheckpoint(int Next, IReadOnlySet<int> DoneAfter, int TransfersSucceeded, int TransfersFailed)
{
    private const string Prefix = "items:";

    public static ItemCheckpoint None { get; } = new(0, new HashSet<int>(), 0, 0);

    public int DoneCount => Next + DoneAfter.Count;

    public bool IsDone(int index) => index < Next || DoneAfter.Contains(index);

    /// <summary>This checkpoint with the item done, and the transfer it counted (none: null).</summary>
    public ItemCheckpoint With(int index, bool? transfer)
    {
        var after = new HashSet<int>(DoneAfter) { index };
        var next = Next;
        while (after.Remove(next))
        {
            next++;
        }

        return new ItemCheckpoint(next, after, TransfersSucceeded + (transfer == true ? 1 : 0), TransfersFailed + (transfer == false ? 1 : 0));
    }

    /// <summary>The checkpoint a job's text holds; null when it holds none, or one of another kind (an executor's own).</summary>
    public static ItemCheckpoint? Parse(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[Prefix.Length..].Split(';');
        if (parts.Length != 4 || !TryInt(parts[0], out var next) || !TryInt(parts[2], out var succeeded) || !TryInt(parts[3], out var failed))
        {
            return null;
        }

        var after = new HashSet<int>();
        foreach (var index in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryInt(index, out var done))
            {
                return null;
            }

            after.Add(done);
        }

        return new ItemCheckpoint(next, after, succeeded, failed);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}{Next};{string.Join(',', DoneAfter.Order())};{TransfersSucceeded};{TransfersFailed}");

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
