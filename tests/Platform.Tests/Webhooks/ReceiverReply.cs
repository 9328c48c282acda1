namespace Platform.Tests.Webhooks;

public sealed record ReceiverReply(int Status, string Body = "ok", Dictionary<string, string>? Headers = null, bool Hang = false, TimeSpan Delay = default)
{
    public static ReceiverReply Ok { get; } = new(200);

    public static ReceiverReply Fail { get; } = new(500, "boom");
}
