namespace Platform.Core.Outbound.Texts;

/// <summary>
/// The platform's own words in the bot (the merchant's texts come from store settings). One subclass per
/// language; <see cref="For"/> picks by the customer's language_code, then the store's default, then English.
/// </summary>
public abstract class BotTexts
{
    public static readonly BotTexts English = new EnglishBotTexts();
    public static readonly BotTexts Persian = new PersianBotTexts();
    public static readonly BotTexts Russian = new RussianBotTexts();

    public abstract string Language { get; }
    public abstract string Welcome(string storeName);
    public abstract string CatalogButton { get; }
    public abstract string OrdersButton { get; }
    public abstract string CatalogEmpty { get; }
    public abstract string CatalogTitle { get; }
    public abstract string AllProducts { get; }
    public abstract string Next { get; }
    public abstract string Previous { get; }
    public abstract string Back { get; }
    public abstract string Buy(int stars);
    public abstract string ProductUnavailable { get; }
    public abstract string SoldOut { get; }
    public abstract string PriceChanged { get; }
    public abstract string StoreUnavailable { get; }
    public abstract string DeliveriesPaused { get; }
    public abstract string OrderNotFound { get; }
    public abstract string PaymentFailed { get; }
    public abstract string ThanksPaid(string title);
    public abstract string DownloadLink(string url);
    public abstract string YourKey(string key);
    public abstract string YourContent(string text);
    public abstract string NoOrders { get; }
    public abstract string OrdersTitle { get; }
    public abstract string GetAgain { get; }
    public abstract string Refunded(string title, int stars);
    public abstract string OrderRefunded { get; }
    public abstract string NoTerms { get; }
    public abstract string NoSupport { get; }
    public abstract string Help { get; }
    public abstract string Unknown { get; }
    public abstract string CommandStart { get; }
    public abstract string CommandCatalog { get; }
    public abstract string CommandOrders { get; }
    public abstract string CommandPaySupport { get; }
    public abstract string CommandTerms { get; }
    public abstract string CommandHelp { get; }

    public static BotTexts For(string? languageCode, string? storeDefault) =>
        Match(languageCode) ?? Match(storeDefault) ?? English;

    private static BotTexts? Match(string? code) => code?.Split('-', '_')[0].ToLowerInvariant() switch
    {
        "en" => English,
        "fa" => Persian,
        "ru" => Russian,
        _ => null,
    };

    // Subscriptions: buying and /subscriptions
    public abstract string PerMonth(int stars);
    public abstract string Subscribe(int stars);
    public abstract string SubscribeInvoice(string title);
    public abstract string SubscribeButton { get; }
    public abstract string AlreadyMember(string title, DateTimeOffset until);
    public abstract string MembershipStarted(string title, DateTimeOffset until);
    public abstract string MembershipRenewed(string title, DateTimeOffset until);
    public abstract string NoSubscriptions { get; }
    public abstract string SubscriptionsTitle { get; }
    public abstract string MembershipActive(string title, DateTimeOffset renewsOn);
    public abstract string MembershipCanceled(string title, DateTimeOffset until);
    public abstract string MembershipEnded(string title, DateTimeOffset on);
    public abstract string CancelMembership(string title);
    public abstract string ResumeMembership(string title);
    public abstract string SubscriptionCanceled(string title, DateTimeOffset until);
    public abstract string SubscriptionResumed(string title, DateTimeOffset renewsOn);
    public abstract string SubscriptionNotChanged { get; }
    public abstract string CommandSubscriptions { get; }
    public abstract string SubscriptionsButton { get; }

    /// <summary>A date as members read it: the UTC day, the same in every language (yyyy-MM-dd).</summary>
    protected static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    // Subscriptions: channel access
    /// <summary>The message with a member's join buttons (one per channel or group the plan grants).</summary>
    public abstract string ChannelAccessReady(string planTitle);

    /// <summary>The button that opens a member's invite link.</summary>
    public abstract string JoinChat(string chatTitle);

    /// <summary>The products a plan includes, listed under the join buttons.</summary>
    public abstract string IncludedInPlan(string titles);

    /// <summary>The sweep's reminder before a membership's period ends (with the price, so the member tops up in time).</summary>
    public abstract string MembershipRenewsSoon(string plan, DateTimeOffset renewsOn, int stars);

