using Platform.Core.Ledger;
using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>Everything the admin's read-only store view shows once a reason was given (docs/admin.md, "Stores").</summary>
public sealed record StoreView(
    Tenant Store,
    IReadOnlyList<StoreViewBot> Bots,
    IReadOnlyList<StoreViewProduct> Products,
    IReadOnlyList<StoreViewOrder> LatestOrders,
    IReadOnlyList<StoreViewWebhook> Webhooks,
    IReadOnlyList<BotBalance> Balances);
