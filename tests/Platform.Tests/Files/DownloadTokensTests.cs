using Microsoft.Extensions.Options;
using Platform.Core.Files;

namespace Platform.Tests.Files;

public sealed class DownloadTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly DownloadTokens tokens = new(Options.Create(new DownloadTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }));

    [Fact]
    public void A_token_verifies_and_names_its_order_and_file()
    {
        var issued = new DownloadToken(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(1));
        Assert.Equal(DownloadTokenStatus.Valid, tokens.Verify(tokens.Create(issued), Now, out var read));
        Assert.Equal(issued, read);
    }

    [Fact]
    public void A_changed_character_makes_the_token_tampered()
    {
        var value = tokens.Create(new DownloadToken(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(1)));
        var changed = (value[10] == 'A' ? 'B' : 'A') + value[11..];
        Assert.Equal(DownloadTokenStatus.Tampered, tokens.Verify(value[..10] + changed, Now, out _));
        Assert.Equal(DownloadTokenStatus.Tampered, tokens.Verify("not-a-token", Now, out _));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_tampered()
    {
        var other = new DownloadTokens(Options.Create(new DownloadTokenOptions
        {
            SigningKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32)
            .ToArray())
        }));
        var value = other.Create(new DownloadToken(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(1)));
        Assert.Equal(DownloadTokenStatus.Tampered, tokens.Verify(value, Now, out _));
    }

    [Fact]
    public void A_genuine_token_past_its_expiry_is_expired()
    {
        var value = tokens.Create(new DownloadToken(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddSeconds(-1)));
        Assert.Equal(DownloadTokenStatus.Expired, tokens.Verify(value, Now, out _));
    }
}
