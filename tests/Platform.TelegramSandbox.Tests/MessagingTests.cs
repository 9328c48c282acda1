using System.Text;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.TelegramSandbox.Tests;

public sealed class MessagingTests
{
    [Fact]
    public async Task Bot_sends_edits_and_deletes_messages_that_the_buyer_sees()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");

        var menu = await bot.Client.SendMessage(ann, "<b>Menu</b>", Telegram.Bot.Types.Enums.ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ebooks", "cat:ebooks")));
        var keyboard = await bot.Client.SendMessage(ann, "Or pick below", replyMarkup: new ReplyKeyboardMarkup(new KeyboardButton("Catalogue")));
        var edited = await bot.Client.EditMessageText(ann, menu.Id, "Menu (updated)");
        var remarked = await bot.Client.EditMessageReplyMarkup(ann, menu.Id, new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl("Site",
            "https://example.org")));
        await bot.Client.DeleteMessage(ann, keyboard.Id);

        Assert.Equal("Menu (updated)", edited.Text);
        Assert.NotNull(edited.EditDate);
        Assert.Equal("https://example.org", remarked.ReplyMarkup!.InlineKeyboard.Single().Single().Url);
        var chat = await sandbox.ChatAsync(ann, bot);
        var fromBot = chat.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("from_bot").GetBoolean()).ToList();
        var only = Assert.Single(fromBot);
        Assert.Equal("Menu (updated)", only.GetProperty("text").GetString());
        Assert.True(only.GetProperty("edited").GetBoolean());
        Assert.Equal("Catalogue", chat.GetProperty("keyboard")[0][0].GetString());
        var notModified = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.EditMessageText(ann, menu.Id, "Menu (updated)",
            replyMarkup: remarked.ReplyMarkup));
        Assert.Contains("message is not modified", notModified.Message);
        var gone = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.DeleteMessage(ann, keyboard.Id));
        Assert.Equal("Bad Request: message to delete not found", gone.Message);
    }

    [Fact]
    public async Task HTML_parse_mode_becomes_entities_as_on_Telegram()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");

        var sent = await bot.Client.SendMessage(ann,
            "<b>Ebook</b> — <i>only</i> <a href=\"https://example.org/x?a=1&amp;b=2\">⭐️100</a> &lt;3\n<pre><code class=\"language-cs\">var x;</code></pre>",
            Telegram.Bot.Types.Enums.ParseMode.Html);

        Assert.Equal("Ebook — only ⭐️100 <3\nvar x;", sent.Text);
        Assert.Equal(
            [(Telegram.Bot.Types.Enums.MessageEntityType.Bold, 0, 5), (Telegram.Bot.Types.Enums.MessageEntityType.Italic, 8, 4),
             (Telegram.Bot.Types.Enums.MessageEntityType.TextLink, 13, 5), (Telegram.Bot.Types.Enums.MessageEntityType.Pre, 22, 6)],
            sent.Entities!.Select(e => (e.Type, e.Offset, e.Length)));
        Assert.Equal("https://example.org/x?a=1&b=2", sent.Entities![2].Url);
        Assert.Equal("cs", sent.Entities[3].Language);
        var bad = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendMessage(ann, "<blink>hi</blink>",
            Telegram.Bot.Types.Enums.ParseMode.Html));
        Assert.StartsWith("Bad Request: can't parse entities", bad.Message);
    }

    [Fact]
    public async Task MarkdownV2_parse_mode_becomes_entities_and_unescaped_reserved_characters_are_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        var md = Telegram.Bot.Types.Enums.ParseMode.MarkdownV2;

        var sent = await bot.Client.SendMessage(ann, "*Ebook* _only_ __now__ [shop](https://example.org/a\\)b) `x\\`y` 1\\.5\\!", md);

        Assert.Equal("Ebook only now shop x`y 1.5!", sent.Text);
        Assert.Equal(
            [(Telegram.Bot.Types.Enums.MessageEntityType.Bold, 0, 5), (Telegram.Bot.Types.Enums.MessageEntityType.Italic, 6, 4),
             (Telegram.Bot.Types.Enums.MessageEntityType.Underline, 11, 3), (Telegram.Bot.Types.Enums.MessageEntityType.TextLink, 15, 4),
             (Telegram.Bot.Types.Enums.MessageEntityType.Code, 20, 3)],
            sent.Entities!.Select(e => (e.Type, e.Offset, e.Length)));
        Assert.Equal("https://example.org/a)b", sent.Entities![3].Url);
        await sandbox.AdvanceAsync(5); // stay inside the per-chat flood limit
        var bad = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendMessage(ann, "Price: 1.5", md));
        Assert.Equal("Bad Request: can't parse entities in text: Character '.' is reserved and must be escaped with the preceding '\\'", bad.Message);
    }

    [Fact]
    public async Task Pressing_an_inline_button_delivers_a_callback_query_and_shows_the_answer()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        await bot.ReceiveAsync();
        var menu = await bot.Client.SendMessage(ann, "Menu", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ebooks",
            "cat:ebooks")));

        await sandbox.PostAsync($"sandbox/v1/users/{ann}/bots/{bot.Id}/callbacks", new { message_id = menu.Id, callback_data = "cat:ebooks" });
        var query = (await bot.ReceiveAsync()).Single().CallbackQuery!;
        await bot.Client.AnswerCallbackQuery(query.Id, "Loading ebooks…");

        Assert.Equal(("cat:ebooks", ann, menu.Id), (query.Data, query.From.Id, query.Message!.Id));
        Assert.Equal("Loading ebooks…", (await sandbox.ChatAsync(ann, bot)).GetProperty("notices")[0].GetString());
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.AnswerCallbackQuery(query.Id));
        Assert.Contains("query ID is invalid", twice.Message);
    }

    [Fact]
    public async Task Documents_and_photos_upload_resend_by_file_id_and_download()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann");
        var bob = await sandbox.CreateUserAsync("Bob");
        await sandbox.SendTextAsync(ann, bot, "/start");
        await sandbox.SendTextAsync(bob, bot, "/start");
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 the ebook");

        var sent = await bot.Client.SendDocument(ann, InputFile.FromStream(new MemoryStream(bytes), "ebook.pdf"), caption: "Your ebook");
        var again = await bot.Client.SendDocument(bob, InputFile.FromFileId(sent.Document!.FileId));
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEklEQVR4nGP8z8DwnwEIGGEMADfUA/2V1JkTAAAAAElFTkSuQmCC");
        var photo = await bot.Client.SendPhoto(ann, InputFile.FromStream(new MemoryStream(png), "cover.png"));
        var file = await bot.Client.GetFile(sent.Document.FileId);
        using var downloaded = new MemoryStream();
        await bot.Client.DownloadFile(file.FilePath!, downloaded);

        Assert.Equal(("ebook.pdf", "application/pdf", bytes.Length), (sent.Document.FileName, sent.Document.MimeType, (int)sent.Document.FileSize!));
        Assert.Equal(sent.Document.FileId, again.Document!.FileId);
        Assert.Equal((2, 3), (photo.Photo!.Single().Width, photo.Photo!.Single().Height));
        Assert.Equal(bytes, downloaded.ToArray());
        var document = (await sandbox.ChatAsync(ann, bot)).GetProperty("messages").EnumerateArray().First(m => m.TryGetProperty("document", out _))
            .GetProperty("document");
        Assert.Equal(bytes, await sandbox.Control.GetByteArrayAsync(document.GetProperty("url").GetString()));
        var badId = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendDocument(ann, InputFile.FromFileId("nope")));
        Assert.Equal(400, badId.ErrorCode);
    }

    [Fact]
    public async Task Bot_cannot_start_a_conversation_with_a_user_who_never_wrote_to_it()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        var forbidden = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendMessage(ann, "hi"));
        Assert.Equal((403, "Forbidden: bot can't initiate conversation with a user"), (forbidden.ErrorCode, forbidden.Message));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendMessage(42, "hi"));
        Assert.Equal((400, "Bad Request: chat not found"), (unknown.ErrorCode, unknown.Message));
    }
}
