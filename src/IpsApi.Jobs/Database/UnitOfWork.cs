using Npgsql;

namespace IpsApi.Jobs.Database;

/// <summary>
/// One connection and, when begun with one, its transaction: what several tables' owners write through so that
/// their rows commit together. Owners take a unit of work instead of a (connection, transaction) pair; a unit
/// without a transaction runs each command (or batch, as one implicit transaction) on its own.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly bool _ownsConnection;

    private UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool ownsConnection = true)
    {
        Connection = connection;
        Transaction = transaction;
        _ownsConnection = ownsConnection;
    }

    public NpgsqlConnection Connection { get; }

    /// <summary>Null for a unit without a transaction of its own.</summary>
    public NpgsqlTransaction? Transaction { get; }

    /// <summary>A connection with a transaction begun on it.</summary>
    public static async Task<UnitOfWork> BeginAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return new UnitOfWork(connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection without a transaction: each command, or each batch, commits on its own.</summary>
    public static async Task<UnitOfWork> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        new(await dataSource.OpenConnectionAsync(cancellationToken), null);

    /// <summary>
    /// For a unit without a transaction: a unit on the same connection with a transaction of its own, which commits
    /// apart from whatever the outer unit has done.
    /// </summary>
    public async Task<UnitOfWork> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("This unit of work has a transaction already.");
        }

        return new UnitOfWork(Connection, await Connection.BeginTransactionAsync(cancellationToken), ownsConnection: false);
    }

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public NpgsqlBatch Batch(params IEnumerable<NpgsqlBatchCommand> commands)
    {
        var batch = new NpgsqlBatch(Connection, Transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>Commits the transaction; nothing for a unit without one (its commands have committed already).</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => Transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        if (_ownsConnection)
        {
            await Connection.DisposeAsync();
        }
    }
}
