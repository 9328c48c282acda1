namespace Platform.Core.Inbox;

/// <summary>How one update's turn in a chat lane ended.</summary>
internal enum LaneOutcome
{
    /// <summary>The handler finished: mark the update processed.</summary>
    Handled,

    /// <summary>Failed for good (poisoned) and already set aside with its error: the chat goes on.</summary>
    SetAside,

    /// <summary>Failed, counted: the chat waits for the job's retry.</summary>
    Failed,
}
