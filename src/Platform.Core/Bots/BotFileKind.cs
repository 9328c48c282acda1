namespace Platform.Core.Bots;

public enum BotFileKind
{
    Document = 0,
    Photo = 1,
}
