namespace IpsApi.Server.Soap.Mapping;

/// <summary>Turns a client's <c>execTime</c> into the instant the job runs.</summary>
internal static class ExecTimeConverter
{
    /// <param name="value">
    /// As XmlSerializer reads an <c>xsd:dateTime</c>: <see cref="DateTimeKind.Utc"/> for a 'Z' time,
    /// <see cref="DateTimeKind.Local"/> for a time with an offset, <see cref="DateTimeKind.Unspecified"/> for a
    /// time without a zone, which the contract says is in the server's zone.
    /// </param>
    /// <param name="serverZone">The server's zone, for times without an offset.</param>
    public static DateTimeOffset ToInstant(DateTime value, TimeZoneInfo serverZone)
    {
        return value.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(value, TimeSpan.Zero),
            DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
            _ => FromWallTime(value, serverZone),
        };
    }

    private static DateTimeOffset FromWallTime(DateTime wallTime, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(wallTime))
        {
            // The clock went back, so this time happened twice: take the first one (the larger offset, still
            // summer time), as java.time does. Running an hour early beats running an hour late, and a job
            // scheduled for "01:30" is not skipped.
            var offsets = zone.GetAmbiguousTimeOffsets(wallTime);
            return new DateTimeOffset(wallTime, offsets.Max());
        }

        if (zone.IsInvalidTime(wallTime))
        {
            // The clock jumped forward over this time, so it never happened: shift it forward by the length of
            // the gap (02:30 in a 02:00-03:00 gap becomes 03:30), again as java.time does. Read with the offset
            // before the jump, the wall time lands that far after the jump. A gap is where the offset grows, so
            // the earlier offset is the smaller of the ones a day either side.
            var before = zone.GetUtcOffset(wallTime.AddDays(-1));
            var after = zone.GetUtcOffset(wallTime.AddDays(1));
            var instant = new DateTimeOffset(DateTime.SpecifyKind(wallTime - Min(before, after), DateTimeKind.Utc));
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        return new DateTimeOffset(wallTime, zone.GetUtcOffset(wallTime));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
