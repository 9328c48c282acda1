namespace Platform.Web.Api;

public sealed record DeliveryResponse(Guid Id, string Kind, int Sequence, long? TelegramMessageId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
