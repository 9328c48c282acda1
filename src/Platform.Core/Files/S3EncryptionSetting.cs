using Amazon.S3;

namespace Platform.Core.Files;

/// <summary>Maps <c>Files:S3:ServerSideEncryption</c> to the SDK's header value; one place, used by validation and by every write.</summary>
public static class S3EncryptionSetting
{
    public const string None = "None";
    public const string Aes256 = "AES256";
    public const string Kms = "aws:kms";

    /// <summary>The SDK method for a setting, <see cref="ServerSideEncryptionMethod.None"/> for <c>None</c>; null when the value is unknown.</summary>
    public static ServerSideEncryptionMethod? Parse(string? setting) => setting switch
    {
        null or "" or None => ServerSideEncryptionMethod.None,
        Aes256 => ServerSideEncryptionMethod.AES256,
        Kms => ServerSideEncryptionMethod.AWSKMS,
        _ => null,
    };
}
