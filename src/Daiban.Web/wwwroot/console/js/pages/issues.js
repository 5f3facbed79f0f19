// 联审与台账: the difficult-issue ledger (a liaison sees and updates its department's; attachment 3 for the window) and
// the joint review meetings (the window convenes them and records their minutes).
import { act, exportButton } from '../actions.js';
import { api } from '../lib/api.js';
import { el, field, table, tag } from '../lib/dom.js';
import { dateTime, fromChinaLocal } from '../lib/format.js';
import { hasRole } from '../lib/session.js';

export async function issuesPage(view) {
  const atWindow = hasRole('WindowClerk', 'Admin');
  const [issues, meetings, departments] = await Promise.all([
    api('/api/staff/issues'), api('/api/staff/meetings'), api('/api/catalog/departments'),
  ]);
  const names = new Map(departments.map((d) => [d.code, d.name]));
  view.append(el('section', { className: 'panel' }, el('h2', {}, `难点问题工作台账（${issues.length}）`),
    atWindow ? el('p', {}, exportButton('/api/staff/exports/issues', '难点问题工作台账.xlsx', '导出附件3')) : null,
    table(['问题', '责任部门', '期限', '状态', '进展', '更新'], issues.map((i) => {
      const text = el('input', {
        className: 'issue-text', placeholder: '进展或解决情况', 'aria-label': `“${i.description}”的进展或解决情况`,
      });
      const update = (path, done) => act(`/api/staff/issues/${i.id}/${path}`, { body: { text: text.value }, done });
      return el('tr', { 'data-issue': i.id }, el('td', {}, i.description),
        el('td', {}, names.get(i.responsibleDepartment) || i.responsibleDepartment),
        el('td', {}, tag(i.deadline, i.overdue)),
        el('td', { className: 'issue-status' }, i.statusName),
        el('td', {}, i.resolution || i.progress || ''),
        el('td', {}, i.status === 'Resolved' ? '' : [text, ' ',
          el('button', { className: 'secondary', onclick: () => update('progress', '进展已报告') }, '报告进展'), ' ',
          el('button', { className: 'secondary', onclick: () => update('resolve', '已办结') }, '办结')]));
    }), 'issues')));

  view.append(el('section', { className: 'panel' }, el('h2', {}, `联审联办会议（${meetings.length}）`),
    atWindow ? conveneForm(departments) : null,
    table(['会议', '时间', '地点', '议题', '纪要'], meetings.map((m) => el('tr', {}, el('td', {}, m.title),
      el('td', {}, dateTime(m.scheduledAt)), el('td', {}, m.location || ''), el('td', {}, m.agenda),
      el('td', {}, m.minutes || (atWindow ? minutesForm(m) : '—')))), 'meetings')));
}

function conveneForm(departmentList) {
  const title = el('input', { id: 'meeting-title' });
  const at = el('input', { id: 'meeting-at', type: 'datetime-local' });
  const place = el('input', { id: 'meeting-location' });
  // Departments are ticked by name; the codes are what the server keeps.
  const boxes = departmentList.map((d) => el('input', { type: 'checkbox', value: d.code, name: 'meeting-department' }));
  const departments = el('fieldset', { id: 'meeting-departments', className: 'choices' }, el('legend', {}, '参会部门'),
    departmentList.map((d, n) => el('label', { className: 'inline' }, boxes[n], ' ', d.name)));
  const agenda = el('textarea', { id: 'meeting-agenda', 'aria-label': '议题', placeholder: '议题' });
  const convene = () => act('/api/staff/meetings', {
    body: {
      title: title.value, scheduledAt: fromChinaLocal(at.value), location: place.value,
      departmentCodes: boxes.filter((b) => b.checked).map((b) => b.value), caseIds: [], agenda: agenda.value,
    },
    done: '会议已召集',
  });
  return el('div', {}, field('会议名称', title), ' ', field('时间', at), ' ', field('地点', place), ' ',
    departments, agenda,
    el('button', { id: 'convene', onclick: convene }, '召集会议'));
}

function minutesForm(m) {
  const minutes = el('textarea', { placeholder: '会议纪要', 'aria-label': `${m.title}会议纪要` });
  const decisions = el('input', { placeholder: '议定事项', 'aria-label': `${m.title}议定事项` });
  const record = () => act(`/api/staff/meetings/${m.id}/minutes`,
    { body: { minutes: minutes.value, decisions: decisions.value }, done: '纪要已记录' });
  return el('div', {}, minutes, decisions, ' ', el('button', { className: 'secondary', onclick: record }, '记录纪要'));
}
