// 我的案件 (agents): my cases with their next due date; #cases/<id> opens the case workbench.
import { api } from '../lib/api.js';
import { el, table } from '../lib/dom.js';
import { caseWorkbench } from './case-workbench.js';

export async function casesPage(view, caseId) {
  if (caseId) return caseWorkbench(view, caseId);
  const cases = await api('/api/staff/cases');
  view.append(el('section', { className: 'panel' }, el('h2', {}, `我的案件（${cases.length}）`),
    table(['案件编号', '服务方式', '状态', '最近到期'], cases.map((c) => el('tr', { 'data-case': c.caseNumber },
      el('td', {}, el('a', { href: `#cases/${c.id}`, className: 'open-case' }, c.caseNumber)), el('td', {}, c.modeName),
      el('td', {}, c.statusName), el('td', {}, c.nextDueOn || '—'))), 'my-cases')));
}
