extern alias Sandbox;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Web.Pages.Dev;
using Sandbox::Platform.TelegramSandbox.Hosting;

namespace Platform.Tests.Portal;

/// <summary>
/// The outbox page shows reset and invitation links, so outside local runs it must not exist, and on a local run only
/// this machine (or a caller with the configured sandbox access token) may see it.
/// </summary>
public sealed class DevEmailsPageTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_mail_outbox_page_answers_404_outside_development_and_testing(string environment)
    {
        var page = new EmailsModel(db: null!, new FakeEnvironment(environment), Options.Create(new SandboxOptions())); // never reaches the database
        Assert.IsType<NotFoundResult>(await page.OnGetAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("the-configured-access-token", null)]
    [InlineData("the-configured-access-token", "a-wrong-access-token-of-length")]
    public async Task From_another_machine_the_mail_outbox_answers_404_without_the_configured_sandbox_access_token(string? configured, string? sent)
    {
        var http = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("203.0.113.7") } };
        if (sent is not null)
        {
            http.Request.Headers[LocalOnlyAccess.HeaderName] = sent;
        }

        var page = new EmailsModel(db: null!, new FakeEnvironment("Development"), Options.Create(new SandboxOptions { AccessToken = configured }))
        {
            PageContext = new PageContext { HttpContext = http },
        };

        Assert.IsType<NotFoundResult>(await page.OnGetAsync(CancellationToken.None)); // never reaches the database
    }

    [Fact]
    public void The_gate_lets_this_machine_in_and_another_only_with_the_configured_token()
    {
        const string token = "the-configured-access-token";
        HttpContext From(string ip, string? sent = null)
        {
            var http = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(ip) } };
            if (sent is not null)
            {
                http.Request.Headers[LocalOnlyAccess.HeaderName] = sent;
            }

            return http;
        }

        Assert.True(LocalOnlyAccess.IsAllowed(From("127.0.0.1"), null));
        Assert.True(LocalOnlyAccess.IsAllowed(From("::1"), null));
        Assert.True(LocalOnlyAccess.IsAllowed(From("::ffff:127.0.0.1"), null));
        Assert.False(LocalOnlyAccess.IsAllowed(From("192.0.2.10"), null));
        Assert.False(LocalOnlyAccess.IsAllowed(From("192.0.2.10", token), null));
        Assert.True(LocalOnlyAccess.IsAllowed(From("192.0.2.10", token), token));
        Assert.False(LocalOnlyAccess.IsAllowed(From("192.0.2.10", token[..^1]), token));
    }

    private sealed class FakeEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Platform.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
