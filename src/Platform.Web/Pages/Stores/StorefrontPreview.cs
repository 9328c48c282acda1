using Microsoft.AspNetCore.Html;
using Platform.Core.Catalog;
using Platform.Core.Conversation;
using Platform.Core.Outbound.Texts;

namespace Platform.Web.Pages.Stores;

/// <summary>
/// The Storefront page's picture of the bot: the welcome screen and a product card, built by the bot's own code
/// (<see cref="CatalogView.WelcomeHtml"/>, <see cref="CatalogView.CardHtml"/>, <see cref="StorefrontKeyboard"/>) in the
/// store's default language, so what the merchant sees is what a buyer gets.
/// </summary>
public sealed record StorefrontPreview(
    string DisplayName,
    Guid? WelcomeImageId,
    IHtmlContent Welcome,
    IReadOnlyList<IReadOnlyList<string>> WelcomeButtons,
    Guid? CardImageId,
    IHtmlContent Card,
    string BuyButton,
    bool SampleProduct)
{
    public static StorefrontPreview Create(Storefront storefront, Product? product, bool sellsPlans)
    {
        var texts = BotTexts.For(null, storefront.DefaultLanguage);
        var sample = product is null;
        product ??= new Product
        {
            Title = "Sample product",
            Description = "Your product's <b>description</b> shows here, with its <i>formatting</i>.",
            Kind = ProductKind.File,
            PriceStars = 50,
        };
        var keyboard = StorefrontKeyboard.Welcome(storefront, texts, sellsPlans);
        return new StorefrontPreview(
            storefront.DisplayName,
            storefront.WelcomeImageFileId,
            RichTextPreviewHtml.Render(CatalogView.WelcomeHtml(storefront, texts)),
            keyboard.InlineKeyboard.Select(row => (IReadOnlyList<string>)row.Select(b => b.Text).ToList()).ToList(),
            sample ? null : product.PhotoFileId,
            RichTextPreviewHtml.Render(CatalogView.CardHtml(texts, product)),
            StorefrontKeyboard.BuyLabel(storefront, texts, product, StorefrontKeyboard.Price(texts, product)),
            sample);
    }
}
