namespace Platform.Core.Outbound.Texts;

public sealed class EnglishBotTexts : BotTexts
{
    public override string Language => "en";
    public override string Welcome(string storeName) => $"Welcome to {storeName}! Browse the catalog and pay with Telegram Stars.";
    public override string CatalogButton => "🛍 Catalog";
    public override string OrdersButton => "📦 My orders";
    public override string CatalogEmpty => "Nothing is on sale right now. Please come back later.";
    public override string CatalogTitle => "Catalog — choose a product:";
    public override string AllProducts => "All products";
    public override string Next => "Next ›";
    public override string Previous => "‹ Previous";
    public override string Back => "‹ Back";
    public override string Buy(int stars) => $"Buy for {stars} ⭐";
    public override string ProductUnavailable => "Sorry, this product is no longer available.";
    public override string SoldOut => "Sorry, this product is sold out. No Stars were taken.";
    public override string PriceChanged => "The price changed since this invoice was made. Please open the product again.";
    public override string StoreUnavailable => "This store is unavailable at the moment. Please try again later.";
    public override string DeliveriesPaused =>
        "Deliveries from this store are paused for now. Your purchase is kept and will be sent once they resume.";
    public override string OrderNotFound => "This order could not be found. Please start again from the catalog.";
    public override string PaymentFailed => "The payment could not be accepted. No Stars were taken.";
    public override string ThanksPaid(string title) => $"Thank you! Payment received for {title}.";
    public override string DownloadLink(string url) => $"Download link (also works in a browser): {url}";
    public override string YourKey(string key) => $"Your license key (tap it to copy):\n{key}";
    public override string YourContent(string text) => $"Your purchase:\n{text}";
    public override string NoOrders => "You have no purchases yet.";
    public override string OrdersTitle => "Your purchases — tap one to get it again:";
    public override string GetAgain => "Get again";
    public override string Refunded(string title, int stars) => $"Your order “{title}” was refunded: {stars} ⭐ returned to you.";
    public override string OrderRefunded => "This order was refunded, so it can no longer be delivered.";
    public override string NoTerms => "The store has not published terms yet.";
    public override string NoSupport => "For help with a payment, reply here and the store will get back to you.";
    public override string Help => "Here is what I can do:\n" + CommandList(descriptionFirst: false);
    public override string Unknown => "Sorry, I did not understand. Try /catalog or /help.";
    public override string CommandStart => "Start the store";
    public override string CommandCatalog => "Browse the catalog";
    public override string CommandOrders => "Your purchases";
    public override string CommandPaySupport => "Help with a payment";
    public override string CommandTerms => "Terms of sale";
    public override string CommandHelp => "Show these commands";

