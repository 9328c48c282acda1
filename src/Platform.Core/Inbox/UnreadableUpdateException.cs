namespace Platform.Core.Inbox;

/// <summary>
/// A stored update the Bot API types cannot read (not an update, invalid UTF-8, a string .NET refuses). Retrying
/// cannot help, so the processor sets it aside after this one attempt; its message keeps the reader's error.
/// </summary>
public sealed class UnreadableUpdateException(Exception inner) : Exception($"{inner.GetType().Name}: {inner.Message}", inner);
