// 系统管理, the reference data: each item's promised limit and materials, department names, the bot's FAQ.
// None of these saves draws the page again: the admin may be editing the next row.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, field, select, table } from '../lib/dom.js';
import { pipeLines, STAGES } from '../lib/format.js';

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

export async function departmentsPanel() {
  const departments = await api('/api/catalog/departments');
  const code = select({ id: 'department-code' }, departments.map((d) => [d.code, `${d.name}（${d.code}）`]));
  const name = el('input', { id: 'department-name', size: 30, value: departments[0]?.name || '' });
  code.onchange = () => { name.value = departments.find((d) => d.code === code.value)?.name || ''; };
  const rename = () => act(`/api/staff/admin/departments/${encodeURIComponent(code.value)}`,
    { method: 'PUT', body: { name: name.value }, done: '部门名称已更新' });
  return el('section', { className: 'panel' }, el('h2', {}, `部门（${departments.length}）`),
    field('部门', code), ' ', field('新名称', name), ' ',
    el('button', { className: 'secondary', onclick: rename }, '更名'));
}

/** The FAQ's topics as people read them; the four stages by their names. */
const FAQ_TOPICS = [
  ['service', '代办服务'], ['process', '办理流程'], ['mechanism', '工作机制'], ['apply', '申请代办'],
  ...STAGES.map(([n, stage]) => [`stage${n}`, stage]),
  ['category', '项目类别'], ['validity', '有效期'], ['evaluation', '服务评价'],
];

export function faqPanel(faq) {
  return el('section', { className: 'panel', id: 'faq-panel' }, el('h2', {}, '咨询机器人常见问题'), faqForm(),
    el('h3', {}, `已有问题（${faq.length}）`),
    table(['问题', '答案', ''], faq.map((q) => {
      const answer = el('textarea', { 'aria-label': `“${q.question}”的答案` }, q.answer);
      const save = () => act(`/api/staff/faq/${q.key}`,
        { method: 'PUT', body: { answer: answer.value }, done: '已更新，知识库已重建', after: null });
      return el('tr', { 'data-faq': q.key }, el('td', {}, q.question), el('td', {}, answer),
        el('td', {}, el('button', { className: 'secondary', onclick: save }, '保存')));
    }), 'faq'));
}

/** A new question: the bot answers it from the next question on (the list is drawn again with it). */
function faqForm() {
  const f = {
    question: el('input', { id: 'faq-question', size: 40, maxlength: 200 }),
    topic: select({ id: 'faq-topic' }, FAQ_TOPICS, 'service'),
    alternates: el('textarea', { id: 'faq-alternates', rows: 2, placeholder: '每行一种问法，可不填' }),
    answer: el('textarea', { id: 'faq-answer', rows: 3, maxlength: 2000 }),
    source: el('input', { id: 'faq-source', size: 40, placeholder: '如 政策文件名称，可不填' }),
  };
  const create = () => act('/api/staff/faq', {
    body: {
      question: f.question.value, topic: f.topic.value, answer: f.answer.value, source: f.source.value || null,
      alternates: f.alternates.value.split('\n').map((l) => l.trim()).filter(Boolean),
    },
    done: (q) => `已新增“${q.question}”，咨询机器人即可回答`,
  });
  return el('div', { className: 'faq-new' }, el('h3', {}, '新增问题'),
    el('p', {}, field('问题', f.question), ' ', field('分类', f.topic)),
    field('相似问法', f.alternates), field('答案', f.answer), el('p', {}, field('出处', f.source)),
    el('button', { id: 'faq-create', onclick: create }, '新增问题'));
}
