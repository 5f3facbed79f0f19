// 典型案例: anonymized typical cases written by the window, published or withdrawn by supervision; published ones
// feed the consultation bot.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, field, table } from '../lib/dom.js';
import { hasRole } from '../lib/session.js';

export async function typicalCasesPage(view) {
  const publisher = hasRole('Supervisor', 'Admin');
  const cases = await api('/api/staff/typical-cases');
  const title = el('input', { id: 'typical-title', placeholder: '不出现企业名称等可识别信息', size: 50 });
  const summary = el('textarea', { id: 'typical-summary', 'aria-label': '案例经过', placeholder: '案例经过（已匿名化）' });
  const highlights = el('input', { id: 'typical-highlights', size: 50 });
  const create = () => act('/api/staff/typical-cases',
    { body: { title: title.value, summary: summary.value, highlights: highlights.value }, done: '已保存，待发布' });
  view.append(el('section', { className: 'panel' }, el('h2', {}, '撰写典型案例'), field('标题', title), summary, field('经验做法', highlights), ' ',
    el('button', { id: 'typical-create', onclick: create }, '保存')));
  const toggle = (t) => act(`/api/staff/typical-cases/${t.id}/${t.published ? 'unpublish' : 'publish'}`,
    { done: t.published ? '已撤回' : '已发布' });
  view.append(el('section', { className: 'panel' }, el('h2', {}, `典型案例（${cases.length}）`),
    table(['标题', '状态', ''], cases.map((t) => el('tr', { 'data-typical': t.id }, el('td', {}, t.title),
      el('td', {}, t.published ? '已发布（咨询机器人可引用）' : '未发布'),
      el('td', {}, publisher
        ? el('button', { className: 'secondary', onclick: () => toggle(t) }, t.published ? '撤回' : '发布')
        : ''))), 'typical-cases')));
}