    /// <summary>A member product asked for after the membership ended.</summary>
    public abstract string MembershipAccessEnded(string plan);

    /// <summary>Subscribe on a plan sold through Telegram's channel subscription link: the link, not an invoice.</summary>
    public abstract string ChannelSubscriptionOffer(string plan, int stars);

    // Ledger: telling the merchant
    /// <summary>The owner's /start own_… code linked this chat to the store: balance news arrives here.</summary>
    public abstract string OwnerLinked(string storeName);

    /// <summary>An owner code that is unknown, used, expired or not a code at all: nothing changed.</summary>
    public abstract string OwnerLinkInvalid { get; }

    /// <summary>To the linked owner: a bot's withdrawable Stars reached the minimum, with how to withdraw.</summary>
    public abstract string BalanceWithdrawable(string botUsername, long withdrawableStars, long onHoldStars, long minimumStars);

    /// <summary>Whole Stars as people read them: 1,234 (the same in every language, like <see cref="Day"/>).</summary>
    protected static string Stars(long stars) => stars.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

    // Storefront screens (issue 18, C1)
    /// <summary>The welcome screen's About button (the merchant's "about" label wins).</summary>
    public abstract string AboutButton { get; }

    /// <summary>The welcome screen's Support button (the merchant's "support" label wins).</summary>
    public abstract string SupportButton { get; }

    /// <summary>The welcome screen's Terms button (the merchant's "terms" label wins).</summary>
    public abstract string TermsButton { get; }

    /// <summary>/about when the merchant wrote no about text.</summary>
    public abstract string AboutDefault(string storeName);

    /// <summary>The catalog's first screen when it lists shelves (categories).</summary>
    public abstract string ChooseShelf { get; }

    /// <summary>A page of one shelf's products: names the shelf the buyer is on.</summary>
    public abstract string ShelfTitle(string shelf);

    // C2 (issue 18): deliveries, /help and the command menu. Delivery texts go out in Telegram's HTML parse mode: their
    // arguments come already escaped or marked up (TelegramHtml), and their own words hold no markup characters (a test checks).
    /// <summary>The header of a re-delivery (/orders "get again", the merchant's resend): never "Thank you! Payment received" twice.</summary>
    public abstract string PurchaseAgain(string titleHtml);

    /// <summary>The inline URL button under the download link message (the link itself is no longer pasted in).</summary>
    public abstract string DownloadButton { get; }

    /// <summary>The download link message: what the button is and until when it works.</summary>
    public abstract string DownloadReady(DateTimeOffset validUntil);

    /// <summary>Added under <see cref="DownloadReady"/> when the order's remaining downloads are known.</summary>
    public abstract string DownloadsLeft(int left);

    /// <summary>A re-delivery after every download was used: the document came again, the link would only say "limit reached".</summary>
    public abstract string DownloadsUsedUp { get; }

    /// <summary>The menu's description of /about (the store's about text).</summary>
    public abstract string CommandAbout { get; }

    /// <summary>Every command the bot answers, in menu order, with this language's one-line description: the menu and /help.</summary>
    public IReadOnlyList<(string Command, string Description)> Commands =>
    [
        ("start", CommandStart), ("catalog", CommandCatalog), ("orders", CommandOrders), ("subscriptions", CommandSubscriptions),
        ("about", CommandAbout), ("terms", CommandTerms), ("paysupport", CommandPaySupport), ("help", CommandHelp),
    ];

    /// <summary>
    /// /help's list, one command a line. Right-to-left languages put the description first, so each line starts with a
    /// right-to-left letter and the (left-to-right) command sits at the line's end instead of flipping the paragraph.
    /// </summary>
    protected string CommandList(bool descriptionFirst) =>
        string.Join("\n", Commands.Select(c => descriptionFirst ? $"{c.Description}: /{c.Command}" : $"/{c.Command} — {c.Description}"));

    /// <summary>
    /// A merchant's text (a product title) inside a right-to-left sentence: wrapped in Unicode FIRST STRONG ISOLATE …
    /// POP DIRECTIONAL ISOLATE, so a Latin title with digits or brackets keeps its own order and cannot reorder the sentence.
    /// </summary>
    protected static string Isolate(string text) => $"\u2068{text}\u2069";
}
