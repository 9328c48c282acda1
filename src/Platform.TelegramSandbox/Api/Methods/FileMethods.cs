using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>sendDocument, sendPhoto (upload or re-send by file_id) and getFile.</summary>
internal static class FileMethods
{
    public static void Register(IDictionary<string, MethodHandler> map)
    {
        map["sendDocument"] = async (call, ct) =>
        {
            var caption = Caption(call);
            var upload = await ReadUploadAsync(call, "document", ct);
            lock (call.Store.Sync)
            {
                var file = Store(call, upload, "document", "documents");
                return Outgoing.Send(call, m =>
                {
                    m.Document = new Document
                    {
                        FileId = file.FileId,
                        FileUniqueId = file.FileUniqueId,
                        FileSize = file.Content.Length,
                        FileName = file.FileName,
                        MimeType = file.MimeType,
                    };
                    (m.Caption, m.CaptionEntities) = caption;
                });
            }
        };
        map["sendPhoto"] = async (call, ct) =>
        {
            var caption = Caption(call);
            var upload = await ReadUploadAsync(call, "photo", ct);
            lock (call.Store.Sync)
            {
                var file = Store(call, upload, "photo", "photos");
                var (width, height) = ImageSize.Read(file.Content);
                return Outgoing.Send(call, m =>
                {
                    m.Photo = [new PhotoSize { FileId = file.FileId, FileUniqueId = file.FileUniqueId, FileSize = file.Content.Length, Width = width,
                        Height = height }];
                    (m.Caption, m.CaptionEntities) = caption;
                });
            }
        };
        map["getFile"] = (call, _) =>
        {
            var id = call.ReqStr("file_id");
            lock (call.Store.Sync)
            {
                if (!call.Store.Data.Files.TryGetValue(id, out var file)) throw BotApiException.BadRequest("invalid file_id");
                return ValueTask.FromResult<object>(new TGFile
                {
                    FileId = file.FileId,
                    FileUniqueId = file.FileUniqueId,
                    FileSize = file.Content.Length,
                    FilePath = file.FilePath
                });
            }
        };
    }

    private static (string? Text, MessageEntity[]? Entities) Caption(MethodCall call)
    {
        Outgoing.CheckParseMode(call);
        if (call.Str("caption") is not { } caption) return (null, null);
        var formatted = Outgoing.Format(call, caption, "caption_entities", "caption");
        if (formatted.Text.Length > 1024) throw BotApiException.BadRequest("message caption is too long");
        return formatted;
    }

    private sealed record Upload(string? ExistingFileId, string? FileName, string? MimeType, byte[]? Content);

    /// <summary>The file is either a multipart part (named after the parameter or attach://name) or an existing file_id.</summary>
    private static async Task<Upload> ReadUploadAsync(MethodCall call, string parameter, CancellationToken ct)
    {
        var reference = call.Str(parameter);
        var partName = reference is { } r && r.StartsWith("attach://", StringComparison.Ordinal) ? r["attach://".Length..] : parameter;
        if (call.Files.TryGetValue(partName, out var part))
        {
            // Telegram's upload limits: 10 MB for photos, 50 MB for other files.
            if (part.Length > (parameter == "photo" ? 10 : 50) * 1024 * 1024) throw BotApiException.BadRequest("file is too big");
            using var buffer = new MemoryStream();
            await part.CopyToAsync(buffer, ct);
            return new Upload(null, part.FileName, part.ContentType, buffer.ToArray());
        }
        if (reference is null) throw BotApiException.BadRequest($"{parameter} is empty");
        if (reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            // Telegram would download the URL; the sandbox never touches the network.
            throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified (the sandbox does not fetch URLs; upload the file)");
        return new Upload(reference, null, null, null);
    }

    private static SandboxFile Store(MethodCall call, Upload upload, string parameter, string folder)
    {
        var files = call.Store.Data.Files;
        if (upload.ExistingFileId is { } id)
            return files.TryGetValue(id, out var existing) ? existing : throw BotApiException.BadRequest(
                $"wrong remote file identifier specified: {parameter}");
        var n = call.Store.Data.Sequence();
        var ext = Path.GetExtension(upload.FileName ?? "") is { Length: > 0 } e ? e : (folder == "photos" ? ".jpg" : "");
        var unique = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..8]);
        var file = new SandboxFile
        {
            FileId = (folder == "photos" ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI") + unique + n,
            FileUniqueId = "AgAD" + unique[..10] + n,
            FilePath = $"{folder}/file_{n}{ext}",
            FileName = folder == "photos" ? null : upload.FileName,
            MimeType = string.IsNullOrEmpty(upload.MimeType) || upload.MimeType == "application/octet-stream" ? GuessMime(ext) : upload.MimeType,
            Content = upload.Content!,
            Scope = call.Bot.Scope,
        };
        files[file.FileId] = file;
        return file;
    }

    private static string GuessMime(string ext) => ext.ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".txt" => "text/plain",
        ".zip" => "application/zip",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };
}
