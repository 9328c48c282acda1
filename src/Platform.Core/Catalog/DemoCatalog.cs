using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Files;

namespace Platform.Core.Catalog;

/// <summary>
/// The local run's demo catalog: one published product of each kind (a small PDF, a key with a pool of five, a text),
/// a category and storefront texts — made once, when the current tenant has no products yet.
/// </summary>
public sealed class DemoCatalog(PlatformDbContext db, ProductService products, LicenseKeyPool keys, CategoryService categories,
    StorefrontService storefront, FileUploadService files)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(cancellationToken))
        {
            return;
        }

        var category = (await categories.CreateAsync("Starter pack", cancellationToken)).Value;
        await storefront.UpdateAsync(new StorefrontInput
        {
            WelcomeText = "Welcome to the demo store! Tap Catalog to see what is for sale.",
            TermsText = "Digital goods are delivered at once after payment. Refunds within 14 days through /paysupport.",
            SupportText = "Questions about an order? Write to us.",
            SupportContact = "@starfront_demo",
        }, cancellationToken);

        StoredFile pdf;
        await using (var content = new MemoryStream(Encoding.ASCII.GetBytes(MinimalPdf)))
        {
            pdf = await files.SaveAsync(content, "Starfront demo guide.pdf", cancellationToken);
        }

        await products.CreateAsync(new ProductInput
        {
            Kind = ProductKind.File,
            Title = "Demo e-book",
            Description = "A one-page PDF guide, delivered as a document and a download link.",
            PriceStars = 10,
            State = ProductState.Published,
            CategoryId = category?.Id,
            FileId = pdf.Id,
        }, cancellationToken);
        var key = await products.CreateAsync(new ProductInput
        {
            Kind = ProductKind.LicenseKey,
            Title = "Demo license key",
            Description = "One key from a pool of five; each is sold once.",
            PriceStars = 25,
            State = ProductState.Published,
            CategoryId = category?.Id,
        }, cancellationToken);
        if (key.Value is not null)
        {
            await keys.AddAsync(key.Value.Id, Enumerable.Range(1, 5).Select(i => $"DEMO-{i:D4}-STAR"), cancellationToken);
        }

        await products.CreateAsync(new ProductInput
        {
            Kind = ProductKind.Text,
            Title = "Demo secret link",
            Description = "A text revealed right after payment.",
            PriceStars = 5,
            State = ProductState.Published,
            CategoryId = category?.Id,
            TextContent = "Thanks for buying! Your secret: https://example.com/starfront-demo",
        }, cancellationToken);
    }

    private const string MinimalPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        "4 0 obj<</Length 52>>stream\nBT /F1 18 Tf 40 70 Td (Starfront demo guide) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
}
