namespace Platform.Core.Files;

/// <summary>
/// <c>Files:Provider</c>: where goods are kept. Local disk suits one machine and the local run; S3-compatible object
/// storage lets any number of web and worker replicas read the same files (docs/files.md).
/// </summary>
public enum FileStorageProvider
{
    /// <summary>Folders under <c>Files:Root</c> (the default).</summary>
    Local = 0,

    /// <summary>A bucket of an S3-compatible service (AWS S3, MinIO, Cloudflare R2, …), settings under <c>Files:S3</c>.</summary>
    S3 = 1,
}
