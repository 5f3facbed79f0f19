// 系统管理, the reference data: each item's promised limit and materials, department names, the bot's FAQ.
// None of these saves draws the page again: the admin may be editing the next row.
import { act } from '../actions.js';
import { el, field, table } from '../lib/dom.js';
import { pipeLines } from '../lib/format.js';

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
