using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;

namespace Platform.Tests.Merchant;

public sealed class MerchantPagesTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task The_product_form_shows_errors_next_to_fields_and_creates_nothing()
    {
        var (tenant, email) = await app.NewStoreAsync("Forms");
        using var client = await app.SignedInClientAsync(email, tenant);
        using var response = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/products/new", "#product-form", new Dictionary<string, string>
        {
            ["Kind"] = "File",
            ["Title"] = new string('T', 33),
            ["Description"] = "",
            ["PriceStars"] = "0",
            ["State"] = "Published",
            ["DownloadLimit"] = "5",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageForms.ParseAsync(response);
        Assert.Contains("at most 32 characters", PageForms.FieldError(page, "Title"));
        Assert.Contains("1 to 10,000", PageForms.FieldError(page, "PriceStars"));
        Assert.Contains("needs the file", PageForms.FieldError(page, "FileId"));
        Assert.Empty(await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ProductService>().ListAsync(null, CancellationToken.None)));

        using var notANumber = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/products/new", "#product-form", new Dictionary<string, string>
        {
            ["Kind"] = "Text",
            ["Title"] = "Guide",
            ["PriceStars"] = "ten",
            ["TextContent"] = "https://example.test",
            ["State"] = "Draft",
            ["DownloadLimit"] = "5",
        });
        Assert.Contains("whole number of Stars", PageForms.FieldError(await PageForms.ParseAsync(notANumber), "PriceStars"));
    }

    [Fact]
    public async Task A_text_product_is_created_and_listed_and_keys_added_on_the_page_report_duplicates()
    {
        var (tenant, email) = await app.NewStoreAsync("Catalog");
        using var client = await app.SignedInClientAsync(email, tenant);
        using var created = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/products/new", "#product-form", new Dictionary<string, string>
        {
            ["Kind"] = "LicenseKey",
            ["Title"] = "Pro key",
            ["Description"] = "One seat",
            ["PriceStars"] = "250",
            ["State"] = "Published",
            ["DownloadLimit"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var productPath = created.Headers.Location!.OriginalString;

        using var added = await PageForms.SubmitAsync(client, productPath, "#keys-form",
            new Dictionary<string, string> { ["keysText"] = "K-1\nK-2\nK-2\nK-3\n" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await PageForms.GetPageAsync(client, productPath);
        Assert.Equal("3 added, 1 duplicate skipped.", page.QuerySelector("#notice")!.TextContent.Trim());
        Assert.Equal("3", page.QuerySelector("#stock")!.TextContent.Trim());

        var list = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/products");
        var row = list.QuerySelector("#products tbody tr")!;
        Assert.Equal("License key", row.QuerySelector(".kind")!.TextContent.Trim());
        Assert.Equal("3", row.QuerySelector(".stock")!.TextContent.Trim());
        Assert.Equal("Published", row.QuerySelector(".state")!.TextContent.Trim());
    }

    [Fact]
    public async Task Storefront_changes_are_what_the_bot_reads_next()
    {
        var (tenant, email) = await app.NewStoreAsync("Front");
        using var client = await app.SignedInClientAsync(email, tenant);
        var before = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<StorefrontReader>().GetAsync(CancellationToken.None));
        Assert.Equal(tenant.Name, before.DisplayName);
        Assert.Equal("🛍 Catalog", before.ButtonTexts["catalog"]);

        using var saved = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/storefront", "#storefront-form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Книжная лавка",
            ["WelcomeText"] = "Hello!",
            ["TermsText"] = "No refunds after download.",
            ["SupportText"] = "Write us",
            ["SupportContact"] = "@help",
            ["DefaultLanguage"] = "ru",
            ["ButtonTexts[catalog]"] = "Магазин",
            ["ButtonTexts[orders]"] = "📦 My orders",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<StorefrontReader>().GetAsync(CancellationToken.None));
        Assert.Equal("Книжная лавка", after.DisplayName);
        Assert.Equal("ru", after.DefaultLanguage);
        Assert.Equal("No refunds after download.", after.TermsText);
        Assert.Equal("Магазин", after.ButtonTexts["catalog"]);
        Assert.Equal("📦 My orders", after.ButtonTexts["orders"]);

        using var bad = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/storefront", "#storefront-form", new Dictionary<string, string>
        {
            ["DisplayName"] = "",
            ["DefaultLanguage"] = "de",
        });
        var page = await PageForms.ParseAsync(bad);
        Assert.Contains("1 to 100 characters", PageForms.FieldError(page, "DisplayName"));
        Assert.Contains("English (en), Persian (fa) or Russian (ru)", PageForms.FieldError(page, "DefaultLanguage"));
        Assert.Equal("Книжная лавка", (await app.InTenantAsync(tenant, sp => sp.GetRequiredService<StorefrontReader>().GetAsync(CancellationToken.None)))
            .DisplayName);

        using var category = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/storefront", "#add-category",
            new Dictionary<string, string> { ["name"] = "E-books" });
        using var duplicate = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/storefront", "#add-category",
            new Dictionary<string, string> { ["name"] = "E-books" });
        Assert.Contains("already a category", PageForms.FieldError(await PageForms.ParseAsync(duplicate), "category"));
    }

    [Fact]
    public async Task A_bot_whose_token_this_server_cannot_decrypt_is_listed_with_the_reason_instead_of_an_error()
    {
        var (tenant, email) = await app.NewStoreAsync("Unreadable");
        var file = await app.UploadAsync(tenant, "%PDF-1.4 tiny"u8.ToArray(), "tiny.pdf");
        await app.PaidFileOrderAsync(tenant, file); // its bot's token ciphertext is not from this key ring
        using var client = await app.SignedInClientAsync(email, tenant);

        var page = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/bots");

        Assert.Contains("@shop_bot", page.Body!.TextContent);
        Assert.Contains(Platform.Core.Bots.BotRegistrationService.UnreadableTokenMessage, page.Body!.TextContent);
    }

    [Fact]
    public async Task Orders_are_listed_filtered_and_shown_with_deliveries_and_the_owner_sees_refund()
    {
        var (tenant, email) = await app.NewStoreAsync("Orders");
        var file = await app.UploadAsync(tenant, "%PDF-1.4 tiny"u8.ToArray(), "tiny.pdf");
        var (product, paid) = await app.PaidFileOrderAsync(tenant, file);
        var pending = await app.InTenantAsync(tenant, sp => MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Pending, username: "someone_else"));
        await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.Deliveries.Add(new Delivery
            {
                Id = Guid.NewGuid(),
                OrderId = paid.Id,
                Kind = DeliveryKind.Document,
                CreatedAt = DateTimeOffset.UtcNow,
                SentAt = DateTimeOffset.UtcNow,
                TelegramMessageId = 77
            });
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInClientAsync(email, tenant);

        var all = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders");
        Assert.Equal(2, all.QuerySelectorAll("#orders tbody tr").Length);
        var onlyPaid = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?Status=Paid");
        Assert.Equal(paid.Id.ToString(), Assert.Single(onlyPaid.QuerySelectorAll("#orders tbody tr")).GetAttribute("data-id"));
        var byCustomer = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?Customer=%40someone");
        Assert.Equal(pending.Id.ToString(), Assert.Single(byCustomer.QuerySelectorAll("#orders tbody tr")).GetAttribute("data-id"));
        var future = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?From={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}");
        Assert.Empty(future.QuerySelectorAll("#orders tbody tr"));

        var detail = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders/{paid.Id}");
        Assert.Equal("Paid", detail.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains("File", detail.QuerySelector("#deliveries tr[data-kind=Document]")!.TextContent); // human names (issue 18)
        Assert.Equal($"/stores/{tenant.Slug}/orders/{paid.Id}/refund", detail.QuerySelector("#refund")!.GetAttribute("href"));
        var pendingDetail = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders/{pending.Id}");
        Assert.Null(pendingDetail.QuerySelector("#refund"));
    }

    [Fact]
    public async Task Another_store_never_sees_this_stores_products_files_or_orders()
    {
        var (alpha, _) = await app.NewStoreAsync("Alpha");
        var (bravo, bravoEmail) = await app.NewStoreAsync("Bravo");
        var file = await app.UploadAsync(alpha, "%PDF-1.4 secret"u8.ToArray(), "secret.pdf");
        var (product, order) = await app.PaidFileOrderAsync(alpha, file);
        using var client = await app.SignedInClientAsync(bravoEmail, bravo);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/stores/{bravo.Slug}/products/{product.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/stores/{bravo.Slug}/orders/{order.Id}")).StatusCode);
        var files = await PageForms.GetPageAsync(client, $"/stores/{bravo.Slug}/files");
        Assert.DoesNotContain("secret.pdf", files.Body!.TextContent);
        var products = await PageForms.GetPageAsync(client, $"/stores/{bravo.Slug}/products");
        Assert.Empty(products.QuerySelectorAll("#products tbody tr"));
        // Naming the other store in the URL is refused before any page runs.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/stores/{alpha.Slug}/products")).StatusCode);

        // Bravo cannot sell Alpha's file either: the reference does not exist in Bravo's catalog.
        var attempt = await app.InTenantAsync(bravo, sp => sp.GetRequiredService<ProductService>().CreateAsync(new ProductInput
        {
            Kind = ProductKind.File,
            Title = "Stolen",
            Description = "",
            PriceStars = 1,
            FileId = file.Id,
        }, CancellationToken.None));
        Assert.Contains("does not exist", attempt.Errors["FileId"][0]);
        Assert.Equal(0, await app.InTenantAsync(bravo, sp => sp.GetRequiredService<PlatformDbContext>().Orders.CountAsync()));
    }

    [Fact]
    public void The_invoice_description_is_cut_at_a_word_boundary_under_255_characters()
    {
        var product = new Product { Title = "T", Description = string.Join(' ', Enumerable.Repeat("word", 100)) };
        var invoice = product.InvoiceDescription();
        Assert.True(invoice.Length <= Product.InvoiceDescriptionMaxLength);
        Assert.EndsWith("word…", invoice);
        Assert.Equal("Short.", new Product { Title = "T", Description = "Short." }.InvoiceDescription());
    }
}
