namespace Platform.Core.Files;

/// <summary>An upload went past the configured limit; the partial file is discarded. Web hosts answer 413.</summary>
public sealed class FileTooLargeException(long limit)
    : Exception($"The file is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
