namespace Platform.Core.Outbound.Texts;

public sealed class RussianBotTexts : BotTexts
{
    public override string Language => "ru";
    public override string Welcome(string storeName) => $"Добро пожаловать в {storeName}! Выбирайте товары и платите звёздами Telegram.";
    public override string CatalogButton => "🛍 Каталог";
    public override string OrdersButton => "📦 Мои покупки";
    public override string CatalogEmpty => "Сейчас ничего не продаётся. Загляните позже.";
    public override string CatalogTitle => "Каталог — выберите товар:";
    public override string AllProducts => "Все товары";
    public override string Next => "Далее ›";
    public override string Previous => "‹ Назад";
    public override string Back => "‹ Назад";
    public override string Buy(int stars) => $"Купить за {stars} ⭐";
    public override string ProductUnavailable => "Извините, этот товар больше не продаётся.";
    public override string SoldOut => "Извините, товар закончился. Звёзды не списаны.";
    public override string PriceChanged => "Цена изменилась после выставления счёта. Откройте товар ещё раз.";
    public override string StoreUnavailable => "Магазин сейчас недоступен. Попробуйте позже.";
    public override string DeliveriesPaused => "Выдача покупок в этом магазине приостановлена. Покупка сохранена и будет отправлена, когда выдачу возобновят.";
    public override string OrderNotFound => "Заказ не найден. Начните заново из каталога.";
    public override string PaymentFailed => "Платёж не принят. Звёзды не списаны.";
    public override string ThanksPaid(string title) => $"Спасибо! Оплата за {title} получена.";
    public override string DownloadLink(string url) => $"Ссылка для скачивания (работает и в браузере): {url}";
    public override string YourKey(string key) => $"Ваш лицензионный ключ (нажмите, чтобы скопировать):\n{key}";
    public override string YourContent(string text) => $"Ваша покупка:\n{text}";
    public override string NoOrders => "У вас пока нет покупок.";
    public override string OrdersTitle => "Ваши покупки — нажмите, чтобы получить ещё раз:";
    public override string GetAgain => "Получить ещё раз";
    public override string Refunded(string title, int stars) => $"Заказ «{title}» возвращён: {stars} ⭐ вернулись к вам.";
    public override string OrderRefunded => "Этот заказ возвращён и больше не может быть выдан.";
    public override string NoTerms => "Магазин ещё не опубликовал условия продажи.";
    public override string NoSupport => "По вопросам оплаты напишите сюда — магазин ответит.";
    public override string Help => "Вот что я умею:\n" + CommandList(descriptionFirst: false);
    public override string Unknown => "Не понял. Попробуйте /catalog или /help.";
    public override string CommandStart => "Открыть магазин";
    public override string CommandCatalog => "Каталог";
    public override string CommandOrders => "Ваши покупки";
    public override string CommandPaySupport => "Помощь с оплатой";
    public override string CommandTerms => "Условия продажи";
    public override string CommandHelp => "Помощь и список команд";

