// 项目信息采集表 (附件1): every field of the project, filled in or corrected with the enterprise (五.2). Shared by the
// agent's workbench and the read-only case (where the window may still edit it).
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, select } from '../lib/dom.js';
import { dateTime } from '../lib/format.js';

// [key, label, kind]: kind is an input type, or the choices of a select as { value: label }.
const FIELDS = [
  ['name', '项目名称'], ['projectCode', '项目代码'], ['location', '建设地点'],
  ['investmentType', '投资类型', { Social: '社会投资', Government: '政府投资' }],
  ['kind', '项目类别', { Industrial: '工业', Civil: '民用', SimpleLowRisk: '简易低风险', Linear: '线性工程' }],
  ['totalInvestmentWanYuan', '总投资（万元）', 'number'], ['landAreaSquareMeters', '用地面积（平方米）', 'number'],
  ['floorAreaSquareMeters', '建筑面积（平方米）', 'number'], ['buildingHeightMeters', '建筑高度（米）', 'number'],
  ['constructionContent', '建设内容'], ['plannedStart', '计划开工时间', 'date'],
  ['currentStage', '目前所处阶段', { '': '—', 1: '立项用地规划许可', 2: '工程建设许可', 3: '施工许可', 4: '竣工验收' }],
  ['landSupply', '供地方式', {
    Unknown: '未明确', Transfer: '出让', Allocation: '划拨', TransferWithScheme: '带方案出让', Existing: '既有用地',
  }],
  ['approvalsObtained', '已办理手续'], ['contactName', '项目联系人'], ['contactPhone', '联系电话'], ['notes', '备注'],
];

/**
 * The form's fields as a table of labelled inputs, filled from `project`; `read()` answers the values as the API
 * takes them (empty as null, numbers as numbers). Shared with the window's walk-in registration.
 */
export function projectForm(project, editable) {
  const inputs = {};
  const rows = FIELDS.map(([key, label, kind]) => {
    const value = project[key] ?? '';
    const attrs = { disabled: !editable, 'aria-label': label, 'data-key': key };
    const input = typeof kind === 'object'
      ? select(attrs, Object.entries(kind), value)
      : el('input', { ...attrs, type: kind || 'text', value, size: 40 });
    inputs[key] = input;
    return el('tr', { 'data-field': key }, el('th', {}, label), el('td', {}, input));
  });
  const read = () => Object.fromEntries(FIELDS.map(([key, , kind]) => {
    const v = inputs[key].value.trim();
    if (v === '') return [key, null];
    return [key, kind === 'number' || key === 'currentStage' ? Number(v) : v];
  }));
  return { table: el('table', {}, el('tbody', {}, rows)), read };
}

export async function collectionFormPanel(caseId, editable) {
  const url = `/api/staff/cases/${caseId}/collection-form`;
  const form = await api(url);
  const { table, read } = projectForm(form.project, editable);
  return el('section', { className: 'panel', id: 'collection-form' }, el('h2', {}, '项目信息采集表'),
    el('p', { className: 'muted' }, form.collectedBy
      ? `采集人：${form.collectedBy}，${dateTime(form.collectedAt)}`
      : '尚未与企业核实填写（以下为企业申请时所填）'),
    table,
    editable ? el('button', {
      id: 'save-collection-form', onclick: () => act(url, { method: 'PUT', body: read(), done: '采集表已保存' }),
    }, '保存采集表') : '');
}
