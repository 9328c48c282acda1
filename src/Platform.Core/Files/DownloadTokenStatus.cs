namespace Platform.Core.Files;

public enum DownloadTokenStatus
{
    Valid = 0,

    /// <summary>Malformed or the signature does not match: 403.</summary>
    Tampered = 1,

    /// <summary>Genuine but past its expiry: 410.</summary>
    Expired = 2,
}
