using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Model;

/// <summary>A simulated buyer with a Star balance.</summary>
internal sealed class UserRecord
{
    public long Id { get; set; }
    public string FirstName { get; set; } = "";
    public string? LastName { get; set; }
    public string? Username { get; set; }
    public string? LanguageCode { get; set; }
    public long Stars { get; set; }
    /// <summary>The scope whose token created it (a store's test mode, docs/sandbox.md "Scoped access"); null: made with global access.</summary>
    public string? Scope { get; set; }

    public User ToUser() => new()
    {
        Id = Id,
        IsBot = false,
        FirstName = FirstName,
        LastName = LastName,
        Username = Username,
        LanguageCode = LanguageCode,
    };

    public Chat ToPrivateChat() => new()
    {
        Id = Id,
        Type = Telegram.Bot.Types.Enums.ChatType.Private,
        FirstName = FirstName,
        LastName = LastName,
        Username = Username,
    };
}
