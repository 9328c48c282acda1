using Microsoft.Playwright;
using Platform.Core.Catalog;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Merchant;

/// <summary>
/// Issue 18, points 4 and 8 in a real headless Chromium: the product form's kind fieldsets with and without
/// JavaScript, the live image warning, one-click publish, and uploads with progress by drag and drop, by the
/// file picker, and by the plain form without JavaScript.
/// </summary>
public sealed class ProductBrowserTests(MerchantAppFactory app, BrowserFixture browser)
    : IClassFixture<MerchantAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task With_javascript_the_form_shows_only_the_chosen_kinds_fields_and_warns_live_about_images()
    {
        var (tenant, email) = await app.NewStoreAsync("KindJs");
        var png = await app.UploadAsync(tenant, DCatalogSeed.Png, "cover.png");
        var pdf = await app.UploadAsync(tenant, "%PDF-1.4 tiny"u8.ToArray(), "book.pdf");
        await using var context = await SignedInContextAsync(tenant, email, javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/stores/{tenant.Slug}/products/new");

        await Assertions.Expect(page.Locator("fieldset.kind-fields:visible")).ToHaveCountAsync(0);
        await page.GetByLabel("Kind").SelectOptionAsync("LicenseKey");
        await Assertions.Expect(page.Locator("#key-fields")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#file-fields")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#text-fields")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#plan-fields")).ToBeHiddenAsync();

        await page.GetByLabel("Kind").SelectOptionAsync("File");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "For file products" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#key-fields")).ToBeHiddenAsync();
        var fileSelect = page.GetByLabel("File delivered");
        await fileSelect.SelectOptionAsync(png.Id.ToString());
        await Assertions.Expect(page.Locator("#image-warning")).ToHaveTextAsync(ImageLikeFile.Warning);
        await Assertions.Expect(page.Locator("#image-warning")).ToBeVisibleAsync();
        await fileSelect.SelectOptionAsync(pdf.Id.ToString());
        await Assertions.Expect(page.Locator("#image-warning")).ToBeHiddenAsync();

        await page.GetByLabel("Title (at most").FillAsync("Book");
        await page.GetByLabel("Price in Stars").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("was created");
        await Assertions.Expect(page.Locator("#kind")).ToHaveTextAsync("File");
    }

    [Fact]
    public async Task Without_javascript_every_kinds_fields_show_under_headings_and_a_text_product_saves()
    {
        var (tenant, email) = await app.NewStoreAsync("KindNoJs");
        await using var context = await SignedInContextAsync(tenant, email, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/stores/{tenant.Slug}/products/new");

        foreach (var legend in new[] { "For file products", "For license key products", "For secret text products", "For subscriptions: the plan" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = legend })).ToBeVisibleAsync();
        }

        await page.GetByLabel("Kind").SelectOptionAsync("Text");
        await page.GetByLabel("Title (at most").FillAsync("Guide");
        await page.GetByLabel("Price in Stars").FillAsync("15");
        await page.GetByLabel("Downloads allowed per order").FillAsync("9999"); // another kind's field: ignored
        await page.GetByLabel("Text revealed after payment").FillAsync("https://example.test/guide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("was created");
        await Assertions.Expect(page.Locator("#state-badge")).ToHaveTextAsync("Draft");

        // One click publishes the draft, here and on the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#state-badge")).ToHaveTextAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unpublish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#state-badge")).ToHaveTextAsync("Draft");
        await page.GotoAsync($"/stores/{tenant.Slug}/products");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish Guide" }).ClickAsync();
        await Assertions.Expect(page.Locator("#products .state")).ToHaveTextAsync("Published");
        await Assertions.Expect(page.Locator("#products .kind")).ToHaveTextAsync("Secret text");
    }

    [Fact]
    public async Task A_file_dropped_on_the_drop_zone_uploads_with_progress()
    {
        var (tenant, email) = await app.NewStoreAsync("Drop");
        await using var context = await SignedInContextAsync(tenant, email, javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/stores/{tenant.Slug}/files");
        await Assertions.Expect(page.Locator("#drop-zone")).ToBeVisibleAsync();

        // Record every value the progress bar shows, across the navigation that follows the upload.
        await page.EvaluateAsync("""
            () => new MutationObserver(() => {
                const bar = document.getElementById('upload-progress');
                sessionStorage.setItem('seen', (sessionStorage.getItem('seen') || '') + (bar.hidden ? '' : bar.value + ','));
            }).observe(document.getElementById('upload-progress'), { attributes: true })
            """);
        var dataTransfer = await page.EvaluateHandleAsync("""
            () => {
                const dt = new DataTransfer();
                dt.items.add(new File([new Uint8Array(3 * 1024 * 1024).fill(65)], 'course.txt', { type: 'text/plain' }));
                return dt;
            }
            """);
        await page.Locator("#drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });

        await Assertions.Expect(page.Locator("#uploaded")).ToContainTextAsync("Uploaded “course.txt” (3 MB");
        var seen = await page.EvaluateAsync<string>("() => sessionStorage.getItem('seen') || ''");
        Assert.Contains("100,", seen);
        await Assertions.Expect(page.Locator("#files tbody .size")).ToHaveTextAsync("3 MB");
    }

    [Fact]
    public async Task The_file_picker_uploads_with_javascript_shows_errors_next_to_the_field_and_the_plain_form_works_without()
    {
        var (tenant, email) = await app.NewStoreAsync("Picker");
        await using (var context = await SignedInContextAsync(tenant, email, javaScript: true))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/stores/{tenant.Slug}/files");
            await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "empty.txt", MimeType = "text/plain", Buffer = [] });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".field-error[data-for=file]")).ToHaveTextAsync("The file is empty.");
            Assert.EndsWith("/files", page.Url, StringComparison.Ordinal); // no reload: the error came from the script

            await page.GetByLabel("Upload a file").SetInputFilesAsync(
                new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = new byte[820 * 1024] });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#uploaded")).ToContainTextAsync("Uploaded “notes.txt” (820 KB");
        }

        await using (var context = await SignedInContextAsync(tenant, email, javaScript: false))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/stores/{tenant.Slug}/files");
            await Assertions.Expect(page.Locator("#drop-zone")).ToBeHiddenAsync();
            await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "plain.txt", MimeType = "text/plain", Buffer = new byte[2048] });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#uploaded")).ToContainTextAsync("Uploaded “plain.txt” (2 KB");
        }
    }

    private async Task<IBrowserContext> SignedInContextAsync(TenantInfo tenant, string email, bool javaScript)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        var response = await context.APIRequest.GetAsync(
            $"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString(email)}&tenant={tenant.Id}");
        Assert.True(response.Ok, $"Test sign-in answered {response.Status}.");
        return context;
    }
}
