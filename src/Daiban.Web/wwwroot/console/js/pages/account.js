// 我的账号: who I am, and the WeChat identities that act for my account: bind with a one-time code, see each binding
// and when it was made, remove one I do not recognise.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, table } from '../lib/dom.js';
import { dateTime, roleNames } from '../lib/format.js';

export async function accountPage(view) {
  const [me, bindings] = await Promise.all([api('/api/staff/me'), api('/api/staff/me/bindings')]);
  const codeBox = el('div', { id: 'binding-code' });
  const unbind = (b) => confirm(`解除${b.name}绑定？`)
    && act(`/api/staff/me/bindings/${b.kind}`, { method: 'DELETE', done: '已解除绑定' });
  const showCode = (r) => codeBox.replaceChildren(
    el('p', {}, '绑定码：', el('strong', { className: 'code' }, r.code), `（${dateTime(r.expiresAt)}前有效）`),
    el('p', { className: 'muted' }, r.instructions));
  view.append(el('section', { className: 'panel' }, el('h2', {}, '我的账号'),
    el('p', {}, `${me.displayName}（${me.userName}）· ${roleNames(me.roles)}`)));
  view.append(el('section', { className: 'panel', id: 'bindings' }, el('h2', {}, '微信绑定'),
    el('p', { className: 'muted' }, '绑定服务号后可接收新案件、到期提醒等模板消息；绑定小程序后可在手机上处理案件。'
      + '每次绑定都会在“消息”中提醒您；如有不认识的绑定，请立即解除并联系管理员。'),
    bindings.length === 0 ? el('p', { id: 'no-bindings' }, '尚未绑定微信。')
      : table(['类型', '微信身份', '绑定时间', ''], bindings.map((b) => el('tr', { 'data-binding': b.kind },
        el('td', {}, b.name), el('td', {}, b.openId), el('td', {}, dateTime(b.boundAt)),
        el('td', {}, el('button', { className: 'secondary unbind', onclick: () => unbind(b) }, '解除绑定')))),
      'binding-list'),
    el('p', {}, el('button', {
      id: 'issue-binding-code', onclick: () => act('/api/staff/me/binding-code', { after: showCode }),
    }, '生成绑定码')), codeBox));
}
