using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Platform.Web.Pages.Dev;

namespace Platform.Tests.Portal;

/// <summary>The outbox page shows reset and invitation links, so outside local runs it must not exist.</summary>
public sealed class DevEmailsPageTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_mail_outbox_page_answers_404_outside_development_and_testing(string environment)
    {
        var page = new EmailsModel(db: null!, new FakeEnvironment(environment)); // never reaches the database
        Assert.IsType<NotFoundResult>(await page.OnGetAsync(CancellationToken.None));
    }

    private sealed class FakeEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Platform.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
