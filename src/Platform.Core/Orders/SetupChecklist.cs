namespace Platform.Core.Orders;

/// <summary>
/// The four steps a new store takes before its first sale, each read from the data (never ticked by hand), so the
/// dashboard can say "2 of 4 done" and point at the next page to open.
/// </summary>
/// <param name="BotConnected">A bot that is not a test-mode bot is connected.</param>
/// <param name="ProductAdded">The store has a product (any state).</param>
/// <param name="ProductPublished">A product is published (buyers see it).</param>
/// <param name="FirstPurchase">An order was paid (test mode included).</param>
public sealed record SetupChecklist(bool BotConnected, bool ProductAdded, bool ProductPublished, bool FirstPurchase)
{
    public const int Steps = 4;

    public int Done => (BotConnected ? 1 : 0) + (ProductAdded ? 1 : 0) + (ProductPublished ? 1 : 0) + (FirstPurchase ? 1 : 0);

    public bool Complete => Done == Steps;
}
