using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Operations;

public sealed class HealthEndpointTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task Live_and_ready_answer_200_on_a_migrated_database()
    {
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