    // Subscriptions: buying and /subscriptions
    public override string PerMonth(int stars) => $"{stars} ⭐ / month";
    public override string Subscribe(int stars) => $"Subscribe for {stars} ⭐ / month";
    public override string SubscribeInvoice(string title) =>
        $"“{title}” renews every 30 days from your Stars. Tap the button to subscribe; cancel any time with /subscriptions.";
    public override string SubscribeButton => "⭐ Subscribe";
    public override string AlreadyMember(string title, DateTimeOffset until) =>
        $"You are already a member of “{title}” (until {Day(until)}). See /subscriptions.";
    public override string MembershipStarted(string title, DateTimeOffset until) => $"Thank you! Your membership of “{title}” is active until {Day(until)}.";
    public override string MembershipRenewed(string title, DateTimeOffset until) => $"Your membership of “{title}” was renewed until {Day(until)}.";
    public override string NoSubscriptions => "You have no memberships yet.";
    public override string SubscriptionsTitle => "Your memberships:";
    public override string MembershipActive(string title, DateTimeOffset renewsOn) => $"• {title} — active, renews on {Day(renewsOn)}";
    public override string MembershipCanceled(string title, DateTimeOffset until) => $"• {title} — cancelled, access until {Day(until)}";
    public override string MembershipEnded(string title, DateTimeOffset on) => $"• {title} — ended on {Day(on)}";
    public override string CancelMembership(string title) => $"Cancel {title}";
    public override string ResumeMembership(string title) => $"Resume {title}";
    public override string SubscriptionCanceled(string title, DateTimeOffset until) =>
        $"Your membership of “{title}” will not renew. You keep access until {Day(until)}.";
    public override string SubscriptionResumed(string title, DateTimeOffset renewsOn) => $"Your membership of “{title}” renews again on {Day(renewsOn)}.";
    public override string SubscriptionNotChanged => "This membership cannot be changed now: its paid period has ended. Subscribe again from the catalog.";
    public override string CommandSubscriptions => "Your memberships";
    public override string SubscriptionsButton => "⭐ My memberships";
    // Subscriptions: channel access
    public override string ChannelAccessReady(string planTitle) =>
        $"Your membership “{planTitle}” is active. Tap below to join; a personal link works for you alone and only once.";
    public override string JoinChat(string chatTitle) => $"Join {chatTitle}";
    public override string IncludedInPlan(string titles) => $"Included: {titles}";
    // Subscriptions: the sweep's reminder and member products
    public override string MembershipRenewsSoon(string plan, DateTimeOffset renewsOn, int stars) =>
        $"Your “{plan}” membership renews on {Day(renewsOn)}. Make sure you have {stars} ⭐ in your Telegram balance so your access continues.";
    public override string MembershipAccessEnded(string plan) =>
        $"Your “{plan}” membership has ended, so its content is no longer available. Subscribe again from /catalog to get it back.";

    public override string ChannelSubscriptionOffer(string plan, int stars) =>
        $"“{plan}” is sold by Telegram at the channel's door: {stars} ⭐ every 30 days, charged when you join. Tap below to join.";

    // Ledger: telling the merchant
    public override string OwnerLinked(string storeName) =>
        $"Linked: you will get {storeName}'s balance messages here, such as when Stars are ready to withdraw. Unlink any time in the portal.";
    public override string OwnerLinkInvalid =>
        "This code has expired or was used. Make a new one in the portal (Balance → Telegram) and send it within 15 minutes.";
    public override string BalanceWithdrawable(string botUsername, long withdrawableStars, long onHoldStars, long minimumStars) =>
        $"⭐ {Stars(withdrawableStars)} Stars are ready to withdraw from @{botUsername} ({Stars(onHoldStars)} still on hold).\n"
        + $"To withdraw: in Telegram open @{botUsername}'s profile (or @BotFather → /mybots → @{botUsername}) → Balance → Withdraw via Fragment "
        + $"(paid in Toncoin, at least {Stars(minimumStars)} Stars at a time).";

    // Storefront screens
    public override string AboutButton => "ℹ️ About";
    public override string SupportButton => "💬 Support";
    public override string TermsButton => "📄 Terms";
    public override string AboutDefault(string storeName) =>
        $"{storeName} sells digital goods for Telegram Stars, delivered right here in the chat. Browse /catalog; your purchases are in /orders.";
    public override string ChooseShelf => "Catalog — choose a shelf:";
    public override string ShelfTitle(string shelf) => $"{shelf} — choose a product:";

    // C2 (issue 18): deliveries, /help and the command menu
    public override string PurchaseAgain(string titleHtml) => $"Here is your purchase again: {titleHtml}.";
    public override string DownloadButton => "⬇️ Download";
    public override string DownloadReady(DateTimeOffset validUntil) => $"Download it in any browser with the button below, until {Day(validUntil)}.";
    public override string DownloadsLeft(int left) => $"Downloads left: {left}.";
    public override string DownloadsUsedUp =>
        "Every download of the browser link is used up; the file above stays yours. Ask the store to reset your downloads for a new link.";
    public override string CommandAbout => "About the store";
}
