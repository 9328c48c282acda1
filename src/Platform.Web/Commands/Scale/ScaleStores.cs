using static Platform.Web.Commands.Scale.ScaleColumns;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// The seeded stores and what hangs off each: tenant, owner (one shared password hash, computed once), owner
/// membership, bots, products (text goods, plus a subscription plan in every fourth store) and customers. Bots carry a
/// placeholder instead of an encrypted token and are marked Broken, so nothing — the local run's webhook re-pointing,
/// the reconciliation sweep, the webhook refresh — ever tries to decrypt or call with them.
/// </summary>
public sealed class ScaleStores(ScaleShape shape, ScaleCopy copy, string passwordHash)
{
    public const string PlaceholderCiphertext = "scale-seed-placeholder";
    public const string BotNote = "Seeded for scale tests: placeholder token, never used.";

    public async Task<long> WriteAsync(CancellationToken ct)
    {
        var range = Enumerable.Range(0, shape.Tenants);
        long rows = 0;
        rows += await copy.CopyAsync("Tenants", false, Cols(("Id", PgUuid), ("Slug", PgText), ("Name", PgText), ("Status", PgText), ("CreatedAt", PgTime),
            ("DeliveriesFrozen", PgBool)), range.Select(t => Row(ScaleIds.Of(ScaleIds.Tenant, t), ScaleShape.Slug(t), StoreName(t), "Active",
            shape.CreatedAt(t), false)), ct);
        rows += await copy.CopyAsync("AspNetUsers", false, Cols(("Id", PgUuid), ("UserName", PgText), ("NormalizedUserName", PgText), ("Email", PgText),
            ("NormalizedEmail", PgText), ("EmailConfirmed", PgBool), ("PasswordHash", PgText), ("SecurityStamp", PgText), ("ConcurrencyStamp", PgText),
            ("PhoneNumberConfirmed", PgBool), ("TwoFactorEnabled", PgBool), ("LockoutEnabled", PgBool), ("AccessFailedCount", PgInt), ("CreatedAt", PgTime)),
            range.Select(t => Row(ScaleIds.Of(ScaleIds.User, t), ScaleShape.OwnerEmail(t), ScaleShape.OwnerEmail(t).ToUpperInvariant(),
                ScaleShape.OwnerEmail(t), ScaleShape.OwnerEmail(t).ToUpperInvariant(), true, passwordHash, Stamp(t, 1), Stamp(t, 2), false, false, true, 0,
                shape.CreatedAt(t))), ct);
        rows += await copy.CopyAsync("Memberships", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("UserId", PgUuid), ("Role", PgText),
            ("CreatedAt", PgTime)),
            range.Select(t => Row(ScaleIds.Of(ScaleIds.Membership, t), ScaleIds.Of(ScaleIds.Tenant, t), ScaleIds.Of(ScaleIds.User, t), "Owner",
                shape.CreatedAt(t))), ct);
        rows += await copy.CopyAsync("Bots", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("TelegramBotId", PgLong), ("Username", PgText),
            ("TokenCiphertext", PgText), ("WebhookSecretCiphertext", PgText), ("Status", PgText), ("LastError", PgText), ("CreatedAt", PgTime)),
            range.SelectMany(t => Enumerable.Range(0, ScaleShape.BotsOf(t)).Select(b => Row(ScaleIds.Of(ScaleIds.Bot, t, b), ScaleIds.Of(ScaleIds.Tenant, t),
                7_000_000_000L + t * 2L + b, $"scale_{t}_{b}_bot", PlaceholderCiphertext, PlaceholderCiphertext, "Broken", BotNote, shape.CreatedAt(t)))),
            ct);
        rows += await copy.CopyAsync("Products", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("Kind", PgText), ("Title", PgText), ("Description", PgText),
            ("PriceStars", PgInt), ("State", PgText), ("SortOrder", PgInt), ("TextContent", PgText), ("DownloadLimit", PgInt),
            ("CreatedAt", PgTime), ("UpdatedAt", PgTime)),
            range.SelectMany(t => Enumerable.Range(0, ScaleShape.ProductsOf(t) + (ScaleShape.SellsSubscription(t) ? 1 : 0)).Select(p =>
            {
                var subscription = p == ScaleShape.ProductsOf(t);
                return Row(ScaleIds.Of(ScaleIds.Product, t, p), ScaleIds.Of(ScaleIds.Tenant, t), subscription ? "Subscription" : "Text",
                    subscription ? "Members' club" : $"Guide no. {p + 1}", "Seeded for scale tests.", ScaleShape.PriceOf(t, p), "Published", p,
                    subscription ? null : "Thank you for your purchase.", 5, shape.CreatedAt(t), shape.CreatedAt(t));
            })), ct);
        rows += await copy.CopyAsync("SubscriptionPlans", true, Cols(("ProductId", PgUuid), ("TenantId", PgUuid),
            ("ChannelAccess", PgText), ("UpdatedAt", PgTime)),
            range.Where(ScaleShape.SellsSubscription).Select(t => Row(ScaleIds.Of(ScaleIds.Product, t, ScaleShape.ProductsOf(t)),
                ScaleIds.Of(ScaleIds.Tenant, t),
                "PersonalLink", shape.CreatedAt(t))), ct);
        rows += await copy.CopyAsync("Customers", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("TelegramUserId", PgLong), ("Username", PgText),
            ("FirstName", PgText), ("LanguageCode", PgText), ("CreatedAt", PgTime), ("LastSeenAt", PgTime)),
            range.SelectMany(t => Enumerable.Range(0, shape.CustomersOf(t)).Select(c => Row(ScaleIds.Of(ScaleIds.Customer, t, c),
                ScaleIds.Of(ScaleIds.Tenant, t), 100_000_000L + c, $"buyer{c}", $"Buyer {c}", "en", shape.FirstOrderAt(t), shape.Now))), ct);
        return rows;
    }

    private static readonly string[] Words = ["Amber", "Bright", "Cosmic", "Digital", "Echo", "Falcon", "Golden", "Harbor", "Indigo", "Jade"];

    public static string StoreName(int store) => $"{Words[store % 10]} {Words[store / 10 % 10]} store {store}";

    private static string Stamp(int store, int which) => ScaleIds.Of((short)(100 + which), store).ToString("N").ToUpperInvariant();
}
