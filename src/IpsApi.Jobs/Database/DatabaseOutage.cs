using Npgsql;

namespace IpsApi.Jobs.Database;

/// <summary>Tells a failure of the connection to PostgreSQL (down, restarting, unreachable) from a failure of a statement.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
