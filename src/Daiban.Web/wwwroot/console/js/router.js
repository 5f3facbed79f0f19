// The router: the address (#page or #page/param) picks the page, among those the member's roles may open; the menu,
// the name beside 退出 and the unread count beside 消息 are drawn with every page.
import { api } from './lib/api.js';
import { el } from './lib/dom.js';
import { staff, takeEndedReason } from './lib/session.js';

let registry = [];

/** The registry's pages the signed-in member may open, in menu order. */
function allowed() {
  const me = staff();
  return me ? registry.filter((p) => p.roles.some((r) => me.roles.includes(r))) : [];
}

export function canOpen(pageId) {
  return allowed().some((p) => p.id === pageId);
}

/** Shows the page the address names, and again whenever it changes. */
export function start(pages) {
  registry = pages;
  window.addEventListener('hashchange', refresh);
  refresh();
}

/**
 * Draws the current page afresh from the server: after every change, so what is shown is what the server holds.
 * An address the member may not open shows the first page it may.
 */
export async function refresh() {
  const pages = allowed();
  const me = staff();
  const nav = document.getElementById('nav');
  if (!me) {
    const ended = takeEndedReason();
    if (ended) document.getElementById('sign-in-error').textContent = ended;
    return;
  }
  document.getElementById('sign-in')?.remove();
  document.getElementById('me').hidden = false;
  document.getElementById('me-name').textContent = me.displayName;
  nav.hidden = false;
  const [route, param] = location.hash.replace(/^#/, '').split('/');
  const page = pages.find((p) => p.id === route) || pages[0];
  nav.replaceChildren(...pages.filter((p) => !p.hidden).map((p) =>
    el('a', { href: '#' + p.id, id: 'nav-' + p.id, className: p === page ? 'active' : '' }, p.name)));
  showUnread();
  const view = el('div', { id: 'view-' + (page ? page.id : 'none') });
  if (!page) {
    document.getElementById('main').replaceChildren(view);
    view.append(el('p', { className: 'panel' }, '您的账号没有可用的工作台页面，请联系管理员。'));
    return;
  }
  await draw(page, view, param);
}

/**
 * Renders a page with a loading line while it reads, and in place of a blank page an error panel that says what
 * failed (the server's Chinese title) with 重试.
 */
async function draw(page, view, param) {
  const loading = el('p', { className: 'loading', id: 'loading', role: 'status' }, `正在加载${page.name}…`);
  view.setAttribute('aria-busy', 'true');
  document.getElementById('main').replaceChildren(loading, view);
  try {
    await page.render(view, param);
  } catch (e) {
    const retry = el('button', { id: 'retry', onclick: () => draw(page, el('div', { id: view.id }), param) }, '重试');
    view.replaceChildren(el('section', { className: 'panel error-panel', role: 'alert' },
      el('h2', {}, `${page.name}未能打开`), el('p', { className: 'error' }, e.message), el('p', {}, retry)));
  } finally {
    loading.remove();
    view.removeAttribute('aria-busy');
  }
}

/** The unread count beside 消息, refreshed with every page (not waited for; a failure leaves the plain name). */
function showUnread() {
  api('/api/staff/me/messages/unread-count').then((r) => {
    const link = document.getElementById('nav-messages');
    if (link) link.textContent = r.unread > 0 ? `消息（${r.unread}）` : '消息';
  }).catch(() => {});
}