    // Subscriptions: buying and /subscriptions
    public override string PerMonth(int stars) => $"{stars} ⭐ / мес.";
    public override string Subscribe(int stars) => $"Подписаться за {stars} ⭐ / мес.";
    public override string SubscribeInvoice(string title) =>
        $"«{title}» продлевается каждые 30 дней за ваши звёзды. Нажмите кнопку, чтобы подписаться; отменить можно в /subscriptions.";
    public override string SubscribeButton => "⭐ Подписаться";
    public override string AlreadyMember(string title, DateTimeOffset until) => $"Вы уже подписаны на «{title}» (до {Day(until)}). См. /subscriptions.";
    public override string MembershipStarted(string title, DateTimeOffset until) => $"Спасибо! Подписка на «{title}» активна до {Day(until)}.";
    public override string MembershipRenewed(string title, DateTimeOffset until) => $"Подписка на «{title}» продлена до {Day(until)}.";
    public override string NoSubscriptions => "У вас пока нет подписок.";
    public override string SubscriptionsTitle => "Ваши подписки:";
    public override string MembershipActive(string title, DateTimeOffset renewsOn) => $"• {title} — активна, продление {Day(renewsOn)}";
    public override string MembershipCanceled(string title, DateTimeOffset until) => $"• {title} — отменена, доступ до {Day(until)}";
    public override string MembershipEnded(string title, DateTimeOffset on) => $"• {title} — закончилась {Day(on)}";
    public override string CancelMembership(string title) => $"Отменить {title}";
    public override string ResumeMembership(string title) => $"Возобновить {title}";
    public override string SubscriptionCanceled(string title, DateTimeOffset until) =>
        $"Подписка на «{title}» не будет продлена. Доступ сохранится до {Day(until)}.";
    public override string SubscriptionResumed(string title, DateTimeOffset renewsOn) => $"Подписка на «{title}» снова продлится {Day(renewsOn)}.";
    public override string SubscriptionNotChanged => "Эту подписку уже нельзя изменить: оплаченный период закончился. Подпишитесь снова в каталоге.";
    public override string CommandSubscriptions => "Ваши подписки";
    public override string SubscriptionsButton => "⭐ Мои подписки";
    // Subscriptions: channel access
    public override string ChannelAccessReady(string planTitle) =>
        $"Ваша подписка «{planTitle}» активна. Нажмите кнопку ниже, чтобы вступить; личная ссылка работает только для вас и только один раз.";
    public override string JoinChat(string chatTitle) => $"Вступить в {chatTitle}";
    public override string IncludedInPlan(string titles) => $"Включено: {titles}";
    // Subscriptions: the sweep's reminder and member products
    public override string MembershipRenewsSoon(string plan, DateTimeOffset renewsOn, int stars) =>
        $"Ваша подписка «{plan}» продлится {Day(renewsOn)}. Проверьте, что на балансе Telegram есть {stars} ⭐, чтобы доступ не прервался.";
    public override string MembershipAccessEnded(string plan) =>
        $"Ваша подписка «{plan}» закончилась, её материалы больше недоступны. Оформите её снова в /catalog, чтобы вернуть доступ.";

    public override string ChannelSubscriptionOffer(string plan, int stars) =>
        $"«{plan}» продаёт сам Telegram при входе в канал: {stars} ⭐ каждые 30 дней, списание при вступлении. Нажмите кнопку ниже, чтобы вступить.";

    // Ledger: telling the merchant
    public override string OwnerLinked(string storeName) =>
        $"Готово: сообщения о балансе {storeName} (например, когда звёзды можно вывести) будут приходить сюда. Отвязать можно в любой момент в портале.";
    public override string OwnerLinkInvalid =>
        "Этот код истёк или уже использован. Создайте новый в портале (Balance → Telegram) и отправьте его в течение 15 минут.";
    public override string BalanceWithdrawable(string botUsername, long withdrawableStars, long onHoldStars, long minimumStars) =>
        $"⭐ {Stars(withdrawableStars)} звёзд можно вывести из @{botUsername} (ещё {Stars(onHoldStars)} на удержании).\n"
        + $"Как вывести: в Telegram откройте профиль @{botUsername} (или @BotFather → /mybots → @{botUsername}) → Balance → Withdraw via Fragment "
        + $"(выплата в Toncoin, не меньше {Stars(minimumStars)} звёзд за раз).";

    // Storefront screens
    public override string AboutButton => "ℹ️ О магазине";
    public override string SupportButton => "💬 Поддержка";
    public override string TermsButton => "📄 Условия";
    public override string AboutDefault(string storeName) =>
        $"{storeName} продаёт цифровые товары за звёзды Telegram и доставляет их прямо в этот чат. Товары — в /catalog, ваши покупки — в /orders.";
    public override string ChooseShelf => "Каталог — выберите раздел:";
    public override string ShelfTitle(string shelf) => $"{shelf} — выберите товар:";

    // C2 (issue 18): deliveries, /help and the command menu
    public override string PurchaseAgain(string titleHtml) => $"Ваша покупка ещё раз: {titleHtml}.";
    public override string DownloadButton => "⬇️ Скачать";
    public override string DownloadReady(DateTimeOffset validUntil) => $"Скачать в любом браузере можно кнопкой ниже до {Day(validUntil)}.";
    public override string DownloadsLeft(int left) => $"Осталось скачиваний: {left}.";
    public override string DownloadsUsedUp =>
        "Все скачивания по ссылке использованы; файл выше остаётся у вас. Чтобы получить новую ссылку, попросите магазин сбросить скачивания.";
    public override string CommandAbout => "О магазине";
}
