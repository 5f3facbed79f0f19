// 逾期看板: every running item past its due date (the case number opens the case read-only), 督办 of the case's
// agent from its row, and the monthly export.
import { act, exportButton } from '../actions.js';
import { apiPage } from '../lib/api.js';
import { el, table, tag } from '../lib/dom.js';
import { chinaMonth, pageCount, workingDays } from '../lib/format.js';

export async function overduePage(view) {
  const { rows, total } = await apiPage('/api/staff/supervision/overdue');
  const month = chinaMonth();
  view.append(el('p', {},
    exportButton(`/api/staff/exports/monthly?month=${month}`, `月度统计-${month}.xlsx`, `导出${month}月度统计`)));
  view.append(el('section', { className: 'panel' }, el('h2', {}, `逾期事项（${pageCount(rows.length, total)}）`),
    table(['逾期', '案件', '事项', '部门', '代办员', '应办结', '督办'], rows.map((r) => el('tr',
      { 'data-case': r.caseNumber },
      el('td', {}, tag(workingDays(r.workingDaysOverdue), true)),
      el('td', {}, el('a', { href: `#case/${r.caseId}`, className: 'open-case' }, r.caseNumber)),
      el('td', {}, r.itemName),
      el('td', {}, r.departmentName), el('td', {}, r.agentName || '—'), el('td', {}, r.dueOn),
      el('td', { className: 'supervise' }, r.agentName ? superviseBox(r) : '—'))), 'overdue')));
}

/**
 * 督办: a message to the case's agent (told at once, kept in the case's log for staff only). The box opens with a
 * message naming the item and how late it is, for the sender to adjust.
 */
function superviseBox(r) {
  const cell = el('span');
  const open = () => {
    const message = el('input', {
      className: 'supervise-message', 'aria-label': `督办${r.agentName}的内容`, maxlength: 500, size: 30,
      value: `“${r.itemName}”已逾期${workingDays(r.workingDaysOverdue)}，请尽快办理并在代办日志中说明进展`,
    });
    const send = () => act(`/api/staff/cases/${r.caseId}/supervision`, {
      body: { message: message.value }, done: `已督办${r.agentName}`,
      after: () => cell.replaceChildren(tag('已督办')),
    });
    cell.replaceChildren(message, ' ', el('button', { className: 'send-supervision', onclick: send }, '发送'));
    message.focus();
  };
  cell.append(el('button', { className: 'secondary open-supervision', onclick: open }, '督办'));
  return cell;
}
