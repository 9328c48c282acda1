using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Core.Outbox;
using Platform.Core.Webhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Platform.Tests.Webhooks;

/// <summary>
/// Signatures checked by the spec's published test vector and by the independent StandardWebhooks library's full
/// Verify (which checks the timestamp against the real clock, so this class never advances its fake clock).
/// </summary>
public sealed class WebhookSignatureTests(WebhookAppFactory app) : IClassFixture<WebhookAppFactory>
{
    [Fact]
    public void Our_signature_reproduces_the_Standard_Webhooks_published_test_vector()
    {
        var key = WebhookSecrets.KeyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var signature = WebhookSignature.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"u8, [key]);
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
        Assert.True(WebhookSignature.Verify("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"u8, "v1,bm9wZQ== " + signature, key));
        Assert.False(WebhookSignature.Verify("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232315}"u8, signature, key));
    }

    [Fact]
    public async Task A_delivered_webhook_verifies_with_the_independent_StandardWebhooks_library_and_carries_the_envelope()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, _) = await app.NewStoreAsync("Signed");
        var (endpoint, secret) = await app.CreateEndpointAsync(tenant, receiver.Url());
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret); // 32 random bytes
        var eventId = await app.EmitAsync(tenant, EventTypes.OrderPaid, new { OrderId = "ord_1", AmountStars = 150 });
        await app.PumpAsync(tenant);
        await app.SendAsync(tenant, endpoint.Id);

        var request = Assert.Single(receiver.Requests);
        var headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        new StandardWebhook(secret).Verify(request.Body, headers); // throws when the signature is wrong
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecrets.Generate()).Verify(request.Body, headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(request.Body.Replace("150", "151"), headers));

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(eventId.ToString(), request.Id);
        Assert.Equal(request.Id, root.GetProperty("id").GetString());
        Assert.Equal("order.paid", root.GetProperty("type").GetString());
        Assert.Equal(EventTypes.ApiVersion, root.GetProperty("api_version").GetString());
        Assert.Equal(tenant.Id, root.GetProperty("tenant_id").GetGuid());
        Assert.True(root.TryGetProperty("created_at", out _));
        Assert.Equal(150, root.GetProperty("data").GetProperty("amount_stars").GetInt32());
        Assert.StartsWith("application/json", request.Headers["content-type"]);
        Assert.Equal(Encoding.UTF8.GetByteCount(request.Body), int.Parse(request.Headers["content-length"], CultureInfo.InvariantCulture));
    }
}
