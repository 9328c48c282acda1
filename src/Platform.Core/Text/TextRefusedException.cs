namespace Platform.Core.Text;

/// <summary>
/// Thrown by the last guards (the EF save interceptor, the raw-SQL key pool) when refused text, or text longer than its
/// column, got past the web filters. The web host turns it into a 400, so even a path nobody thought of answers with a
/// clear error instead of a PostgreSQL failure, and nothing is written.
/// </summary>
public sealed class TextRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
