using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Common;
using Platform.Core.Data;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Saves a product together with what it grants when it is a subscription plan: the catalog fields through
/// <see cref="ProductService"/> and the plan row and its grants here, in one transaction, so a refused grant leaves
/// the product unchanged too. Portal and API share it; a non-subscription product passes straight through. The bot's
/// rights in each chat named are asked of Telegram first, so a save decides on what Telegram says now rather than on
/// the last my_chat_member stored.
/// </summary>
public sealed class PlanService(PlatformDbContext db, ProductService products, ManagedChatDirectory chats, TimeProvider time)
{
    public async Task<PlanDetails> GetAsync(Guid productId, CancellationToken cancellationToken)
    {
        var mode = await db.SubscriptionPlans.AsNoTracking().Where(p => p.ProductId == productId)
            .Select(p => (ChannelAccessMode?)p.ChannelAccess).FirstOrDefaultAsync(cancellationToken);
        var grants = await db.PlanGrants.AsNoTracking().Where(g => g.PlanId == productId)
            .OrderBy(g => g.Kind).ThenBy(g => g.ChatTitle).ToListAsync(cancellationToken);
        return new PlanDetails(mode ?? ChannelAccessMode.PersonalLink, grants);
    }

    /// <summary>The store's channels and groups (from every bot), with the rights each still lacks.</summary>
    public async Task<IReadOnlyList<PlanChatOption>> ChatOptionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ManagedChats.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(c => c.TelegramChatId).Select(PlanChatOption.From).OrderBy(o => o.Title, StringComparer.CurrentCulture).ToList();
    }

    public async Task<Result<Product>> CreateAsync(ProductInput product, PlanInput? plan, CancellationToken cancellationToken)
    {
        await RefreshRightsAsync(plan, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await products.CreateAsync(product, cancellationToken);
        var saved = await SavePlanAsync(result, product.Kind, product.State ?? ProductState.Draft, plan ?? new PlanInput(), true, cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public async Task<Result<Product>> UpdateAsync(Guid id, ProductInput product, PlanInput? plan, CancellationToken cancellationToken)
    {
        var current = await db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Kind, p.State }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return Failure.NotFound($"This store has no product {id}.");
        }

        await RefreshRightsAsync(plan, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await products.UpdateAsync(id, product, cancellationToken);
        var planExists = await db.SubscriptionPlans.AnyAsync(p => p.ProductId == id, cancellationToken);
        var saved = await SavePlanAsync(result, current.Kind, product.State ?? current.State, plan, !planExists, cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private async Task<Result<Product>> SavePlanAsync(Result<Product> result, ProductKind? kind, ProductState state, PlanInput? plan, bool create,
        CancellationToken cancellationToken)
    {
        if (kind != ProductKind.Subscription)
        {
            if (plan is { ChannelAccess: not null } or { GrantChats: not null } or { GrantProducts: not null })
            {
                return Merge(result, new Dictionary<string, string[]>
                {
                    [nameof(PlanInput.GrantChats)] = ["Only subscription products grant channels and products."],
                });
            }

            return result;
        }

        var productId = result.Value?.Id;
        var existing = productId is null ? [] : await db.PlanGrants.Where(g => g.PlanId == productId).ToListAsync(cancellationToken);
        var plans = new PlanGrants(db, existing);
        var errors = await plans.ValidateAsync(plan ?? new PlanInput(), state, cancellationToken);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Merge(result, errors);
        }

        var now = time.GetUtcNow();
        var row = create ? null : await db.SubscriptionPlans.FirstOrDefaultAsync(p => p.ProductId == productId, cancellationToken);
        if (row is null)
        {
            row = new SubscriptionPlan { ProductId = productId!.Value, ChannelAccess = ChannelAccessMode.PersonalLink };
            db.SubscriptionPlans.Add(row);
        }

        var modeChanged = plan?.ChannelAccess is { } mode && mode != row.ChannelAccess;
        row.ChannelAccess = plan?.ChannelAccess ?? row.ChannelAccess;
        row.UpdatedAt = now;
        plans.Apply(productId!.Value, plan, modeChanged);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private Result<Product> Merge(Result<Product> result, IReadOnlyDictionary<string, string[]> errors)
    {
        db.ChangeTracker.Clear(); // the transaction rolls back: nothing changed
        if (!result.Succeeded && result.Failure.Kind != FailureKind.Invalid)
        {
            return result;
        }

        var all = new Dictionary<string, string[]>(result.Errors);
        foreach (var (field, messages) in errors)
        {
            all[field] = messages;
        }

        return Failure.Invalid(all);
    }

    /// <summary>Live rights for the chats a save names (bounded); Telegram unreachable leaves the stored rights to decide.</summary>
    private async Task RefreshRightsAsync(PlanInput? plan, CancellationToken cancellationToken)
    {
        if (plan?.GrantChats is not { Count: > 0 } ids)
        {
            return;
        }

        var chosen = ids.Distinct().Take(PlanGrants.MaxChats).ToList();
        var known = await db.ManagedChats.AsNoTracking().Where(c => chosen.Contains(c.TelegramChatId)).Select(c => new { c.BotId, c.TelegramChatId })
            .ToListAsync(cancellationToken);
        foreach (var chat in known)
        {
            try
            {
                await chats.CheckRightsAsync(chat.BotId, chat.TelegramChatId, cancellationToken);
            }
            catch (Exception e) when (e is Telegram.Bot.Exceptions.RequestException or HttpRequestException
                or System.Security.Cryptography.CryptographicException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Telegram unreachable, or the bot's token unreadable here: the rights stored from its last my_chat_member decide.
            }
        }
    }
}
