namespace Platform.Core.Catalog;

/// <summary>
/// Whether a file chosen for a file product looks like a picture (an image content type or a picture's extension):
/// buyers would receive it as a download, which is rarely what a merchant meant — the product photo is elsewhere.
/// </summary>
public static class ImageLikeFile
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    public const string Warning =
        "This looks like an image: buyers will receive it as a file download. For a product picture use the Photo field.";

    public static bool Check(string contentType, string fileName) =>
        contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ||
        Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);
}
