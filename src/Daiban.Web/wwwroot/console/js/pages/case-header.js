// The case header on every page that shows a case (workbench, read-only case, dispatch): whose case it is, who
// works it, where it stands, the next due date with the working days left, and what the case waits for, worded by
// the server for the reader ("待您登记", "待企业确认方案"). The phone comes masked unless the reader works the case.
import { el } from '../lib/dom.js';
import { caseTitle, dueIn } from '../lib/format.js';

/** The header's facts as a definition list; `c` is the case as GET /api/staff/cases/{id} answers it. */
export function caseFacts(c) {
  const h = c.header;
  const fact = (label, value, id) => [el('dt', {}, label), el('dd', { id }, value)];
  const contact = [h.contactName || '—', h.contactPhone ? `（${h.contactPhone}）` : ''].join('');
  return el('dl', { className: 'facts' },
    fact('企业', h.enterpriseName, 'case-enterprise'),
    fact('项目', h.projectName, 'case-project'),
    fact('联系人', contact, 'case-contact'),
    fact('代办员', c.agentName || '尚未指派', 'case-agent'),
    fact('服务方式', c.modeName),
    fact('状态', c.statusName, 'case-status'),
    fact('最近到期', h.nextDueOn ? `${h.nextDueOn}（${dueIn(h.workingDaysLeft)}）` : '—', 'case-due'),
    fact('下一步', el('strong', {}, h.nextStep), 'next-step'),
    h.request ? fact('企业申请', h.request, 'case-request') : null);
}

/** The header panel: the title (number · mode · status), the facts, and whatever the page adds below them. */
export function caseHeader(c, ...below) {
  return el('section', { className: 'panel case-header', id: 'case-header' },
    el('h2', { id: 'case-title' }, caseTitle(c)), caseFacts(c), below);
}

/** An item's department as its cell reads: the name (系统管理's), the code under it in small grey text. */
export function departmentCell(item) {
  return [item.departmentName, el('div', { className: 'muted' }, item.departmentCode)];
}

/** A department code of this case (a material forwarded to it) by its name, from the case's items; '—' for none. */
export function departmentNameIn(c, code) {
  if (!code) return '—';
  return c.items.find((i) => i.departmentCode === code)?.departmentName || code;
}
