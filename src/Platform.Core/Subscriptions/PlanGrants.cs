using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;

namespace Platform.Core.Subscriptions;

/// <summary>
/// One plan's grants while it is saved: checks the chats (the bot's rights, a channel for Telegram's own subscription
/// links) and the products (this store's file or text products), then replaces the set, keeping the rows that stay so
/// their shared links survive. Split from <see cref="PlanService"/> to keep each small.
/// </summary>
internal sealed class PlanGrants(PlatformDbContext db, List<PlanGrant> existing)
{
    public const int MaxChats = 20;
    public const int MaxProducts = 50;

    private readonly Dictionary<long, PlanChatOption> chats = [];
    private readonly Dictionary<Guid, string> grantable = [];

    public async Task<Dictionary<string, string[]>> ValidateAsync(PlanInput plan, ProductState state, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = plan.ChannelAccess ?? ChannelAccessMode.PersonalLink;
        if (plan.ChannelAccess is { } given && !Enum.IsDefined(given))
        {
            errors[nameof(PlanInput.ChannelAccess)] = ["Choose personal links, join requests or Telegram's channel subscription link."];
        }

        var chatIds = (plan.GrantChats ?? ExistingChats()).Distinct().ToList();
        var productIds = (plan.GrantProducts ?? ExistingProducts()).Distinct().ToList();
        if (chatIds.Count > MaxChats)
        {
            errors[nameof(PlanInput.GrantChats)] = [$"A plan grants at most {MaxChats} chats."];
        }
        else if (chatIds.Count > 0)
        {
            var rows = await db.ManagedChats.AsNoTracking().Where(c => chatIds.Contains(c.TelegramChatId)).ToListAsync(cancellationToken);
            foreach (var option in rows.GroupBy(c => c.TelegramChatId).Select(PlanChatOption.From))
            {
                chats[option.TelegramChatId] = option;
            }

            var problems = chatIds.Select(id => ChatProblem(id, mode)).OfType<string>().ToArray();
            if (problems.Length > 0)
            {
                errors[nameof(PlanInput.GrantChats)] = problems;
            }
        }

        if (productIds.Count > MaxProducts)
        {
            errors[nameof(PlanInput.GrantProducts)] = [$"A plan grants at most {MaxProducts} products."];
        }
        else if (productIds.Count > 0)
        {
            var found = await db.Products.AsNoTracking()
                .Where(p => productIds.Contains(p.Id) && (p.Kind == ProductKind.File || p.Kind == ProductKind.Text))
                .Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
            foreach (var p in found)
            {
                grantable[p.Id] = p.Title;
            }

            if (productIds.Any(id => !grantable.ContainsKey(id)))
            {
                errors[nameof(PlanInput.GrantProducts)] = ["A plan can grant only this store's file and text products."];
            }
        }

        if (state == ProductState.Published && chatIds.Count == 0 && productIds.Count == 0 && errors.Count == 0)
        {
            errors[nameof(PlanInput.GrantChats)] = ["A published plan grants something: choose at least one channel, group or product."];
        }

        return errors;
    }

    /// <summary>Replaces the grants named in <paramref name="plan"/> (only after <see cref="ValidateAsync"/> found nothing wrong).</summary>
    public void Apply(Guid planId, PlanInput? plan, bool modeChanged)
    {
        if (plan?.GrantChats is { } chatIds)
        {
            var wanted = chatIds.ToHashSet();
            db.PlanGrants.RemoveRange(existing.Where(g => g.Kind == PlanGrantKind.Chat && !wanted.Contains(g.TelegramChatId ?? 0)));
            foreach (var id in wanted.Where(id => !existing.Any(g => g.Kind == PlanGrantKind.Chat && g.TelegramChatId == id)))
            {
                db.PlanGrants.Add(new PlanGrant { Id = Guid.CreateVersion7(), PlanId = planId, Kind = PlanGrantKind.Chat, TelegramChatId = id });
            }
        }

        if (plan?.GrantProducts is { } productIds)
        {
            var wanted = productIds.ToHashSet();
            db.PlanGrants.RemoveRange(existing.Where(g => g.Kind == PlanGrantKind.Product && !wanted.Contains(g.ProductId ?? Guid.Empty)));
            foreach (var id in wanted.Where(id => !existing.Any(g => g.Kind == PlanGrantKind.Product && g.ProductId == id)))
            {
                db.PlanGrants.Add(new PlanGrant { Id = Guid.CreateVersion7(), PlanId = planId, Kind = PlanGrantKind.Product, ProductId = id });
            }
        }

        foreach (var grant in db.ChangeTracker.Entries<PlanGrant>().Where(e => e.State != EntityState.Deleted).Select(e => e.Entity)
            .Where(g => g.PlanId == planId && g.Kind == PlanGrantKind.Chat))
        {
            grant.ChatTitle = chats.TryGetValue(grant.TelegramChatId ?? 0, out var chat) ? chat.Title : grant.ChatTitle;
            if (modeChanged)
            {
                grant.SharedInviteLink = null; // a link of the old mode: the access side makes the new one
            }
        }
    }

    private string? ChatProblem(long id, ChannelAccessMode mode)
    {
        if (!chats.TryGetValue(id, out var chat))
        {
            return $"Chat {id} is not one of the store's: add the bot to it as an administrator first.";
        }

        if (!chat.Ready)
        {
            return $"“{chat.Title}”: {string.Join("; ", chat.Missing)}.";
        }

        return mode == ChannelAccessMode.TelegramSubscriptionLink && chat.ChatType != "channel"
            ? $"“{chat.Title}” is a group: Telegram's subscription links work only for channels. Choose personal links or join requests."
            : null;
    }

    private IEnumerable<long> ExistingChats() =>
        existing.Where(g => g.Kind == PlanGrantKind.Chat && g.TelegramChatId is not null).Select(g => g.TelegramChatId!.Value);

    private IEnumerable<Guid> ExistingProducts() =>
        existing.Where(g => g.Kind == PlanGrantKind.Product && g.ProductId is not null).Select(g => g.ProductId!.Value);
}
