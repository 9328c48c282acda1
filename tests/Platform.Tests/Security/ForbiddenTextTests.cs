using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Text;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Security;

/// <summary>The shared text rule, and Core's last guard that keeps unstorable or over-long text away from PostgreSQL.</summary>
public sealed class ForbiddenTextTests(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Theory]
    [InlineData("a\0b")]
    [InlineData("\u0001")]
    [InlineData("esc \u001b[31m")]
    [InlineData("\u001f")]
    public void Control_characters_other_than_tab_and_newlines_and_lone_surrogates_are_refused(string value) =>
        Assert.True(ForbiddenText.IsForbidden(value));

    [Fact]
    public void Lone_surrogates_are_refused_and_valid_pairs_are_not()
    {
        // Not theory data: xUnit serialises theory arguments as UTF-8, which turns a lone surrogate into U+FFFD.
        Assert.True(ForbiddenText.IsForbidden("x\ud800"));          // lone high surrogate at the end
        Assert.True(ForbiddenText.IsForbidden("\udc00x"));          // lone low surrogate
        Assert.True(ForbiddenText.IsForbidden("\ud800\ud800\udc00")); // high surrogate followed by a valid pair
        Assert.False(ForbiddenText.IsForbidden("\ud83d\ude00"));
    }

    [Theory]
    [InlineData("line one\r\nline two\tcolumn")]
    [InlineData("invoice\u202Egpj.exe")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("emoji 😀 and 日本語")]
    [InlineData("\u007f and \u0085")] // DEL and C1 are not C0
    [InlineData("")]
    public void Ordinary_text_with_newlines_tabs_RTL_marks_markup_and_emoji_is_allowed(string value) =>
        Assert.False(ForbiddenText.IsForbidden(value));

    [Fact]
    public void Only_NUL_and_lone_surrogates_are_unstorable_so_telegram_text_with_other_controls_still_saves()
    {
        Assert.True(ForbiddenText.IsUnstorable("a\0"));
        Assert.True(ForbiddenText.IsUnstorable("a\ud800"));
        Assert.False(ForbiddenText.IsUnstorable("a\u0001\u001b"));
    }

    [Fact]
    public async Task Saving_NUL_or_text_longer_than_its_column_is_refused_before_PostgreSQL_and_nothing_is_written()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var tenant = (await app.SignUpStoreAsync($"Guard {suffix}", $"guard-{suffix}@example.test", "correct-horse-battery")).Tenant!;
        await using var scope = app.CreateTenantScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var maxName = db.Model.FindEntityType(typeof(Category))!.FindProperty(nameof(Category.Name))!.GetMaxLength()!.Value;

        foreach (var name in new[] { "shelf\0", new string('x', maxName + 1) })
        {
            db.Categories.Add(new Category { Id = Guid.CreateVersion7(), Name = name });
            var refused = await Assert.ThrowsAsync<TextRefusedException>(() => db.SaveChangesAsync());
            Assert.Equal(nameof(Category.Name), refused.Field);
            db.ChangeTracker.Clear();
        }

        Assert.Equal(0, await db.Categories.CountAsync());
    }
}
