namespace Platform.Core.Payments;

/// <summary>What pre-checkout decided: the bot's token (encrypted) to answer with, and null to accept or the buyer's message.</summary>
public sealed record PreCheckoutDecision(string TokenCiphertext, string? Error);
