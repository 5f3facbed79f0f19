// 系统管理, the reference data: holidays, each item's promised limit and materials, department names, the bot's FAQ.
// None of these saves draws the page again: the admin may be editing the next row.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, field, guarded, select, table } from '../lib/dom.js';
import { pipeLines } from '../lib/format.js';

export function calendarPanel() {
  const day = el('input', { id: 'holiday-date', type: 'date', 'aria-label': '日期' });
  const kind = select({ id: 'holiday-kind', 'aria-label': '调整为' }, [['Holiday', '放假'], ['MakeUpWorkday', '调休上班'], ['Normal', '恢复正常']]);
  const name = el('input', { id: 'holiday-name', placeholder: '节日名称', 'aria-label': '节日名称' });
  // The change replans running cases and tells their enterprises: the admin is told how many before saving.
  const save = () => guarded(async () => {
    if (!day.value) throw new Error('请选择日期');
    const impact = await api(`/api/staff/admin/calendar/${day.value}/impact`);
    const what = { Holiday: '设为放假', MakeUpWorkday: '设为调休上班', Normal: '恢复为正常日' }[kind.value];
    const effect = impact.runningCases > 0
      ? `将重新计算${impact.runningCases}个在办案件的承诺办结日期，调整情况记入案件日志并通知企业。`
      : '目前没有在办案件的期限跨过这一天，不会调整任何案件。';
    if (!confirm(`将${day.value}${what}。${effect}确定保存吗？`)) return;
    await act(`/api/staff/admin/calendar/${day.value}`, {
      method: 'PUT', body: { kind: kind.value, name: name.value }, after: null,
      done: (saved) => (saved.casesReplanned > 0 ? `已保存，${saved.casesReplanned}个在办案件的承诺办结日期已按新日历调整` : '已保存'),
    });
  });
  return el('section', { className: 'panel' }, el('h2', {}, '节假日'),
    el('p', { className: 'muted' }, '按国务院办公厅通知调整；在办事项的承诺办结日期随即按新日历重新计算，调整情况记入案件日志并告知企业。'),
    day, ' ', kind, ' ', name, ' ', el('button', { id: 'holiday-save', onclick: save }, '保存'));
}

// How a material's kind is typed in the list: [core, deferrable].
const KIND = { 核心: [true, false], 容缺: [false, true], 一般: [false, false] };

export function catalogPanel(catalog) {
  const items = catalog.flatMap((stage) => stage.items);
  return el('section', { className: 'panel' }, el('h2', {}, '审批事项承诺时限与材料'),
    table(['编码', '事项', '部门', '承诺时限（工作日）', '材料'], items.map(itemRow), 'catalog'));
}

function itemRow(i) {
  const days = el('input', {
    type: 'number', min: 0, max: 365, value: i.promisedDays ?? '', size: 4, 'aria-label': `${i.name}承诺时限（工作日）`,
  });
  const lines = el('textarea', {
    className: 'materials', rows: Math.max(3, i.materials.length), 'aria-label': `${i.name}材料清单`,
  },
    i.materials.map((m) => `${m.name}|${m.core ? '核心' : m.deferrable ? '容缺' : '一般'}`).join('\n'));
  const save = (body, done) => act(`/api/staff/admin/catalog/${i.code}`, { method: 'PUT', body, done, after: null });
  const saveDays = () => save({ promisedDays: Number(days.value) }, '已更新，咨询机器人同步使用新时限');
  const saveMaterials = () => save({
    materials: pipeLines(lines.value).map(([name, kind]) => {
      const [core, deferrable] = KIND[kind] || KIND['一般'];
      return { name, core, deferrable };
    }),
  }, '材料清单已更新');
  return el('tr', { 'data-item': i.code }, el('td', {}, i.code), el('td', {}, i.name), el('td', {}, i.department),
    el('td', {}, days, ' ', el('button', { className: 'secondary', onclick: saveDays }, '保存')),
    el('td', {}, el('details', {}, el('summary', {}, `${i.materials.length}项`),
      el('p', { className: 'muted' }, '每行一项：名称|核心/容缺/一般'), lines,
      el('button', { className: 'secondary', onclick: saveMaterials }, '保存材料'))));
}

export function departmentsPanel() {
  const code = el('input', { id: 'department-code', placeholder: '如 ZJJ', size: 8 });
  const name = el('input', { id: 'department-name', size: 30 });
  const rename = () => act(`/api/staff/admin/departments/${encodeURIComponent(code.value)}`,
    { method: 'PUT', body: { name: name.value }, done: '部门名称已更新', after: null });
  return el('section', { className: 'panel' }, el('h2', {}, '部门'), field('部门编码', code), ' ', field('新名称', name), ' ',
    el('button', { className: 'secondary', onclick: rename }, '更名'));
}

export function faqPanel(faq) {
  return el('section', { className: 'panel' }, el('h2', {}, '咨询机器人常见问题'),
    table(['问题', '答案', ''], faq.map((q) => {
      const answer = el('textarea', { 'aria-label': `“${q.question}”的答案` }, q.answer);
      const save = () => act(`/api/staff/faq/${q.key}`,
        { method: 'PUT', body: { answer: answer.value }, done: '已更新，知识库已重建', after: null });
      return el('tr', { 'data-faq': q.key }, el('td', {}, q.question), el('td', {}, answer),
        el('td', {}, el('button', { className: 'secondary', onclick: save }, '保存')));
    }), 'faq'));
}
