namespace Platform.Web.TestMode;

/// <summary>Registers the portal's test mode (docs/test-mode.md): its settings, the sandbox clients and the service.</summary>
public static class TestModeExtensions
{
    public static IServiceCollection AddTestMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TestModeOptions>().Bind(configuration.GetSection("TestMode"))
            .Validate(o => o.BuyerStars is >= 1 and <= 100_000, "TestMode:BuyerStars must be between 1 and 100000.")
            .Validate(o => string.IsNullOrEmpty(o.SandboxPublicUrl) || Uri.TryCreate(o.SandboxPublicUrl, UriKind.Absolute, out _),
                "TestMode:SandboxPublicUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddHttpClient(TestModeSandbox.HttpClientName);
        services.AddSingleton<TestModeSandbox>();
        services.AddScoped<TestModeService>();
        return services;
    }
}
