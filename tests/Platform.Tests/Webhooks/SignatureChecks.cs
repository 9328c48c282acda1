using StandardWebhooks;

namespace Platform.Tests.Webhooks;

/// <summary>Signature checks with the independent StandardWebhooks library.</summary>
internal static class SignatureChecks
{
    /// <summary>What the library signs for this request's id, timestamp and body with <paramref name="secret"/> (no clock involved).</summary>
    public static string SignWithLibrary(string secret, ReceivedWebhook request) =>
        new StandardWebhook(secret).Sign(request.Id, DateTimeOffset.FromUnixTimeSeconds(request.Timestamp), request.Body);
}
