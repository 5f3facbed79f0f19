// 我的案件 (agents; admins see every case) and 案件查找 (the window, supervision): cases most urgent first, found by
// case number, enterprise, project, contact or the contact's phone. #cases/<id> opens an agent's workbench,
// #case/<id> the read-only case page.
import { api } from '../lib/api.js';
import { el, guarded, table } from '../lib/dom.js';
import { caseWorkbench } from './case-workbench.js';

/** Whose case a row is: the enterprise, and under it the project and the contact. */
export function whoseCell(c) {
  const under = [c.projectName, c.contactName].filter(Boolean).join(' · ');
  return el('td', { className: 'whose' }, c.enterpriseName || '—', el('div', { className: 'muted' }, under));
}

export async function casesPage(view, caseId) {
  if (caseId) return caseWorkbench(view, caseId);
  return searchable(view, '我的案件', (id) => `#cases/${id}`);
}

/** For the window and supervision: any case, whoever works it, to answer "我的申请到哪了？" on the phone. */
export function findPage(view) {
  return searchable(view, '案件查找', (id) => `#case/${id}`);
}

async function searchable(view, title, link) {
  const list = el('div');
  const box = el('input', {
    id: 'case-search', type: 'search', maxlength: 64, 'aria-label': '查找案件',
    placeholder: '案件编号、企业、项目、联系人或手机号',
  });
  const find = () => guarded(async () => list.replaceChildren(await casesTable(box.value.trim(), link)));
  box.addEventListener('keydown', (e) => { if (e.key === 'Enter') find(); });
  view.append(el('section', { className: 'panel' }, el('h2', {}, title),
    el('div', { className: 'search' }, box, ' ', el('button', { className: 'find', onclick: find }, '查找')), list));
  list.append(await casesTable('', link));
}

async function casesTable(text, link) {
  const cases = await api('/api/staff/cases?pageSize=100' + (text ? `&q=${encodeURIComponent(text)}` : ''));
  const rows = cases.map((c) => el('tr', { 'data-case': c.caseNumber },
    el('td', {}, el('a', { href: link(c.id), className: 'open-case' }, c.caseNumber)), whoseCell(c),
    el('td', {}, c.agentName || '—'), el('td', {}, c.statusName), el('td', {}, c.nextDueOn || '—')));
  const shown = cases.length === 100 ? '显示最紧急的100件，请输入更多内容缩小范围' : `${cases.length} 件`;
  return el('div', {}, el('p', { className: 'muted count' }, text ? `找到 ${shown}` : shown),
    table(['案件编号', '企业 / 项目 · 联系人', '代办员', '状态', '最近到期'], rows, 'my-cases'));
}
