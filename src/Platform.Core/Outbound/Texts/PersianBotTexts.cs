namespace Platform.Core.Outbound.Texts;

/// <summary>
/// Persian (right-to-left). Telegram picks a paragraph's direction from its first strong letter, so every line starts with a
/// Persian word; a merchant's title that may be Latin is wrapped in a Unicode isolate where it could start a line or sit
/// beside digits (<see cref="BotTexts"/>.Isolate); numbers, dates, commands and @names follow Persian words (docs/bots.md).
/// </summary>
public sealed class PersianBotTexts : BotTexts
{
    public override string Language => "fa";
    public override string Welcome(string storeName) => $"به {storeName} خوش آمدید! کاتالوگ را ببینید و با ستاره‌های تلگرام پرداخت کنید.";
    public override string CatalogButton => "🛍 کاتالوگ";
    public override string OrdersButton => "📦 سفارش‌های من";
    public override string CatalogEmpty => "در حال حاضر محصولی برای فروش نیست. لطفاً بعداً سر بزنید.";
    public override string CatalogTitle => "کاتالوگ — یک محصول انتخاب کنید:";
    public override string AllProducts => "همه محصولات";
    public override string Next => "بعدی ›";
    public override string Previous => "‹ قبلی";
    public override string Back => "‹ بازگشت";
    public override string Buy(int stars) => $"خرید با {stars} ⭐";
    public override string ProductUnavailable => "متأسفیم، این محصول دیگر موجود نیست.";
    public override string SoldOut => "متأسفیم، موجودی این محصول تمام شده است. هیچ ستاره‌ای کسر نشد.";
    public override string PriceChanged => "قیمت از زمان صدور این فاکتور تغییر کرده است. لطفاً محصول را دوباره باز کنید.";
    public override string StoreUnavailable => "این فروشگاه در حال حاضر در دسترس نیست. لطفاً بعداً دوباره تلاش کنید.";
    public override string DeliveriesPaused => "ارسال کالاهای این فروشگاه فعلاً متوقف است. خرید شما محفوظ است و پس از ازسرگیری ارسال می‌شود.";
    public override string OrderNotFound => "این سفارش پیدا نشد. لطفاً از کاتالوگ دوباره شروع کنید.";
    public override string PaymentFailed => "پرداخت پذیرفته نشد. هیچ ستاره‌ای کسر نشد.";
    public override string ThanksPaid(string title) => $"سپاس! پرداخت برای {Isolate(title)} دریافت شد.";
    public override string DownloadLink(string url) => $"پیوند دانلود (در مرورگر هم کار می‌کند): {url}";
    public override string YourKey(string key) => $"کلید لایسنس شما (برای کپی روی آن بزنید):\n{key}";
    public override string YourContent(string text) => $"خرید شما:\n{text}";
    public override string NoOrders => "هنوز خریدی ندارید.";
    public override string OrdersTitle => "خریدهای شما — برای دریافت دوباره روی یکی بزنید:";
    public override string GetAgain => "دریافت دوباره";
    public override string Refunded(string title, int stars) => $"سفارش «{title}» بازپرداخت شد: {stars} ⭐ به شما برگشت.";
    public override string OrderRefunded => "این سفارش بازپرداخت شده و دیگر قابل تحویل نیست.";
    public override string NoTerms => "فروشگاه هنوز شرایط فروش را منتشر نکرده است.";
    public override string NoSupport => "برای کمک درباره پرداخت، همین‌جا پیام دهید تا فروشگاه پاسخ دهد.";
    public override string Help => "کارهایی که از من برمی‌آید:\n" + CommandList(descriptionFirst: true);
    public override string Unknown => "متوجه نشدم. /catalog یا /help را امتحان کنید.";
    public override string CommandStart => "شروع فروشگاه";
    public override string CommandCatalog => "دیدن کاتالوگ";
    public override string CommandOrders => "خریدهای شما";
    public override string CommandPaySupport => "کمک درباره پرداخت";
    public override string CommandTerms => "شرایط فروش";
    public override string CommandHelp => "راهنما و فهرست دستورها";

