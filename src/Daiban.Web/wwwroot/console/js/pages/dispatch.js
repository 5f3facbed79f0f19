// 派件 (the window): contacts to confirm, online applications to register or close, registered cases to assign with
// the routing suggestion, chat hand-offs nobody has taken yet.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, guarded, table, tag } from '../lib/dom.js';
import { channelName, dateTime, workingDays } from '../lib/format.js';
import { caseFacts } from './case-header.js';
import { whoseCell } from './cases.js';
import { pendingContactsPanel } from './contacts.js';
import { walkInPanel } from './walk-in.js';

export async function dispatchPage(view) {
  const [submitted, registered, handoffs, contacts] = await Promise.all([
    api('/api/staff/cases?status=Submitted'),
    api('/api/staff/cases?status=Registered'),
    api('/api/staff/consultations?status=HandedOff'),
    api('/api/staff/contacts/pending'),
  ]);
  view.append(walkInPanel());
  view.append(pendingContactsPanel(contacts));
  // The limit is the server's configured rule (ServiceRules), carried by each waiting application.
  const limit = submitted[0]?.waiting?.limitWorkingDays;
  view.append(el('section', { className: 'panel' }, el('h2', {}, `待登记的网上申请（${submitted.length}）`),
    el('p', { className: 'muted' }, limit ? `网上申请应在${workingDays(limit)}内登记；` : '', '等待最久的在最上面。'),
    table(['案件编号', '企业 / 项目 · 联系人', '服务方式', '提交时间', ''], submitted.map((c) => el('tr', {
      'data-case': c.caseNumber,
    }, el('td', {}, c.caseNumber), whoseCell(c), el('td', {}, c.modeName),
      el('td', {}, dateTime(c.submittedAt), ' ', waited(c)),
      el('td', {}, detailsButton(c), ' ', el('button', {
        className: 'register', onclick: () => act(`/api/staff/cases/${c.id}/register`, { done: `${c.caseNumber} 已登记` }),
      }, '登记'), ' ', closeBox(c)))), 'submitted')));

  view.append(el('section', { className: 'panel' }, el('h2', {}, `待指派（${registered.length}）`),
    el('p', { className: 'muted' }, '等待最久的在最上面。'),
    table(['案件编号', '企业 / 项目 · 联系人', '服务方式', '已等待', '指派'], registered.map((c) => el('tr', {
      'data-case': c.caseNumber,
    }, el('td', {}, c.caseNumber), whoseCell(c), el('td', {}, c.modeName), el('td', {}, waited(c)),
      el('td', {}, detailsButton(c), assignBox(c), closeBox(c)))),
    'registered')));

  const waiting = handoffs.filter((h) => !h.agentId);
  view.append(el('section', { className: 'panel' }, el('h2', {}, `咨询转人工待分配（${waiting.length}）`),
    table(['原因', '渠道', '最后留言'], waiting.map((h) => el('tr', {}, el('td', {}, h.handoffReason || ''),
      el('td', {}, channelName(h.channel)), el('td', {}, dateTime(h.lastUserMessageAt)))))));
}

/** How long the case has waited at the window, in working days; red once registration is late. */
function waited(c) {
  if (!c.waiting) return '';
  const text = c.waiting.workingDays === 0 ? '今天到达' : `已等待${workingDays(c.waiting.workingDays)}`;
  return el('span', { className: 'waited' }, tag(text, c.waiting.late));
}

/**
 * 详情 opens the case header under the row: the enterprise's own request (想办哪些事项), the contact's phone and what
 * the case waits for; a second click closes it.
 */
function detailsButton(c) {
  return el('button', { className: 'secondary details', 'aria-expanded': 'false', onclick: (e) => guarded(async () => {
    const button = e.currentTarget;
    const row = button.closest('tr');
    const open = row.nextElementSibling?.classList.contains('case-details');
    if (open) {
      row.nextElementSibling.remove();
    } else {
      const full = await api(`/api/staff/cases/${c.id}`);
      row.after(el('tr', { className: 'case-details' },
        el('td', { colspan: row.children.length }, caseFacts(full))));
    }
    button.setAttribute('aria-expanded', String(!open));
  }) }, '详情');
}

/** Ends an application early, with the reason the enterprise will read: not accepted, or withdrawn at its request. */
function closeBox(c) {
  const reason = el('input', {
    className: 'close-reason', placeholder: '不予受理或撤回原因', 'aria-label': `${c.caseNumber}不予受理或撤回的原因`, maxlength: 500,
  });
  // Either ends the case for good and tells the enterprise why: asked first, once there is a reason to send (a
  // missing one is the server's field error).
  const close = (path, done, question) => {
    const why = reason.value.trim();
    if (why && !confirm(`${question}\n企业将收到通知：“${why}”。案件随即结束，此操作不能撤销。`)) return;
    act(`/api/staff/cases/${c.id}/${path}`, { body: { reason: reason.value }, done: `${c.caseNumber} ${done}` });
  };
  return el('div', { className: 'close-box' }, reason, ' ',
    el('button', {
      className: 'secondary reject',
      onclick: () => close('rejection', '不予受理', `确定对${c.enterpriseName}的申请${c.caseNumber}不予受理吗？`),
    }, '不予受理'), ' ',
    el('button', {
      className: 'secondary withdraw',
      onclick: () => close('withdrawal', '已登记撤回', `确定登记${c.enterpriseName}撤回申请${c.caseNumber}吗？`),
    }, '企业撤回'));
}

const assigned = (answer) => `已指派给${answer.agentName}`;

/** The routing suggestion with its reasons; the clerk accepts it, or picks another agent and says why. */
function assignBox(c) {
  const box = el('div', { className: 'assign' });
  const suggest = el('button', { className: 'secondary suggest', onclick: () => guarded(async () => {
    const routing = await api(`/api/staff/cases/${c.id}/routing`);
    box.replaceChildren(
      el('div', { className: 'explain' }, el('strong', {}, `建议：${routing.agentName}`),
        el('div', {}, routing.explanation)),
      el('button', {
        className: 'accept', onclick: () => act(`/api/staff/cases/${c.id}/assignment`, { body: {}, done: assigned }),
      }, `指派给${routing.agentName}`),
      ' ',
      overrideForm(c, routing.ranking));
  }) }, '查看建议');
  box.append(suggest);
  return box;
}

function overrideForm(c, ranking) {
  const select = el('select', { className: 'agent', 'aria-label': `${c.caseNumber}改派给` },
    ranking.map((r) => el('option', { value: r.agentId }, `${r.name}（负荷${r.openLoad}）`)));
  const reason = el('input', {
    className: 'reason', placeholder: '改派理由（必填）', 'aria-label': `${c.caseNumber}改派理由`, maxlength: 500,
  });
  const override = () => act(`/api/staff/cases/${c.id}/assignment`,
    { body: { agentId: Number(select.value), reason: reason.value }, done: assigned });
  return el('span', {}, select, ' ', reason, ' ',
    el('button', { className: 'secondary override', onclick: override }, '改派'));
}
