using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Orders;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;

namespace Platform.Tests.Subscriptions;

/// <summary>Plans, memberships and plan charges written straight to the database, as the payment path would leave them.</summary>
public static class Memberships
{
    public static Task<Guid> AddPlanAsync(TestStore store, string title, int price, params Guid[] grantedProducts) =>
        store.WithDbAsync(async db =>
        {
            var plan = new Product
            {
                Id = Guid.NewGuid(),
                Kind = ProductKind.Subscription,
                Title = title,
                Description = $"{title} membership",
                PriceStars = price,
                State = ProductState.Published,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Products.Add(plan);
            db.SubscriptionPlans.Add(new SubscriptionPlan { ProductId = plan.Id, UpdatedAt = DateTimeOffset.UtcNow });
            db.PlanGrants.AddRange(grantedProducts.Select(p =>
                new PlanGrant { Id = Guid.NewGuid(), PlanId = plan.Id, Kind = PlanGrantKind.Product, ProductId = p }));
            await db.SaveChangesAsync();
            return plan.Id;
        });

    /// <summary>The store's customer row for a Telegram user, created if the user never wrote to the bot.</summary>
    public static Task<Guid> CustomerAsync(TestStore store, long telegramUserId) =>
        store.WithDbAsync(async db =>
        {
            if (await db.Customers.Where(c => c.TelegramUserId == telegramUserId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }

            var customer = new Customer
            {
                Id = Guid.NewGuid(),
                TelegramUserId = telegramUserId,
                CreatedAt = DateTimeOffset.UtcNow,
                LastSeenAt = DateTimeOffset.UtcNow,
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    /// <summary>A Stars membership as the writers leave it: dates from <see cref="MembershipSchedule.Apply"/>, then <paramref name="adjust"/>.</summary>
    public static Task<Subscription> AddAsync(TestStore store, Guid planId, Guid customerId, long telegramUserId, SubscriptionStatus status,
        DateTimeOffset periodEnd, Action<Subscription>? adjust = null) =>
        store.WithDbAsync(async db =>
        {
            // Telegram's dates are whole seconds (and PostgreSQL keeps microseconds, not ticks).
            periodEnd = DateTimeOffset.FromUnixTimeSeconds(periodEnd.ToUnixTimeSeconds());
            var subscription = new Subscription
            {
                Id = Guid.NewGuid(),
                PlanId = planId,
                CustomerId = customerId,
                BotId = store.BotId,
                TelegramUserId = telegramUserId,
                Status = status,
                Source = SubscriptionSource.Stars,
                PriceStars = 250,
                TelegramChargeId = "charge-" + Guid.NewGuid().ToString("N"),
                PeriodEnd = periodEnd,
                CreatedAt = periodEnd - MembershipSchedule.Period,
                UpdatedAt = periodEnd - MembershipSchedule.Period,
            };
            MembershipSchedule.Apply(subscription, await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync());
            adjust?.Invoke(subscription);
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync();
            return subscription;
        });

    /// <summary>The paid order of a membership's charge (what the payment path records for the first payment or a renewal).</summary>
    public static Task<Order> AddChargeAsync(TestStore store, Subscription subscription, string planTitle) =>
        store.WithDbAsync(async db =>
        {
            var order = new Order
            {
                Id = Guid.NewGuid(),
                BotId = subscription.BotId,
                CustomerId = subscription.CustomerId,
                ProductId = subscription.PlanId,
                PriceStars = subscription.PriceStars,
                ProductTitle = planTitle,
                Status = OrderStatus.Paid,
                ChatId = subscription.TelegramUserId,
                TelegramPaymentChargeId = subscription.TelegramChargeId,
                SubscriptionId = subscription.Id,
                CreatedAt = DateTimeOffset.UtcNow,
                PaidAt = DateTimeOffset.UtcNow,
            };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });
}
