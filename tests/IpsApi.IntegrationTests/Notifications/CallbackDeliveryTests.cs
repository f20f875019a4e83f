using System.Text.Json;
using IpsApi.Jobs.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Notifications;

/// <summary>httpCompletionUrl / postHttpUrl: the POST at the end of a run, its retries, and the addresses refused.</summary>
[Collection(NotificationCollection.Name)]
public sealed class CallbackDeliveryTests(NotificationFixture fixture)
{
    [Fact]
    public async Task The_callback_is_posted_and_retried_after_a_server_error()
    {
        await using var receiver = await CallbackReceiver.StartAsync(500);
        await using var services = fixture.Services(new Dictionary<string, string?> { ["IpsApi:Outbound:AllowLoopback"] = "true" });
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runId = NotificationFixture.NewRunId();
        var url = new Uri(receiver.Address, "/ips/done?token=s3cret");

        await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId, "None", callbackUrl: url.ToString(),
            outcome: RunOutcome.Failed, counts: new RunCounts(5, 2, 1, 0, 0, 8, true)));
        var row = Assert.Single(await fixture.SettledAsync(runId));
        await sender.StopAsync(CancellationToken.None);

        Assert.True(row.Delivered);
        Assert.Equal("callback", row.Kind);
        Assert.Equal(2, row.Attempts);
        Assert.Contains("HTTP 500", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", row.LastError, StringComparison.Ordinal);

        var received = receiver.Received;
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("/ips/done?token=s3cret", r.PathAndQuery));
        Assert.All(received, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Equal(received[0].IdempotencyKey, received[1].IdempotencyKey);
        Assert.StartsWith($"ipsapi-{row.Id}-", received[0].IdempotencyKey, StringComparison.Ordinal);

        var body = JsonDocument.Parse(received[0].Body).RootElement;
        Assert.Equal($"47|Nightly {runId}|Nightly {runId}_2025-03-03-10:15:00.000|{runId}", body.GetProperty("jobHandle").GetString());
        Assert.Equal($"Nightly {runId}", body.GetProperty("jobName").GetString());
        Assert.Equal("Failed", body.GetProperty("outcome").GetString());
        Assert.Equal(2, body.GetProperty("counts").GetProperty("fileError").GetInt32());
        Assert.True(body.GetProperty("counts").GetProperty("fatalError").GetBoolean());
        // emailSetting None: the callback went alone.
        Assert.Single(await fixture.RowsAsync(runId));
    }

    [Fact]
    public async Task A_callback_to_a_private_address_is_refused_for_good()
    {
        await using var services = fixture.Services(new Dictionary<string, string?> { ["IpsApi:Outbound:AllowLoopback"] = "true" });
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runId = NotificationFixture.NewRunId();

        // Refused before any connection is made: no packet goes to 10.0.0.0/8.
        await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId, "None", callbackUrl: "http://10.255.255.1/ips/done"));
        var row = Assert.Single(await fixture.SettledAsync(runId));
        await sender.StopAsync(CancellationToken.None);

        Assert.True(row.Failed);
        Assert.False(row.Delivered);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("private address", row.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    // A name is refused without saying what it resolved to: the submitter learns nothing of the internal DNS.
    [InlineData("localhost", "host localhost resolves to an address this server does not call")]
    public async Task A_callback_to_the_servers_own_loopback_is_refused_unless_allowed(string host, string why)
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var services = fixture.Services(new Dictionary<string, string?>());
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runId = NotificationFixture.NewRunId();
        // "localhost" passes the name check and is refused when it resolves, at connect time.
        var url = new UriBuilder(receiver.Address) { Host = host, Path = "/ips/done" }.Uri;

        await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId, "None", callbackUrl: url.ToString()));
        var row = Assert.Single(await fixture.SettledAsync(runId));
        await sender.StopAsync(CancellationToken.None);

        Assert.True(row.Failed);
        Assert.Contains(why, row.LastError, StringComparison.Ordinal);
        Assert.Equal(host == "localhost", !row.LastError!.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.Empty(receiver.Received);
    }
}
