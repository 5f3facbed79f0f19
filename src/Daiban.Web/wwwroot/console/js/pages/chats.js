// 咨询转人工: hand-offs from the consultation bot (the window sees all, an agent its own); #chats/<id> adds the whole
// transcript, a reply and closing.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, table } from '../lib/dom.js';
import { authorName, channelName, dateTime } from '../lib/format.js';

export async function chatsPage(view, chatId) {
  const list = await api('/api/staff/consultations?status=HandedOff');
  view.append(el('section', { className: 'panel' }, el('h2', {}, `转人工的咨询（${list.length}）`),
    table(['原因', '渠道', '负责人', '最后留言'], list.map((c) => el('tr', { 'data-chat': c.id },
      el('td', {}, el('a', { href: `#chats/${c.id}`, className: 'open-chat' }, c.handoffReason || '转人工')),
      el('td', {}, channelName(c.channel)),
      el('td', {}, c.agentName || '待分配'), el('td', {}, dateTime(c.lastUserMessageAt)))), 'chats')));
  if (!chatId) return;
  const c = await api(`/api/staff/consultations/${chatId}`);
  const reply = el('textarea', { id: 'chat-reply', maxlength: 1000, placeholder: '回复企业', 'aria-label': '回复企业' });
  const send = () => act(`/api/staff/consultations/${c.id}/replies`, { body: { text: reply.value }, done: '已回复' });
  const close = () => act(`/api/staff/consultations/${c.id}/close`,
    { done: '已结束', after: () => { location.hash = '#chats'; } });
  view.append(el('section', { className: 'panel' }, el('h2', {}, '对话记录'),
    table(['时间', '谁', '内容'], c.messages.map((m) => el('tr', {}, el('td', {}, dateTime(m.at)),
      el('td', {}, authorName(m.author)), el('td', { className: 'chat-text' }, m.text))), 'transcript'),
    c.channel === 'CustomerService' && !c.canReplyInWeChat
      ? el('p', { className: 'muted' }, '已超过48小时，回复只显示在小程序对话中。')
      : null,
    reply, el('p', {},
      el('button', { id: 'chat-send', onclick: send }, '发送'), ' ',
      el('button', { className: 'secondary', onclick: close }, '结束咨询'))));
}
