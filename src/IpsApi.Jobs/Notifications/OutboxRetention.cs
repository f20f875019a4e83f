using System.Runtime.CompilerServices;
using IpsApi.Jobs.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Notifications;

/// <summary>
/// Outbox rows that are done with: delivered ones <see cref="RetentionOptions.OutboxDeliveredDays"/> after delivery,
/// given-up ones <see cref="RetentionOptions.OutboxFailedDays"/> after they were given up (the dashboard lists those
/// until then). A message still being retried is never removed.
/// </summary>
public sealed class OutboxRetention : IRetentionKind
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Func<int> _days;
    private readonly string _column;

    private OutboxRetention(NpgsqlDataSource dataSource, string name, string rule, string column, Func<int> days)
    {
        _dataSource = dataSource;
        Name = name;
        _column = column;
        _days = days;
        RuleText = rule;
    }

    public string Name { get; }

    public string Rule => $"{_days()} days after {RuleText}";

    public bool Enabled => _days() > 0;

    private string RuleText { get; }

    public static OutboxRetention Delivered(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) =>
        new(dataSource, "delivered messages", "delivery", "delivered_at", () => options.Value.OutboxDeliveredDays);

    public static OutboxRetention GivenUp(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) =>
        new(dataSource, "given-up messages", "they were given up", "failed_at", () => options.Value.OutboxFailedDays);

    public async IAsyncEnumerable<int> PurgeAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int removed;
        do
        {
            // The column is one of the two fixed names above, never input.
            await using var command = _dataSource.CreateCommand(
                $"""
                delete from outbox where id in (
                    select id from outbox where {_column} < now() - make_interval(days => @days)
                    order by {_column}
                    limit @batch)
                """);
            command.Parameters.AddWithValue("days", _days());
            command.Parameters.AddWithValue("batch", batchSize);
            removed = await command.ExecuteNonQueryAsync(cancellationToken);
            if (removed > 0)
            {
                yield return removed;
            }
        }
        while (removed == batchSize);
    }

    public async Task<RetentionBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"select min({_column}) from outbox");
        var oldest = await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : (DateTimeOffset?)null;
        var due = oldest?.AddDays(_days());
        return new RetentionBacklog(oldest, Enabled && due < DateTimeOffset.UtcNow ? due : null);
    }
}
