// A case as the window and supervision read it (督办, callbacks): everything the agent recorded, nothing to change
// (but the window may complete the 项目信息采集表). Reached as #case/<id> from the overdue board and the dashboard.
import { DELIVERED_STATUSES, printArchiveButton, printSlipButton } from '../actions.js';
import { api } from '../lib/api.js';
import { el, table } from '../lib/dom.js';
import { dateTime, parcelDirection, reviewName } from '../lib/format.js';
import { hasRole } from '../lib/session.js';
import { caseHeader, departmentCell, departmentNameIn } from './case-header.js';
import { collectionFormPanel } from './collection-form.js';

export async function caseReadPage(view, id) {
  if (!id) { location.hash = ''; return; }
  const url = `/api/staff/cases/${id}`;
  const [c, log, materials, parcels] = await Promise.all([
    api(url), api(`${url}/log`), api(`${url}/materials`), api(`${url}/parcels`),
  ]);
  view.append(caseHeader(c, el('p', {}, printSlipButton(c, DELIVERED_STATUSES), ' ', printArchiveButton(c)),
    table(['事项', '部门', '状态', '受理', '承诺办结', '批准文号'], c.items.map((i) => el('tr', { 'data-item': i.code },
      el('td', {}, i.name), el('td', {}, departmentCell(i)), el('td', {}, i.statusName),
      el('td', {}, i.acceptedOn || '—'),
      el('td', {}, i.dueOn || '—'), el('td', {}, i.resultDocumentNo || '—'))), 'items')));
  view.append(await collectionFormPanel(id, hasRole('WindowClerk', 'Admin')));
  view.append(el('section', { className: 'panel' }, el('h2', {}, '材料登记'),
    table(['材料', '审查', '转交', '原件退还'], materials.map((m) => el('tr', {}, el('td', {}, m.name),
      el('td', {}, reviewName(m.review)), el('td', {}, departmentNameIn(c, m.forwardedToDepartment)),
      el('td', {}, m.originalReturnedAt ? dateTime(m.originalReturnedAt) : '—'))), 'materials'),
    table(['方向', '邮寄材料', '快递', '收到'], parcels.map((p) => el('tr', {}, el('td', {}, parcelDirection(p.direction)),
      el('td', {}, p.contents), el('td', {}, `${p.carrier} ${p.trackingNumber}`),
      el('td', {}, p.receivedAt ? dateTime(p.receivedAt) : '—'))), 'parcels')));
  view.append(el('section', { className: 'panel' }, el('h2', {}, '代办日志'),
    table(['时间', '记录人', '内容'], log.map((l) => el('tr', {}, el('td', {}, dateTime(l.at)), el('td', {}, l.actorName),
      el('td', { className: 'log-text' }, l.content))), 'log')));
}
