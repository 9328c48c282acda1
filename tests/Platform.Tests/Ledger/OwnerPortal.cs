using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Ledger;
using Platform.Tests.Bots;
using Platform.Tests.Portal;

namespace Platform.Tests.Ledger;

/// <summary>
/// The store owner of a <see cref="TestStore"/> in the portal (signed in with the sign-up's login) and in Telegram (a
/// sandbox user): makes a link code on Balance → Telegram and sends it to the store's bot, as a person would.
/// </summary>
internal sealed class OwnerPortal(TestStore store, PortalClient portal) : IDisposable
{
    public const string Password = "correct horse battery staple";

    public PortalClient Portal { get; } = portal;

    public string Slug => store.Tenant.Slug;

    public static async Task<OwnerPortal> SignInAsync(TestStore store)
    {
        var portal = new PortalClient(store.App);
        using var login = await portal.LoginAsync($"{store.Tenant.Slug}@example.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return new OwnerPortal(store, portal);
    }

    /// <summary>Presses "Make a link code"; returns the code from the /start command the page shows once.</summary>
    public async Task<string> MakeCodeAsync()
    {
        using var response = await Portal.SubmitAsync($"/stores/{Slug}/balance/telegram", new Dictionary<string, string>(), "#code-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var command = page.QuerySelector("#start-command")?.TextContent.Trim() ?? throw new InvalidOperationException("No code on the page.");
        Assert.StartsWith("/start " + OwnerLinks.StartPrefix, command, StringComparison.Ordinal);
        return command["/start ".Length..];
    }

    /// <summary>Links <paramref name="owner"/> end to end (code from the page, /start in the sandbox chat, the bot's answer).</summary>
    public async Task LinkAsync(SandboxBuyer owner)
    {
        var payload = await MakeCodeAsync();
        await owner.SendAsync("/start " + payload);
        await owner.WaitForAsync(m => SandboxClient.Text(m)?.StartsWith("Linked:", StringComparison.Ordinal) == true);
        await WaitAsync(async () => (await store.WithDbAsync(db => db.OwnerTelegramLinks.AsNoTracking().SingleAsync())).TelegramUserId == owner.UserId);
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, string because = "the condition never held")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(100);
        }
    }

    public void Dispose() => Portal.Dispose();
}
