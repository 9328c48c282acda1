using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Identity;
using Platform.Web.Extensions;

namespace Platform.Bench.Admin;

/// <summary>
/// The web app in this process on Kestrel (the same composition as Program.cs, Testing environment, no job server), and
/// a platform admin signed in through the login form with a cookie — enough for the admin pages' GETs, which need no
/// re-authentication.
/// </summary>
internal sealed partial class AdminWeb(WebApplication app, Uri baseUrl) : IAsyncDisposable
{
    public const string AdminEmail = "bench-admin@starfront.test";
    public const string AdminPassword = "bench-admin-password-123";

    public IServiceProvider Services => app.Services;

    public static WebApplication Build(string contentRoot, int port, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(PlatformWebBuilderExtensions).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddPlatformWeb();
        var app = builder.Build();
        app.UsePlatformWeb();
        return app;
    }

    public static async Task<AdminWeb> StartAsync(WebApplication app, int port)
    {
        await app.StartAsync();
        return new AdminWeb(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Makes the platform admin and returns a client signed in as it (antiforgery token from the login form).</summary>
    public async Task<HttpClient> SignInAdminAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(AdminEmail, AdminPassword, CancellationToken.None);
        }

        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseUrl,
        };
        var form = await http.GetStringAsync(new Uri("login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var login = await http.PostAsync(new Uri("login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AdminEmail,
            ["Password"] = AdminPassword,
            ["__RequestVerificationToken"] = token,
        }));
        if (login.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"The admin's login answered {(int)login.StatusCode}.");
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
