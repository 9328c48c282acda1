// The sandbox chat page over the control API. Bot texts are untrusted: the DOM is built with textContent and
// elements, never innerHTML; links only for http(s) URLs.
// Access: from this machine nothing is needed. From elsewhere, #token=<Sandbox:AccessToken> (everything), or
// #scope=<scoped token> (test mode: only that scope's bots and buyers). A fragment never reaches a server or a log.
'use strict';
const fragment = new URLSearchParams(location.hash.slice(1));
const query = new URLSearchParams(location.search);
const scope = fragment.get('scope');
const auth = scope ? { 'X-Sandbox-Scope-Token': scope }
  : fragment.get('token') ? { 'X-Sandbox-Access-Token': fragment.get('token') } : {};
const $ = id => document.getElementById(id);
const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};
const api = (path, body) => fetch('/sandbox/v1' + path, body === undefined ? { headers: auth } :
  { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  .then(async r => {
    const j = await r.json();
    if (r.status === 403) $('status').textContent = scope ? 'This test-mode link is no longer valid: open test mode again from the portal.'
      : 'The sandbox refused this page: open it on its own machine or with #token=.';
    if (!r.ok && r.status !== 404) throw new Error(j.error || r.status);
    return j;
  });
let lastRendered = '', noticesSeen = 0;
const blobUrls = new Map();

// Files need the page's credentials when it is scoped or remote: fetch them and hand the browser a blob.
async function fileUrl(url) {
  if (!auth['X-Sandbox-Scope-Token'] && !auth['X-Sandbox-Access-Token']) return url;
  if (!blobUrls.has(url)) blobUrls.set(url, fetch(url, { headers: auth }).then(r => r.blob()).then(b => URL.createObjectURL(b)));
  return blobUrls.get(url);
}

const tags = { bold: 'strong', italic: 'em', underline: 'u', strikethrough: 's', code: 'code', pre: 'pre', blockquote: 'blockquote',
  expandable_blockquote: 'blockquote', spoiler: 'span' };
const safeUrl = u => { try { const p = new URL(u); return p.protocol === 'https:' || p.protocol === 'http:' ? p.href : null; } catch { return null; } };

// Text with Telegram entities (UTF-16 offsets, as JavaScript strings count) as nested elements.
function formatted(text, entities) {
  const box = el('span', null, 'text');
  if (!entities || !entities.length) { box.textContent = text; return box; }
  const cuts = new Set([0, text.length]);
  for (const e of entities) { cuts.add(e.offset); cuts.add(Math.min(text.length, e.offset + e.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(from, to));
    for (const e of entities.filter(x => x.offset <= from && x.offset + x.length >= to).reverse()) {
      let wrap;
      const href = e.type === 'text_link' ? safeUrl(e.url) : e.type === 'url' ? safeUrl(text.slice(e.offset, e.offset + e.length)) : null;
      if (href) { wrap = el('a'); wrap.href = href; wrap.target = '_blank'; wrap.rel = 'noopener noreferrer'; }
      else if (tags[e.type]) { wrap = el(tags[e.type], null, e.type === 'spoiler' ? 'spoiler' : null); if (e.type === 'spoiler') wrap.tabIndex = 0; }
      else continue;
      wrap.append(node);
      node = wrap;
    }
    box.append(node);
  }
  return box;
}

function button(label, onclick, cls) {
  const b = el('button', label, cls);
  b.type = 'button';
  b.onclick = onclick;
  return b;
}

async function pay(body) {
  $('status').textContent = 'Paying…';
  const r = await api(`/users/${$('buyer').value}/payments`, body);
  $('status').textContent = { paid: 'Payment done', rejected: 'Rejected: ' + (r.error_message || ''), timed_out: 'The bot did not answer in time',
    insufficient_stars: 'Not enough Stars' }[r.status] || r.status || r.error;
  await refresh();
}

function keyboardOf(m) {
  const rows = (m.buttons || []).map(row => row.map(b => {
    if (b.pay) return button(`Pay ⭐️${m.invoice ? m.invoice.total_amount : ''}`, () => pay({ bot_id: +$('bot').value, message_id: m.message_id }), 'pay');
    if (b.url && b.url.startsWith('https://t.me/$')) return button(b.text, () => pay({ invoice_link: b.url }), 'pay');
    if (b.url) return button(b.text + ' ↗', () => { const u = safeUrl(b.url); if (u) window.open(u, '_blank', 'noopener'); });
    return button(b.text, () => api(chatPath() + '/callbacks', { message_id: m.message_id, callback_data: b.callback_data }));
  }));
  // Telegram shows a Pay button under an invoice that brought no keyboard of its own.
  if (m.invoice && !rows.flat().some(b => b.classList.contains('pay')))
    rows.unshift([button(`Pay ⭐️${m.invoice.total_amount}`, () => pay({ bot_id: +$('bot').value, message_id: m.message_id }), 'pay')]);
  if (!rows.length) return null;
  const box = el('div', null, 'inline-keyboard');
  for (const row of rows) { const r = el('div', null, 'kb-row'); r.append(...row); box.append(r); }
  return box;
}

function bubbleOf(m) {
  const bubble = el('div', null, 'bubble');
  if (m.photo) {
    const img = el('img', null, 'photo');
    img.alt = m.caption || 'Photo from the bot';
    fileUrl(m.photo.url).then(u => { img.src = u; });
    bubble.append(img);
  }
  if (m.document) {
    const a = el('a', 'Download ' + (m.document.file_name || 'file'));
    a.href = m.document.url;
    a.download = m.document.file_name || '';
    if (auth['X-Sandbox-Scope-Token'] || auth['X-Sandbox-Access-Token'])
      a.onclick = async e => { e.preventDefault(); const t = el('a'); t.href = await fileUrl(m.document.url); t.download = a.download; t.click(); };
    const row = el('div', null, 'attachment');
    row.append(a);
    bubble.append(row);
  }
  if (m.invoice) {
    bubble.append(el('span', m.invoice.title, 'invoice-title'), el('span', m.invoice.description, 'text'),
      el('span', `⭐️${m.invoice.total_amount}`, 'invoice-price'));
  }
  if (m.text) bubble.append(formatted(m.text, m.entities));
  if (m.caption) bubble.append(formatted(m.caption, m.caption_entities));
  const time = new Date(m.date * 1000);
  bubble.append(el('div', (m.edited ? 'edited · ' : '') + time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), 'meta'));
  return bubble;
}

function render(chat) {
  const list = $('messages');
  list.replaceChildren(...chat.messages.map(m => {
    const li = el('li', null, 'msg ' + (m.from_bot ? 'bot' : 'me'));
    if (m.successful_payment || m.refunded_payment) {
      li.className = 'msg service';
      const paid = m.successful_payment;
      li.append(el('div', paid ? `You paid ⭐️${paid.total_amount}` : `Refunded ⭐️${m.refunded_payment.total_amount}`, 'bubble'));
      return li;
    }
    li.append(bubbleOf(m));
    const keyboard = keyboardOf(m);
    if (keyboard) li.append(keyboard);
    return li;
  }));
  // Show a callback answer once, when it arrives; later re-renders must not hide newer statuses.
  if (chat.notices.length > noticesSeen) $('status').textContent = chat.notices[chat.notices.length - 1];
  noticesSeen = chat.notices.length;
  $('keyboard').replaceChildren(...(chat.keyboard || []).flat().map(t => button(t, () => send(t))));
  list.scrollTop = list.scrollHeight;
}

const chatPath = () => `/users/${$('buyer').value}/bots/${$('bot').value}`;

async function fill(selectId, items, label, wanted) {
  const sel = $(selectId), keep = wanted ?? sel.value;
  sel.replaceChildren(...items.map(x => { const o = el('option', label(x)); o.value = x.id; return o; }));
  if (keep && items.some(x => String(x.id) === String(keep))) sel.value = keep;
}
async function loadBuyers(id) { await fill('buyer', await api('/users'), u => `${u.first_name} (${u.id})`, id); await refresh(); }
async function loadBots(id) { await fill('bot', await api('/bots'), b => '@' + b.username, id); await refresh(); }

async function refresh() {
  if (!$('buyer').value) { $('balance').textContent = '–'; return; }
  const user = await api('/users/' + $('buyer').value);
  $('balance').textContent = user.stars;
  if (!$('bot').value) return;
  $('chat-title').textContent = 'Chat with ' + $('bot').selectedOptions[0].textContent;
  const chat = await api(chatPath() + '/chat');
  if (!chat.messages) return;
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
  const u = await api('/users', { first_name: $('new-buyer-name').value, language_code: $('new-buyer-language').value, stars: +$('new-buyer-stars').value });
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
$('scope-note').hidden = !scope;
loadBuyers(query.get('user')); loadBots(query.get('bot'));
setInterval(() => refresh().catch(() => {}), 1000);
