namespace Platform.TelegramSandbox.Model;

/// <summary>
/// An uploaded file; bytes live in the state so they survive a save/load. Named apart from the platform's
/// <c>StoredFile</c> (a merchant's upload) so a search for one never finds the other.
/// </summary>
internal sealed class SandboxFile
{
    public string FileId { get; set; } = "";
    public string FileUniqueId { get; set; } = "";
    public string FilePath { get; set; } = "";
    public string? FileName { get; set; }
    public string? MimeType { get; set; }
    public byte[] Content { get; set; } = [];
    /// <summary>The scope whose token created it (a store's test mode, docs/sandbox.md "Scoped access"); null: made with global access.</summary>
    public string? Scope { get; set; }
}
