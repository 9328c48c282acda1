using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>product.sold_out: written by LicenseKeyPool in the transaction that takes a product's last key.</summary>
[Description("The last license key of a product was sold; the bot stops offering it. The envelope's created_at is when it sold out.")]
public sealed record ProductSoldOut(
    [property: Description("The product that sold out.")] Guid ProductId,
    [property: Description("The product's title.")] string Title) : IPlatformEvent
{
    public const string TypeName = "product.sold_out";

    static string IPlatformEvent.TypeName => TypeName;
}
