namespace Platform.Core.Subscriptions;

/// <summary>A plan's access mode and grants as the portal and the API show them (no plan row yet: personal links, nothing granted).</summary>
public sealed record PlanDetails(ChannelAccessMode ChannelAccess, IReadOnlyList<PlanGrant> Grants)
{
    public IEnumerable<long> Chats => Grants.Where(g => g.Kind == PlanGrantKind.Chat && g.TelegramChatId is not null).Select(g => g.TelegramChatId!.Value);

    public IEnumerable<Guid> Products => Grants.Where(g => g.Kind == PlanGrantKind.Product && g.ProductId is not null).Select(g => g.ProductId!.Value);
}