    // Subscriptions: buying and /subscriptions
    public override string PerMonth(int stars) => $"{stars} ⭐ در ماه";
    public override string Subscribe(int stars) => $"اشتراک ماهانه با {stars} ⭐";
    public override string SubscribeInvoice(string title) =>
        $"«{Isolate(title)}» هر ۳۰ روز با ستاره‌های شما تمدید می‌شود. برای اشتراک دکمه را بزنید؛ هر زمان با /subscriptions لغو کنید.";
    public override string SubscribeButton => "⭐ اشتراک";
    public override string AlreadyMember(string title, DateTimeOffset until) => $"شما عضو «{title}» هستید (تا {Day(until)}). /subscriptions را ببینید.";
    public override string MembershipStarted(string title, DateTimeOffset until) => $"سپاس! عضویت شما در «{title}» تا {Day(until)} فعال است.";
    public override string MembershipRenewed(string title, DateTimeOffset until) => $"عضویت شما در «{title}» تا {Day(until)} تمدید شد.";
    public override string NoSubscriptions => "هنوز هیچ عضویتی ندارید.";
    public override string SubscriptionsTitle => "عضویت‌های شما:";
    public override string MembershipActive(string title, DateTimeOffset renewsOn) => $"• {Isolate(title)} — فعال، تمدید در {Day(renewsOn)}";
    public override string MembershipCanceled(string title, DateTimeOffset until) => $"• {Isolate(title)} — لغو شده، دسترسی تا {Day(until)}";
    public override string MembershipEnded(string title, DateTimeOffset on) => $"• {Isolate(title)} — پایان یافته در {Day(on)}";
    public override string CancelMembership(string title) => $"لغو {title}";
    public override string ResumeMembership(string title) => $"ادامه {title}";
    public override string SubscriptionCanceled(string title, DateTimeOffset until) =>
        $"عضویت شما در «{title}» تمدید نخواهد شد. دسترسی شما تا {Day(until)} باقی است.";
    public override string SubscriptionResumed(string title, DateTimeOffset renewsOn) => $"عضویت شما در «{title}» دوباره در {Day(renewsOn)} تمدید می‌شود.";
    public override string SubscriptionNotChanged => "این عضویت دیگر قابل تغییر نیست: دوره پرداخت‌شده آن تمام شده است. از کاتالوگ دوباره مشترک شوید.";
    public override string CommandSubscriptions => "عضویت‌های شما";
    public override string SubscriptionsButton => "⭐ عضویت‌های من";
    // Subscriptions: channel access
    public override string ChannelAccessReady(string planTitle) =>
        $"اشتراک «{planTitle}» شما فعال است. برای پیوستن، دکمهٔ زیر را بزنید؛ لینک شخصی فقط برای شما و فقط یک بار کار می‌کند.";
    public override string JoinChat(string chatTitle) => $"پیوستن به {chatTitle}";
    public override string IncludedInPlan(string titles) => $"شامل: {titles}";
    // Subscriptions: the sweep's reminder and member products
    public override string MembershipRenewsSoon(string plan, DateTimeOffset renewsOn, int stars) =>
        $"اشتراک «{plan}» شما در تاریخ {Day(renewsOn)} تمدید می‌شود. مطمئن شوید {stars} ⭐ در موجودی تلگرام خود دارید تا دسترسی‌تان ادامه یابد.";
    public override string MembershipAccessEnded(string plan) =>
        $"اشتراک «{plan}» شما به پایان رسیده است و محتوای آن دیگر در دسترس نیست. برای دسترسی دوباره از /catalog دوباره مشترک شوید.";

    public override string ChannelSubscriptionOffer(string plan, int stars) =>
        $"«{Isolate(plan)}» را تلگرام هنگام ورود به کانال می‌فروشد: هر ۳۰ روز {stars} ⭐، هنگام پیوستن پرداخت می‌شود. برای پیوستن روی دکمهٔ زیر بزنید.";

    // Ledger: telling the merchant
    public override string OwnerLinked(string storeName) =>
        $"متصل شد: پیام‌های موجودی {storeName} (مثلاً وقتی ستاره‌ها آماده برداشت هستند) اینجا می‌آید. هر زمان در پرتال می‌توانید اتصال را قطع کنید.";
    public override string OwnerLinkInvalid =>
        "این کد منقضی شده یا قبلاً استفاده شده است. در پرتال (Balance → Telegram) کد تازه‌ای بسازید و ظرف ۱۵ دقیقه بفرستید.";
    public override string BalanceWithdrawable(string botUsername, long withdrawableStars, long onHoldStars, long minimumStars) =>
        $"⭐ {Stars(withdrawableStars)} ستاره از @{botUsername} آماده برداشت است ({Stars(onHoldStars)} ستاره هنوز در انتظار).\n"
        + $"برای برداشت: در تلگرام نمایهٔ @{botUsername} (یا @BotFather ← /mybots ← @{botUsername}) ← Balance ← Withdraw via Fragment را باز کنید "
        + $"(پرداخت با تون‌کوین، هر بار دست‌کم {Stars(minimumStars)} ستاره).";

    // Storefront screens
    public override string AboutButton => "درباره ما ℹ️"; // ℹ is a left-to-right letter: after the Persian words
    public override string SupportButton => "💬 پشتیبانی";
    public override string TermsButton => "📄 شرایط";
    public override string AboutDefault(string storeName) =>
        $"فروشگاه {Isolate(storeName)} کالاهای دیجیتال را با ستاره‌های تلگرام می‌فروشد و همین‌جا در گفتگو تحویل می‌دهد. "
        + "محصولات در /catalog و خریدهای شما در /orders است.";
    public override string ChooseShelf => "کاتالوگ — یک قفسه انتخاب کنید:";
    public override string ShelfTitle(string shelf) => $"قفسهٔ {Isolate(shelf)} — یک محصول انتخاب کنید:";

    // C2 (issue 18): deliveries, /help and the command menu. Every line starts with a Persian word (the paragraph is
    // right-to-left); titles are isolated (Isolate), numbers and dates come after Persian words.
    public override string PurchaseAgain(string titleHtml) => $"این هم دوباره خرید شما: {Isolate(titleHtml)}";
    public override string DownloadButton => "⬇️ دانلود";
    public override string DownloadReady(DateTimeOffset validUntil) => $"با دکمهٔ زیر در هر مرورگری دانلود کنید؛ معتبر تا {Day(validUntil)}.";
    public override string DownloadsLeft(int left) => $"دفعات باقی‌ماندهٔ دانلود: {left}";
    public override string DownloadsUsedUp =>
        "همهٔ دفعات دانلود این پیوند استفاده شده است؛ فایل بالا برای شما می‌ماند. برای پیوند تازه از فروشگاه بخواهید دانلودهای شما را بازنشانی کند.";
    public override string CommandAbout => "دربارهٔ فروشگاه";
}
