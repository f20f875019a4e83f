using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IpsApi.Jobs.Net;

namespace IpsApi.Jobs.Notifications;

/// <summary>POSTs a completion callback (the body is <see cref="CallbackDocument"/>) through the outbound client.</summary>
internal sealed class CallbackDelivery(IHttpClientFactory clients, OutboundUrlPolicy policy)
{
    public async Task PostAsync(ClaimedRow row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<CallbackPayload>(row.Payload, OutboxMessage.Json)
            ?? throw new PermanentDeliveryException("the callback row has no payload");
        if (!Uri.TryCreate(payload.Url, UriKind.Absolute, out var url))
        {
            throw new PermanentDeliveryException("the callback URL is not an absolute URL");
        }

        // Refuse what is refused anyway before any connection; the handler checks again at connect time.
        var decision = policy.CheckUrl(url);
        if (!decision.Allowed)
        {
            throw new PermanentDeliveryException($"Refused: {decision.Reason}.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key",
            string.Create(CultureInfo.InvariantCulture, $"ipsapi-{row.Id}-{row.CreatedAt.ToUnixTimeMilliseconds()}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var client = clients.CreateClient(OutboundHttp.ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                // Host only: the path and query of a callback URL may hold the receiver's token.
                throw new HttpRequestException(
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {url.Host}", null, response.StatusCode);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer from {url.Host} within {timeout.TotalSeconds:0.#} s");
        }
    }
}
