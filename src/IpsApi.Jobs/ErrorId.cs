namespace IpsApi.Jobs;

/// <summary>
/// The short id that ties what a client or a job log is told ("error id 3f9c...") to the server log entry with the
/// exception: only the server log has the details.
/// </summary>
public static class ErrorId
{
    public static string New() => Guid.NewGuid().ToString("N")[..12];
}
