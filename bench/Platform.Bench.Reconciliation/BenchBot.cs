namespace Platform.Bench.Reconciliation;

/// <summary>One benchmark store's bot: its ids on both sides, its encrypted token, and the withdrawal it left pending.</summary>
internal sealed class BenchBot
{
    public required Guid TenantId { get; init; }
    public required Guid BotId { get; init; }
    public required long TelegramBotId { get; init; }
    public required string Username { get; init; }
    public required string TokenCiphertext { get; init; }
    public string? WithdrawalId { get; set; }
}
