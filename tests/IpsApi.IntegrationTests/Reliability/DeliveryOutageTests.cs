using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Notifications;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// Runs end while the SMTP server and the callback receiver are both down: their emails and callbacks wait in the
/// outbox, and once both are back every run's email and callback arrives exactly once.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class DeliveryOutageTests
{
    [Fact]
    public async Task Emails_and_callbacks_of_runs_that_ended_during_an_outage_arrive_once_each_afterwards()
    {
        var runs = ReliabilityRun.Size(100, 300);
        await using var database = await TestDatabase.CreateAsync("mailout");
        var storage = Directory.CreateTempSubdirectory("ipsapi-mailout-").FullName;
        Directory.CreateDirectory(Path.Combine(storage, database.TenantStorageFolder, "server"));
        await using var smtp = SmtpServerFixture.Create();       // created, not started: connections are refused
        var callbackPort = FreePort();                            // nothing listens there yet
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "node-mailout", storage, environment: new Dictionary<string, string>
        {
            ["IPSAPI_SMTP__HOST"] = "127.0.0.1",
            ["IPSAPI_SMTP__PORT"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["IPSAPI_SMTP__SECURITY"] = "None",
            ["IPSAPI_NOTIFICATIONS__POLLSECONDS"] = "1",
            ["IPSAPI_NOTIFICATIONS__RETRYMAXSECONDS"] = "3",
            ["IPSAPI_OUTBOUND__ALLOWLOOPBACK"] = "true",
        });

        for (var i = 0; i < runs; i++)
        {
            var job = $"<serverDirectoryPublishJob><emailSetting>JobCompletion</emailSetting><httpCompletionUrl>http://127.0.0.1:{callbackPort}/done/{i}</httpCompletionUrl></serverDirectoryPublishJob>";
            var response = await PostAsync(node, database.Tenant, Envelopes.SubmitJobBody("77", $"outage-{i}", job));
            Assert.DoesNotContain("Fault", response, StringComparison.Ordinal);
        }

        await Eventually.WaitAsync(() => database.ScalarAsync<long>("select count(*) from job_runs where ended_at is not null"),
            ended => ended >= runs, $"{runs} runs to end", timeoutSeconds: 180);
        // Both kinds have been tried against the dead endpoints and wait for their next attempt.
        var waiting = await Eventually.WaitAsync(
            () => database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null and failed_at is null and attempts >= 1"),
            count => count >= 2 * runs, "every email and callback to have failed once", timeoutSeconds: 120);
        Assert.Empty(smtp.Messages());

        await smtp.StartAsync(CancellationToken.None);
        await using var receiver = await CallbackReceiver.StartAtAsync(callbackPort);
        await Eventually.WaitAsync(() => database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null"),
            left => left == 0, "the outbox to empty", timeoutSeconds: 180);
        await Task.Delay(3000); // a second delivery would show up now, if there were one

        var messages = smtp.Messages();
        var callbacks = receiver.Received;
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from outbox where failed_at is not null"));
        Assert.Equal(runs, messages.Count);
        Assert.Equal(runs, callbacks.Count);
        for (var i = 0; i < runs; i++)
        {
            var name = $"\"outage-{i}\"";
            Assert.Single(messages, m => (m.Subject ?? "").Contains(name, StringComparison.Ordinal));
        }

        Assert.Equal(Enumerable.Range(0, runs).Select(i => $"/done/{i}").Order(), callbacks.Select(c => c.PathAndQuery).Order());
        Assert.Equal(runs, callbacks.Select(c => c.IdempotencyKey).Distinct().Count());

        ReliabilityRun.Record("delivery-outage", "SMTP and callback outage",
        [
            new Outcome($"{runs} runs ended while the SMTP server (aiosmtpd) and the callback receiver were down",
                $"{runs} emails, {runs} callbacks", "all waited in the outbox (retried with backoff); after both came back every run's email and callback arrived exactly once; none given up",
                $"{waiting} messages waiting during the outage"),
        ]);
    }

    private static async Task<string> PostAsync(ServerProcess node, TestTenant tenant, string body)
    {
        using var http = new HttpClient();
        using var content = new StringContent(Envelopes.Soap11(tenant, body), System.Text.Encoding.UTF8, "text/xml");
        using var response = await http.PostAsync(node.ServiceAddress, content);
        return await response.Content.ReadAsStringAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
