namespace IpsApi.Jobs.Definitions;

/// <summary>The zone of cron schedules, of execTime without an offset, and of run instance names.</summary>
public sealed record ServerTimeZone(TimeZoneInfo Zone);
