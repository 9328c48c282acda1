namespace Platform.Core.Outbound;

public enum BotFileKind
{
    Document = 0,
    Photo = 1,
}
