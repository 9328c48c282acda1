namespace Platform.Core.Subscriptions;

/// <summary>
/// What the download endpoint needs about a plan charge's link: whether the membership still grants access, and the
/// download limit of the granted product whose file the link names (null when the plan grants no product with it).
/// </summary>
public sealed record MemberDownload(bool AccessOpen, int? DownloadLimit);
