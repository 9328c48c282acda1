using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Core.Data;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;
using Platform.Web.RateLimiting;

namespace Platform.Web.Downloads;

/// <summary>
/// <c>GET /d/{token}</c>: the buyer's download (<c>HEAD</c>: the same answer without the body, never counted). The
/// token names tenant, order and file; everything else is checked against the database in that tenant's scope on
/// every request, so a refund, a used-up limit or a platform admin's freeze of the store's deliveries closes the link
/// even though the token itself stays valid until it expires. Bytes stream from storage with Range, ETag and
/// Last-Modified handled by ASP.NET Core's file result; nothing is loaded into memory. With S3 storage in
/// <c>PresignedRedirect</c> mode the checked and counted download answers 302 to a short-lived presigned GET instead.
/// </summary>
public static class DownloadEndpoint
{
    public const string Pattern = "/d/{token}";

    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        // HEAD answers with GET's status and headers (Kestrel sends no body) and is never counted as a download.
        endpoints.MapMethods(Pattern, [HttpMethods.Get, HttpMethods.Head], HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.Downloads);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string token, HttpContext http, DownloadTokens tokens, ITenantStore tenants, TenantScopeFactory scopes,
        IFileStorage storage, IOptions<DownloadOffloadOptions> offload, TimeProvider time, CancellationToken cancellationToken)
    {
        switch (tokens.Verify(token, time.GetUtcNow(), out var claims))
        {
            case DownloadTokenStatus.Tampered:
                return DownloadPages.Tampered();
            case DownloadTokenStatus.Expired:
                return DownloadPages.Expired();
        }

        var tenant = await tenants.FindByIdAsync(claims!.TenantId, cancellationToken);
        if (tenant is null)
        {
            return DownloadPages.NotFound();
        }

        if (tenant.DeliveriesFrozen)
        {
            return DownloadPages.DeliveriesPaused(); // a suspension alone keeps bought downloads open (docs/admin.md)
        }

        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == claims.OrderId)
            .Select(o => new { o.Status, o.ProductId, o.DownloadCount, o.SubscriptionId }).FirstOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return DownloadPages.NotFound();
        }

        if (order.Status == OrderStatus.Refunded)
        {
            return DownloadPages.Refunded();
        }

        if (order.Status is not (OrderStatus.Paid or OrderStatus.Fulfilled))
        {
            return DownloadPages.NotPaid();
        }

        // Archived products still deliver: the product's state is deliberately not checked here.
        var product = order.SubscriptionId is { } subscriptionId
            ? await MemberProductAsync(scope.ServiceProvider, subscriptionId, claims.FileId, cancellationToken)
            : await db.Products.AsNoTracking().Where(p => p.Id == order.ProductId)
                .Select(p => new DownloadProduct(p.FileId, p.DownloadLimit)).FirstOrDefaultAsync(cancellationToken);
        if (ReferenceEquals(product, DownloadProduct.MembershipEnded))
        {
            return DownloadPages.MembershipEnded();
        }

        var file = product?.FileId == claims.FileId
            ? await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == claims.FileId, cancellationToken)
            : null;
        if (product is null || file is null)
        {
            return DownloadPages.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        var kind = DownloadRequestClassifier.Classify(http.Request, etag, file.CreatedAt, file.Length);
        var isHead = HttpMethods.IsHead(http.Request.Method);
        if (kind == DownloadRequestKind.NewDownload && isHead)
        {
            // A link checker or download manager asking first: the answer a GET would get now, but nothing counted.
            if (order.DownloadCount >= product.DownloadLimit)
            {
                return DownloadPages.LimitReached(product.DownloadLimit);
            }
        }
        else if (kind == DownloadRequestKind.NewDownload)
        {
            // One conditional UPDATE: concurrent requests can never push the count past the limit.
            var counted = await db.Orders
                .Where(o => o.Id == claims.OrderId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled)
                    && o.DownloadCount < product.DownloadLimit)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DownloadCount, o => o.DownloadCount + 1), cancellationToken);
            if (counted == 0)
            {
                var status = await db.Orders.Where(o => o.Id == claims.OrderId).Select(o => o.Status).FirstAsync(cancellationToken);
                return status == OrderStatus.Refunded ? DownloadPages.Refunded() : DownloadPages.LimitReached(product.DownloadLimit);
            }
        }
        else if (kind == DownloadRequestKind.Continuation && order.DownloadCount == 0)
        {
            // Resuming needs a download that was started (and counted); otherwise ranges would dodge the limit.
            return DownloadPages.Problem(StatusCodes.Status416RangeNotSatisfiable, "Start the download from the beginning",
                "This link's first download must start at the beginning of the file. Open the link again in your browser.");
        }

        var contentType = file.ContentType;
        var path = storage.TryGetPhysicalPath(file.StorageKey);
        var sendsBytes = !isHead && kind is DownloadRequestKind.NewDownload or DownloadRequestKind.Continuation;
        // HEAD is answered here, headers and all, rather than handed to nginx (which only reaches local files).
        if (sendsBytes && path is not null &&
            offload.Value.AccelRedirectPrefix is { Length: > 0 } prefix &&
            string.Equals(http.Request.Headers[DownloadOffloadOptions.SendfileTypeHeader], DownloadOffloadOptions.AccelRedirect,
                StringComparison.OrdinalIgnoreCase))
        {
            // nginx replaces this empty answer with the file (and serves the Range itself); storage keys are hex and "/".
            http.Response.Headers[DownloadOffloadOptions.AccelRedirect] = prefix.TrimEnd('/') + "/" + file.StorageKey;
            http.Response.Headers.ContentDisposition = Attachment(file.FileName);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.ContentType = contentType;
            return Results.Empty;
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (sendsBytes && path is null &&
            await storage.GetDownloadRedirectAsync(file.StorageKey, contentType, Attachment(file.FileName), cancellationToken) is { } redirect)
        {
            // S3's PresignedRedirect mode (docs/files.md): checked and counted above; the bucket serves the bytes (and the
            // Range, resent by the client). The link we send stays /d/ on the public URL; this URL is only a redirect target.
            return Results.Redirect(redirect.AbsoluteUri);
        }

        if (path is not null && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>() is { } body)
        {
            http.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new FileSendingBodyFeature(body, http,
                offload.Value.ZeroCopyMinBytes));
        }

        return path is not null
            ? Results.File(path, contentType, file.FileName, file.CreatedAt, etag, enableRangeProcessing: true)
            : Results.Stream(await storage.OpenReadAsync(file.StorageKey, cancellationToken), contentType, file.FileName, file.CreatedAt, etag,
                enableRangeProcessing: true);
    }

    private static string Attachment(string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        return disposition.ToString();
    }

    /// <summary>
    /// A plan's charge (issue 14): the link serves a file of a product the plan grants, only while the membership grants
    /// access. One extra lookup, made only for such orders.
    /// </summary>
    private static async Task<DownloadProduct?> MemberProductAsync(IServiceProvider services, Guid subscriptionId, Guid fileId,
        CancellationToken cancellationToken)
    {
        var member = await services.GetRequiredService<MemberDownloadCheck>().FindAsync(subscriptionId, fileId, cancellationToken);
        return member switch
        {
            null or { DownloadLimit: null } => null,
            { AccessOpen: false } => DownloadProduct.MembershipEnded,
            { DownloadLimit: { } limit } => new DownloadProduct(fileId, limit),
        };
    }

    /// <summary>The file a link may serve and how many downloads its order allows.</summary>
    private sealed record DownloadProduct(Guid? FileId, int DownloadLimit)
    {
        public static readonly DownloadProduct MembershipEnded = new(null, 0);
    }
}
