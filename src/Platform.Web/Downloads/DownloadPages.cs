using System.Text.Encodings.Web;

namespace Platform.Web.Downloads;

/// <summary>
/// The small HTML pages a buyer sees when a link does not work: they come from a Telegram chat on a phone, so each
/// page says what happened and what to do in plain words, with no portal chrome. Its style is a file, not inline,
/// so the Content-Security-Policy needs no 'unsafe-inline'.
/// </summary>
public static class DownloadPages
{
    public static IResult Problem(int status, string title, string message)
    {
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{HtmlEncoder.Default.Encode(title)}}</title>
            <link rel="stylesheet" href="/css/download.css"><link rel="icon" href="/favicon.svg" type="image/svg+xml">
            </head><body><h1>{{HtmlEncoder.Default.Encode(title)}}</h1><p>{{HtmlEncoder.Default.Encode(message)}}</p></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    public static IResult Tampered() => Problem(StatusCodes.Status403Forbidden, "This download link is not valid",
        "The link is incomplete or was changed. Copy the whole link from the bot's message, or open the bot and use /orders to get your purchase again.");

    public static IResult Expired() => Problem(StatusCodes.Status410Gone, "This download link has expired",
        "Links work for a limited time. Open the bot and use /orders to get a fresh link.");

    public static IResult Refunded() => Problem(StatusCodes.Status410Gone, "This purchase was refunded",
        "The Stars for this purchase were returned, so its download is no longer available.");

    public static IResult NotPaid() => Problem(StatusCodes.Status403Forbidden, "This purchase is not paid",
        "The download opens once the payment has gone through. If you paid, wait a moment and try again.");

    public static IResult LimitReached(int limit) => Problem(StatusCodes.Status403Forbidden, "Download limit reached",
        $"This purchase allows {limit} download{(limit == 1 ? "" : "s")}, and all have been used. Contact the store through /paysupport in " +
            $"the bot if you need another.");

    public static IResult MembershipEnded() => Problem(StatusCodes.Status403Forbidden, "Your membership ended",
        "This file came with a membership that is no longer active. Renew it in the bot to download it again.");

    public static IResult DeliveriesPaused() => Problem(StatusCodes.Status403Forbidden, "Downloads from this store are paused",
        "The platform has paused this store's deliveries for now. Your purchase is kept: try this link again later.");

    public static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "Download not found",
        "This file is not available under this link. Open the bot and use /orders to get your purchase again.");
}
