using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Platform.Core;
using Platform.Core.Inbox;
using Platform.Core.Jobs;
using Platform.Web.Admin;
using Platform.Web.Api;
using Platform.Web.Api.Reference;
using Platform.Web.Health;
using Platform.Web.Hosting;
using Platform.Web.Identity;
using Platform.Web.Metrics;
using Platform.Web.Portal;
using Platform.Web.RateLimiting;
using Platform.Web.Tenancy;
using Platform.Web.TestMode;

namespace Platform.Web.Extensions;

public static class PlatformWebBuilderExtensions
{
    /// <summary>Composes the web host: Core, identity, tenancy, portal pages, API plumbing, health, jobs.</summary>
    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
        // Catch lifetime mistakes in every environment, not only in Development.
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
        if (!builder.Environment.IsDevelopment())
        {
            // Structured logs for collectors; Development keeps the readable console.
            builder.Logging.ClearProviders().AddJsonConsole();
        }

        // No "Server: Kestrel" on responses: it tells a scanner what to try, and no client needs it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        builder.AddPlatformTelemetry();
        services.AddPlatformCore(builder.Configuration);
        services.AddPlatformIdentity(builder.Environment, builder.Configuration);
        services.AddPlatformOpenIddict(builder.Environment, builder.Configuration);
        services.AddTenantResolution();
        services.AddPlatformForwardedHeaders(builder.Configuration);
        services.AddSingleton<Platform.Core.IPublicBaseUrl, Platform.Web.Hosting.PublicBaseUrl>();
        services.AddOptions<HostFilteringOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostFilteringOptions>>(new AllowedHostsValidator(IdentityExtensions.IsLocal(builder.Environment)));
        services.AddPlatformRateLimiting(builder.Configuration);
        services.AddPlatformHealthChecks();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.DescribeUnreadableRequest);
        // A body minimal APIs cannot bind answers that problem in every environment; Development's default (throw) put
        // the exception and the request's headers — the caller's bearer token among them — into the response.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddPlatformApiReference();
        services.AddPortal();
        services.AddTestMode(builder.Configuration);
        services.AddAdminArea(builder.Configuration);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "starfront.af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = IdentityExtensions.IsLocal(builder.Environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Stores", PortalPolicies.StoreMember);
            options.Conventions.AuthorizeFolder("/Admin", PortalPolicies.PlatformAdmin);
        }).AddMvcOptions(options => options.Filters.Add<Text.ForbiddenTextPageFilter>());

        // The local run keeps uploaded files next to its database under the git-ignored .data folder.
        string LocalData(string name) => Path.Combine(LocalRun.LocalDatabaseExtensions.RepositoryRoot(builder.Environment.ContentRootPath), ".data", name);
        if (builder.Environment.IsDevelopment())
        {
            LocalRun.LocalDataPermissions.Tighten(LocalData(""));
        }

        if (string.IsNullOrEmpty(builder.Configuration["Files:Root"]))
        {
            builder.Configuration["Files:Root"] = LocalData("files");
        }

        // Links sent in an earlier local run keep working after a restart.
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Downloads:SigningKey"]))
        {
            builder.Configuration["Downloads:SigningKey"] = LocalRun.LocalSigningKey.LoadOrCreate(LocalData("download-signing-key"));
        }

        services.AddOptions<Downloads.DownloadOffloadOptions>().Bind(builder.Configuration.GetSection("Downloads"));
        // Sandbox:AccessToken also opens /dev/emails to other machines (see LocalOnlyAccess).
        services.AddOptions<Platform.TelegramSandbox.Hosting.SandboxOptions>().Bind(builder.Configuration.GetSection("Sandbox"))
            .Validate(o => Platform.TelegramSandbox.Hosting.LocalOnlyAccess.IsValidToken(o.AccessToken),
                Platform.TelegramSandbox.Hosting.LocalOnlyAccess.TokenRule)
            .ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString("Platform");
        if (!string.IsNullOrEmpty(connectionString))
        {
            services.AddPlatformJobStorage(connectionString);
            // Update ingress: the group-commit writer lives in the web process that receives the webhooks.
            services.AddSingleton<InboxWriter>();
            services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
            // The local run hosts a job server in process; Production runs Platform.Worker replicas.
            if (builder.Configuration.GetValue("Jobs:RunServerInWeb", false))
            {
                services.AddPlatformJobServer();
            }
        }

        return builder;
    }
}
