// 逾期看板: every running item past its due date (the case number opens the case read-only), and the monthly export.
import { exportButton } from '../actions.js';
import { apiPage } from '../lib/api.js';
import { el, table, tag } from '../lib/dom.js';
import { chinaMonth, pageCount, workingDays } from '../lib/format.js';

export async function overduePage(view) {
  const { rows, total } = await apiPage('/api/staff/supervision/overdue');
  const month = chinaMonth();
  view.append(el('p', {},
    exportButton(`/api/staff/exports/monthly?month=${month}`, `月度统计-${month}.xlsx`, `导出${month}月度统计`)));
  view.append(el('section', { className: 'panel' }, el('h2', {}, `逾期事项（${pageCount(rows.length, total)}）`),
    table(['逾期', '案件', '事项', '部门', '代办员', '应办结'], rows.map((r) => el('tr', {},
      el('td', {}, tag(workingDays(r.workingDaysOverdue), true)),
      el('td', {}, el('a', { href: `#case/${r.caseId}`, className: 'open-case' }, r.caseNumber)),
      el('td', {}, r.itemName),
      el('td', {}, r.departmentName), el('td', {}, r.agentName || '—'), el('td', {}, r.dueOn))), 'overdue')));
}
