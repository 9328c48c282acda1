using System.Net;

namespace Platform.Tests.Operations;

public sealed class ReadinessTests(UnmigratedDatabaseFactory app) : IClassFixture<UnmigratedDatabaseFactory>
{
    [Fact]
    public async Task Ready_answers_503_while_migrations_are_missing_and_live_stays_200()
    {
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
