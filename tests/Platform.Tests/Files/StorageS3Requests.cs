using System.Collections.Concurrent;
using Amazon.Runtime;

namespace Platform.Tests.Files;

/// <summary>
/// Records what the S3 SDK puts on the wire (method, path and query, a few headers) on its way to the real server, so
/// a test can see a multipart upload or an encryption header. Nothing is faked: every request still reaches s3rver.
/// </summary>
public sealed class StorageS3Requests : HttpClientFactory
{
    public ConcurrentQueue<StorageS3Request> Sent { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Recorder(Sent, new SocketsHttpHandler()));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    private sealed class Recorder(ConcurrentQueue<StorageS3Request> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var encryption = request.Headers.TryGetValues("x-amz-server-side-encryption", out var values) ? values.FirstOrDefault() : null;
            var kmsKey = request.Headers.TryGetValues("x-amz-server-side-encryption-aws-kms-key-id", out var keys) ? keys.FirstOrDefault() : null;
            sent.Enqueue(new StorageS3Request(request.Method.Method, request.RequestUri!.PathAndQuery, encryption, kmsKey));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>One request seen by <see cref="StorageS3Requests"/>.</summary>
public sealed record StorageS3Request(string Method, string PathAndQuery, string? Encryption, string? KmsKeyId)
{
    public bool IsPart => PathAndQuery.Contains("partNumber=", StringComparison.Ordinal);
}
