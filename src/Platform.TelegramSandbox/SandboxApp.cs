using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Platform.TelegramSandbox.Api;
using Platform.TelegramSandbox.ChatPage;
using Platform.TelegramSandbox.Control;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Time;
using Platform.TelegramSandbox.Webhooks;

namespace Platform.TelegramSandbox;

/// <summary>
/// Composition of the sandbox web app, shared by its own Program.cs, <see cref="SandboxHost"/> and any
/// other process that wants to host it in-process.
/// </summary>
public static class SandboxApp
{
    /// <summary>A builder with the sandbox's services; configuration section "Sandbox" binds <see cref="SandboxOptions"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, SandboxClock? clock = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Request paths carry bot tokens (/bot{token}/...): keep ASP.NET's per-request logs, which print paths, off.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection("Sandbox"))
            .Validate(o => LocalOnlyAccess.IsValidToken(o.AccessToken), LocalOnlyAccess.TokenRule).ValidateOnStart();
        // Room for Telegram's 50 MB document uploads (Kestrel's default stops at 30 MB).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 60L * 1024 * 1024);
        builder.Services.AddSingleton(clock ?? new SandboxClock());
        builder.Services.AddSingleton<SandboxStore>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddHostedService<UpdatePusher>();
        builder.Services.AddHostedService<SandboxTicker>();
        // A body the control API cannot read (bad JSON, a lone surrogate) answers 400 in every environment, never Development's
        // exception page, which would echo the request's headers back.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        return builder;
    }

    /// <summary>Builds the app, loads the state file if configured, and maps every endpoint.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var store = app.Services.GetRequiredService<SandboxStore>();
        if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.StateFile is { Length: > 0 } path
            && StateFile.Load(path) is { } saved)
        {
            lock (store.Sync) store.Data = saved;
            // Time the merchant advanced before the restart stays advanced (the clock never goes back).
            if (saved.SavedAt is { } savedAt) store.Clock.AdvanceTo(savedAt);
        }
        app.UseControlApiGuard();
        app.MapBotApi();
        app.MapControlApi();
        app.MapChatPage();
        return app;
    }
}
