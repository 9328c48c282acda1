using Platform.Core.Catalog;

namespace Platform.Tests.Storefront;

/// <summary>The merchant's formatting (Telegram's HTML subset): what the strict parser accepts, refuses, and sends.</summary>
public sealed class RichTextShould
{
    [Theory]
    [InlineData("<b>bold</b>", "<b>bold</b>")]
    [InlineData("<B>bold</B>", "<b>bold</b>")]
    [InlineData("<i>it</i> <u>un</u> <s>st</s> <tg-spoiler>sp</tg-spoiler>", "<i>it</i> <u>un</u> <s>st</s> <tg-spoiler>sp</tg-spoiler>")]
    [InlineData("<code>KEY-1</code>", "<code>KEY-1</code>")]
    [InlineData("<a href='https://example.com/?a=1&amp;b=2'>site</a>", "<a href=\"https://example.com/?a=1&amp;b=2\">site</a>")]
    [InlineData("<a href=\"tg://resolve?domain=shop\">us</a>", "<a href=\"tg://resolve?domain=shop\">us</a>")]
    [InlineData("<b>bold <i>and italic</i></b>", "<b>bold <i>and italic</i></b>")]
    [InlineData("<a href=\"http://x.test\"><b>bold link</b></a>", "<a href=\"http://x.test\"><b>bold link</b></a>")]
    public void Accept_the_tags_telegram_accepts_and_send_them_canonically(string source, string html)
    {
        Assert.True(RichText.TryParse(source, out var text, out var error), error);
        Assert.Equal(html, text.ToTelegramHtml());
    }

    [Theory]
    [InlineData("1 < 2 and 3 > 2", "1 &lt; 2 and 3 &gt; 2", "1 < 2 and 3 > 2")]
    [InlineData("I <3 Stars", "I &lt;3 Stars", "I <3 Stars")]
    [InlineData("R&D & more", "R&amp;D &amp; more", "R&D & more")]
    [InlineData("&lt;b&gt; shows a tag", "&lt;b&gt; shows a tag", "<b> shows a tag")]
    [InlineData("x <y and z", "x &lt;y and z", "x <y and z")]
    [InlineData("Fish &amp; chips", "Fish &amp; chips", "Fish & chips")]
    public void Treat_a_less_than_or_ampersand_that_starts_no_tag_as_text(string source, string html, string visible)
    {
        Assert.True(RichText.TryParse(source, out var text, out var error), error);
        Assert.Equal(html, text.ToTelegramHtml());
        Assert.Equal(visible, text.PlainText);
    }

    [Theory]
    [InlineData("<div>x</div>", "The tag <div> is not allowed")]
    [InlineData("<script>alert(1)</script>", "The tag <script> is not allowed")]
    [InlineData("<img src=x onerror=alert(1)>", "The tag <img> is not allowed")]
    [InlineData("<b class=\"x\">x</b>", "<b> takes no attributes")]
    [InlineData("<b>open", "<b> is not closed")]
    [InlineData("text</i>", "</i> closes a tag that was never opened")]
    [InlineData("<b><i>x</b></i>", "</b> comes before </i>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "The link “javascript:alert(1)” is not allowed")]
    [InlineData("<a href=\"ftp://files.test\">x</a>", "is not allowed: links must be full http://, https:// or tg://")]
    [InlineData("<a href=\"/relative\">x</a>", "is not allowed")]
    [InlineData("<a>x</a>", "Write a link as <a href=")]
    [InlineData("<a href=https://x.test>x</a>", "Write a link as <a href=")]
    [InlineData("<a href=\"https://a.test\" onclick=\"x\">x</a>", "Write a link as <a href=")]
    [InlineData("<a href=\"https://a.test\"><a href=\"https://b.test\">x</a></a>", "A link cannot contain another link")]
    [InlineData("<code><b>x</b></code>", "<code> cannot contain other tags")]
    [InlineData("<b><code>x</code></b>", "<code> cannot be inside <b>")]
    [InlineData("<b> </b>", "nothing to read")]
    [InlineData("bad &#0; char", "is not a character")]
    public void Refuse_anything_else_with_a_message_naming_the_problem(string source, string message)
    {
        Assert.False(RichText.TryParse(source, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Say_on_which_line_the_problem_is()
    {
        Assert.False(RichText.TryParse("fine\nstill fine\n<p>not fine</p>", out _, out var error));
        Assert.Contains("on line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_nul_control_characters_and_lone_surrogates()
    {
        // Built in code: test data attributes would turn a lone surrogate into U+FFFD on the way.
        foreach (var source in new[] { "nul \0 here", "lone " + (char)0xD800 + " high", "lone " + (char)0xDC00 + " low", "bell \u0007" })
        {
            Assert.False(RichText.TryParse(source, out _, out var error));
            Assert.Contains("cannot be sent", error, StringComparison.Ordinal);
        }

        Assert.True(RichText.TryParse("a pair 😀 is fine", out _, out _));
    }

    [Fact]
    public void Count_visible_characters_as_telegram_does_not_tags_or_entities()
    {
        Assert.True(RichText.TryParse("<b>Hi</b> &amp; <a href=\"https://example.com/very/long/path\">😀</a>\r\nx", out var text, out _));
        Assert.Equal("Hi & 😀\nx", text.PlainText);
        Assert.Equal(9, text.VisibleLength); // the emoji is two UTF-16 code units; CRLF from a browser counts as one line feed
    }

    [Fact]
    public void Cut_to_a_visible_length_without_breaking_a_tag_or_a_surrogate_pair()
    {
        Assert.True(RichText.TryParse("<b>bold words</b> and <i>more 😀 here</i>", out var text, out _));
        Assert.Equal("<b>bold…</b>", text.ToTelegramHtml(5));
        Assert.Equal("<b>bold words</b> and <i>more…</i>", text.ToTelegramHtml(20));
        Assert.Equal("<b>bold words</b> and <i>more …</i>", text.ToTelegramHtml(22)); // not half of the emoji
        Assert.Equal(text.ToTelegramHtml(), text.ToTelegramHtml(text.VisibleLength));
        Assert.True(RichText.TryParse(text.ToTelegramHtml(22), out var cut, out _));
        Assert.Equal(22 - 1, cut.VisibleLength);
    }

    [Theory]
    [InlineData("Plain text, R&D, 1 < 2, I <3 it")]
    [InlineData("<B>Bold</B> <a href='https://x.test/?a=1&amp;b=2'>x</a>")]
    [InlineData("&lt;b&gt; is how you write bold")]
    [InlineData("Tom &amp;amp; Jerry")]
    public void Store_a_canonical_source_that_reads_back_to_the_same_text(string source)
    {
        Assert.True(RichText.TryParse(source, out var text, out _));
        var canonical = text.ToSource();
        Assert.True(RichText.TryParse(canonical, out var again, out var error), error);
        Assert.Equal(text.Parts, again.Parts);
        Assert.Equal(canonical, again.ToSource());
    }

    [Fact]
    public void Keep_plain_text_as_the_merchant_typed_it()
    {
        Assert.True(RichText.TryParse("R&D: 1 < 2, I <3 it", out var text, out _));
        Assert.Equal("R&D: 1 < 2, I <3 it", text.ToSource());
    }

    [Fact]
    public void Show_a_stored_text_the_parser_refuses_literally_rather_than_fail()
    {
        var text = RichText.Safe("<div>old row</div>");
        Assert.Equal("&lt;div&gt;old row&lt;/div&gt;", text.ToTelegramHtml());
    }
}
