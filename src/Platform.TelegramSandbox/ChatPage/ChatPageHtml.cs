namespace Platform.TelegramSandbox.ChatPage;

/// <summary>
/// The chat page: plain HTML plus a small inline script over the control API. No build step and no CDN,
/// so it works offline and in headless Chromium. The DOM is built with textContent, never innerHTML,
/// because bot texts are untrusted.
/// </summary>
internal static class ChatPageHtml
{
    public const string Page = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Telegram sandbox · test your store</title>
<style>
 body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:18rem 1fr;height:100vh;background:#eef2f5}
 aside{background:#fff;padding:1rem;border-right:1px solid #ccd;overflow:auto}
 main{display:flex;flex-direction:column;padding:1rem;gap:.5rem;min-height:0}
 fieldset{border:1px solid #ccd;border-radius:.5rem;margin:0 0 1rem}
 label{display:block;font-size:.85rem;margin-top:.4rem}
 input,select,button{font:inherit;padding:.3rem .5rem}
 #messages{list-style:none;margin:0;padding:0;flex:1;min-height:0;overflow:auto;display:flex;flex-direction:column;gap:.4rem}
 #messages li{max-width:70%;padding:.5rem .7rem;border-radius:.7rem;background:#fff;white-space:pre-wrap}
 #messages li.mine{align-self:flex-end;background:#d9f7c4}
 .buttons{display:flex;flex-wrap:wrap;gap:.3rem;margin-top:.4rem}
 .service{align-self:center!important;background:#dde4ea!important;font-size:.85rem}
 #balance{font-weight:bold}
</style>
</head>
<body>
<aside>
 <h1>Telegram sandbox</h1>
 <fieldset>
  <legend>Buyer</legend>
  <label for="buyer">Buyer</label>
  <select id="buyer"></select>
  <p>Stars: <span id="balance">–</span></p>
  <label for="topup-amount">Top up Stars</label>
  <input id="topup-amount" type="number" min="1" value="100"> <button id="topup" type="button">Top up</button>
 </fieldset>
 <form id="new-buyer">
  <fieldset>
   <legend>New buyer</legend>
   <label for="new-buyer-name">First name</label>
   <input id="new-buyer-name" required>
   <label for="new-buyer-stars">Star balance</label>
   <input id="new-buyer-stars" type="number" min="0" value="500">
   <button type="submit">Create buyer</button>
  </fieldset>
 </form>
 <fieldset>
  <legend>Bot</legend>
  <label for="bot">Bot</label>
  <select id="bot"></select>
 </fieldset>
 <form id="new-bot">
  <fieldset>
   <legend>New bot (BotFather)</legend>
   <label for="new-bot-username">Username (ends in bot)</label>
   <input id="new-bot-username" placeholder="my_store_bot">
   <button type="submit">Create bot</button>
   <p id="new-bot-token"></p>
  </fieldset>
 </form>
</aside>
<main>
 <ol id="messages" aria-label="Chat"></ol>
 <p id="status" role="status"></p>
 <div id="keyboard" class="buttons"></div>
 <form id="composer">
  <label for="text">Message</label>
  <input id="text" autocomplete="off" size="50"> <button type="submit">Send</button>
 </form>
</main>
<script>
// From another machine, open the page as /sandbox#token=<Sandbox:AccessToken> (a fragment never reaches a server or a log).
const access = new URLSearchParams(location.hash.slice(1)).get('token');
const auth = access ? { 'X-Sandbox-Access-Token': access } : {};
const api = (path, body) => fetch('/sandbox/v1' + path, body === undefined ? { headers: auth } :
  { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  .then(async r => { const j = await r.json(); if (!r.ok && r.status !== 404) throw new Error(j.error || r.status); return j; });
const $ = id => document.getElementById(id);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
let lastRendered = '', noticesSeen = 0;

async function loadBuyers(selectId) {
  const users = await api('/users');
  const sel = $('buyer'), keep = selectId ?? sel.value;
  sel.replaceChildren(...users.map(u => { const o = el('option', `${u.first_name} (${u.id})`); o.value = u.id; return o; }));
  if (keep) sel.value = keep;
  await refresh();
}
async function loadBots(selectId) {
  const bots = await api('/bots');
  const sel = $('bot'), keep = selectId ?? sel.value;
  sel.replaceChildren(...bots.map(b => { const o = el('option', '@' + b.username); o.value = b.id; return o; }));
  if (keep) sel.value = keep;
  await refresh();
}
const chatPath = () => `/users/${$('buyer').value}/bots/${$('bot').value}`;
const payLabel = amount => `Pay ⭐️${amount}`;

async function pay(body) {
  $('status').textContent = 'Paying…';
  const r = await api(`/users/${$('buyer').value}/payments`, body);
  $('status').textContent = { paid: 'Payment done', rejected: 'Rejected: ' + (r.error_message || ''), timed_out: 'The bot did not answer in time',
    insufficient_stars: 'Not enough Stars' }[r.status] || r.status;
  await refresh();
}

function render(chat) {
  const list = $('messages');
  list.replaceChildren(...chat.messages.map(m => {
    const li = el('li', null, m.from_bot ? '' : 'mine');
    if (m.text) li.append(el('span', m.text));
    if (m.caption) li.append(el('div', m.caption));
    if (m.photo) { const img = el('img'); img.src = m.photo.url; img.alt = m.caption || 'photo'; img.style.maxWidth = '240px'; li.append(img); }
    if (m.document) { const a = el('a', 'Download ' + (m.document.file_name || 'file')); a.href = m.document.url; a.download = m.document.file_name || ''; li.append(el('br'), a); }
    if (m.invoice) li.append(el('strong', `${m.invoice.title} — ${m.invoice.description} (⭐️${m.invoice.total_amount})`));
    if (m.successful_payment) { li.className = 'service'; li.textContent = `You paid ⭐️${m.successful_payment.total_amount}`; }
    if (m.refunded_payment) { li.className = 'service'; li.textContent = `Refunded ⭐️${m.refunded_payment.total_amount}`; }
    if (m.buttons) {
      const box = el('div', null, 'buttons');
      for (const b of m.buttons.flat()) {
        const button = el('button', b.pay && m.invoice ? payLabel(m.invoice.total_amount) : b.text); button.type = 'button';
        if (b.pay) button.onclick = () => pay({ bot_id: +$('bot').value, message_id: m.message_id });
        else if (b.url && b.url.startsWith('https://t.me/$')) button.onclick = () => pay({ invoice_link: b.url });
        else if (b.url) button.onclick = () => window.open(b.url, '_blank');
        else button.onclick = () => api(chatPath() + '/callbacks', { message_id: m.message_id, callback_data: b.callback_data });
        box.append(button);
      }
      li.append(box);
    }
    return li;
  }));
  // Show a callback answer once, when it arrives; later re-renders must not hide newer statuses.
  if (chat.notices.length > noticesSeen) $('status').textContent = chat.notices[chat.notices.length - 1];
  noticesSeen = chat.notices.length;
  $('keyboard').replaceChildren(...(chat.keyboard || []).flat().map(t => {
    const b = el('button', t); b.type = 'button'; b.onclick = () => send(t); return b;
  }));
  list.scrollTop = list.scrollHeight;
}

async function refresh() {
  if (!$('buyer').value) { $('balance').textContent = '–'; return; }
  const user = await api('/users/' + $('buyer').value);
  $('balance').textContent = user.stars;
  if (!$('bot').value) return;
  const chat = await api(chatPath() + '/chat');
  const key = JSON.stringify(chat);
  if (key !== lastRendered) { lastRendered = key; render(chat); }
}
async function send(text) {
  if (!text || !$('buyer').value || !$('bot').value) return;
  await api(chatPath() + '/messages', { text });
  await refresh();
}

$('new-buyer').onsubmit = async e => {
  e.preventDefault();
  const u = await api('/users', { first_name: $('new-buyer-name').value, stars: +$('new-buyer-stars').value });
  await loadBuyers(String(u.id));
};
$('new-bot').onsubmit = async e => {
  e.preventDefault();
  const b = await api('/bots', { username: $('new-bot-username').value || null });
  $('new-bot-token').textContent = b.error ? b.error : 'Token: ' + b.token;
  await loadBots(String(b.id));
};
$('composer').onsubmit = async e => { e.preventDefault(); const t = $('text').value; $('text').value = ''; await send(t); };
$('topup').onclick = async () => { await api(`/users/${$('buyer').value}/stars`, { amount: +$('topup-amount').value }); await refresh(); };
$('buyer').onchange = $('bot').onchange = () => { lastRendered = ''; noticesSeen = Infinity; refresh(); };
loadBuyers(); loadBots();
setInterval(() => refresh().catch(() => {}), 1000);
</script>
</body>
</html>
""";
}
