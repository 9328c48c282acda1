using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Subscriptions;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// Rows the portal's subscription tests insert directly (a bot, its chats, customers, plans and memberships), as the
/// bot side would leave them: the page and the figures are tested on known rows, without a sandbox.
/// </summary>
internal sealed class PlanPortalSeed(IServiceProvider services)
{
    private readonly PlatformDbContext db = services.GetRequiredService<PlatformDbContext>();

    public Bot? Bot { get; private set; }

    public async Task<Bot> BotAsync()
    {
        if (Bot is null)
        {
            Bot = new Bot
            {
                Id = Guid.CreateVersion7(),
                TelegramBotId = Random.Shared.NextInt64(1, long.MaxValue),
                Username = "club_bot",
                TokenCiphertext = "x",
                WebhookSecretCiphertext = "x",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Bots.Add(Bot);
            await db.SaveChangesAsync();
        }

        return Bot;
    }

    public async Task<ManagedChat> ChatAsync(string title, bool admin = true, bool invite = true, bool restrict = true, string type = "channel")
    {
        var chat = new ManagedChat
        {
            Id = Guid.CreateVersion7(),
            BotId = (await BotAsync()).Id,
            TelegramChatId = -1_000_000_000_000 - Random.Shared.NextInt64(1, 1L << 30),
            Title = title,
            ChatType = type,
            BotIsAdmin = admin,
            CanInviteUsers = invite,
            CanRestrictMembers = restrict,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.ManagedChats.Add(chat);
        await db.SaveChangesAsync();
        return chat;
    }

    public async Task<Product> ProductAsync(ProductKind kind, string title, int price = 100)
    {
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Title = title,
            Description = "",
            PriceStars = price,
            State = ProductState.Published,
            TextContent = kind == ProductKind.Text ? "The secret" : null,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public async Task<Customer> CustomerAsync(string username, string firstName = "Ann")
    {
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(),
            TelegramUserId = Random.Shared.NextInt64(1, 1L << 40),
            Username = username,
            FirstName = firstName,
            CreatedAt = DateTimeOffset.UtcNow,
            LastSeenAt = DateTimeOffset.UtcNow,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    /// <summary>A membership created <paramref name="createdDaysAgo"/> days ago; expired <paramref name="expiredDaysAgo"/> days ago when given.</summary>
    public async Task<Subscription> MembershipAsync(Product plan, Customer customer, double createdDaysAgo, double? expiredDaysAgo = null,
        SubscriptionStatus? status = null, SubscriptionSource source = SubscriptionSource.Stars, double periodEndsInDays = 20)
    {
        var now = DateTimeOffset.UtcNow;
        var subscription = new Subscription
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            CustomerId = customer.Id,
            BotId = (await BotAsync()).Id,
            TelegramUserId = customer.TelegramUserId,
            Status = status ?? (expiredDaysAgo is null ? SubscriptionStatus.Active : SubscriptionStatus.Expired),
            Source = source,
            PriceStars = source == SubscriptionSource.Complimentary ? 0 : plan.PriceStars,
            TelegramChargeId = source == SubscriptionSource.Stars ? "charge-" + Guid.NewGuid().ToString("N") : null,
            PeriodEnd = expiredDaysAgo is { } e ? now.AddDays(-e - 1) : now.AddDays(periodEndsInDays),
            CreatedAt = now.AddDays(-createdDaysAgo),
            ExpiredAt = expiredDaysAgo is { } ago ? now.AddDays(-ago) : null,
            UpdatedAt = now,
        };
        MembershipSchedule.Apply(subscription, null);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    }

    public async Task<AccessLogEntry> LogAsync(Subscription subscription, string action, string reason)
    {
        var entry = new AccessLogEntry
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = subscription.Id,
            TelegramUserId = subscription.TelegramUserId,
            Action = action,
            Target = "Members' lounge",
            Actor = "system",
            Reason = reason,
            At = DateTimeOffset.UtcNow,
        };
        db.AccessLog.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }
}
