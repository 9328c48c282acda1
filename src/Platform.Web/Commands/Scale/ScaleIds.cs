namespace Platform.Web.Commands.Scale;

/// <summary>
/// Deterministic ids for seeded rows (kind, store, index), so a second pass over the same generator (the ledger after
/// the orders, the webhook events after both) can name rows of the first without holding a million of them in memory.
/// </summary>
public static class ScaleIds
{
    public const short Tenant = 1, User = 2, Membership = 3, Bot = 4, Product = 5, Customer = 6, Order = 7, Payment = 8, Refund = 9,
        Subscription = 10, Endpoint = 11, Event = 12, Delivery = 13, Attempt = 14;

    public static Guid Of(short kind, int store, long index = 0)
    {
        var tail = BitConverter.GetBytes(index);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(tail);
        }

        return new Guid(store, kind, 0x5ca1, tail);
    }
}
