// 消息: every notice addressed to me, also those the Official Account could not carry; opening one marks it read
// and, where I may open cases, opens its case.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, guarded, table, tag } from '../lib/dom.js';
import { dateTime } from '../lib/format.js';
import { canOpen, refresh } from '../router.js';

export async function messagesPage(view) {
  const messages = await api('/api/staff/me/messages');
  const unread = messages.filter((m) => !m.read).length;
  const opensCases = canOpen('cases');
  const open = (m) => guarded(async () => {
    if (!m.read) await api(`/api/staff/me/messages/${m.id}/read`, { method: 'POST' });
    if (m.caseId && opensCases) location.hash = `#cases/${m.caseId}`;
    else refresh();
  });
  view.append(el('section', { className: 'panel' }, el('h2', {}, `消息（未读${unread}）`),
    el('p', {}, el('button', {
      id: 'read-all', className: 'secondary', disabled: unread === 0,
      onclick: () => act('/api/staff/me/messages/read-all'),
    }, '全部已读')),
    table(['', '消息', '内容', '时间'], messages.map((m) =>
      el('tr', { 'data-message': m.id, className: m.read ? '' : 'unread' },
        el('td', {}, m.read ? '' : tag('未读', true)),
        el('td', {}, el('button', { className: 'link open-message', onclick: () => open(m) }, m.title)),
        el('td', { className: 'muted' }, m.detail), el('td', {}, dateTime(m.createdAt)))), 'messages')));
}
