// The agent's case workbench (#cases/<id>): the steps that move the whole case and its delivery, the 项目信息采集表,
// the 服务方案 and 代办计划, each approval item, 形式审查 of materials, the free two-way mailing and the 代办日志.
import { act, exportButton } from '../actions.js';
import { api } from '../lib/api.js';
import { el, table } from '../lib/dom.js';
import { chinaToday, dateTime, parcelDirection, pipeLines, reviewName } from '../lib/format.js';
import { caseHeader } from './case-header.js';
import { collectionFormPanel } from './collection-form.js';

export async function caseWorkbench(view, id) {
  const url = `/api/staff/cases/${id}`;
  const [c, log, checklist, materials, parcels] = await Promise.all([
    api(url), api(`${url}/log`), api(`${url}/checklist`), api(`${url}/materials`), api(`${url}/parcels`),
  ]);
  // Every change here is a POST under the case's address.
  const onCase = (path, body, done) => act(url + path, { body, done });
  view.append(statusPanel(c, url, onCase));
  view.append(await collectionFormPanel(id, true));
  view.append(planPanel(onCase));
  view.append(itemsPanel(c, onCase));
  view.append(materialsPanel(c, checklist, materials, onCase));
  view.append(parcelsPanel(parcels, onCase));
  view.append(logPanel(log, onCase));
}

/** Status and the steps that move the whole case: start, results ready, archive, delivery; attachments 1–2. */
function statusPanel(c, url, onCase) {
  const documents = el('input', { id: 'delivery-documents', placeholder: '送达的证照和文件' });
  const carrier = el('input', { id: 'delivery-carrier', placeholder: '承运（如 中国邮政EMS）' });
  const tracking = el('input', { id: 'delivery-tracking', placeholder: '运单号' });
  const signedBy = el('input', { id: 'delivery-signed-by', placeholder: '当面签收人' });
  const mail = () => onCase('/delivery/mail',
    { documents: documents.value, carrier: carrier.value, trackingNumber: tracking.value }, '已邮寄，待企业签收');
  const inPerson = () =>
    onCase('/delivery/in-person', { documents: documents.value, signedBy: signedBy.value }, '已当面送达');
  return caseHeader(c,
    el('p', {},
      el('button', { id: 'start', onclick: () => onCase('/start', undefined, '已开始办理') }, '开始办理'), ' ',
      el('button', {
        className: 'secondary', id: 'results-ready', onclick: () => onCase('/results-ready', undefined, '已标记全部办结'),
      }, '全部办结，待送达'), ' ',
      el('button', { className: 'secondary', id: 'archive', onclick: () => onCase('/archive', undefined, '已归档') },
        '整理归档'), ' ',
      exportButton(`${url}/exports/collection-form`, `${c.caseNumber}-项目信息采集表.xlsx`, '附件1 采集表'), ' ',
      exportButton(`${url}/exports/log`, `${c.caseNumber}-代办日志.xlsx`, '附件2 日志')),
    el('p', {}, '送达：', documents, ' ', carrier, ' ', tracking, ' ',
      el('button', { className: 'secondary', onclick: mail }, '邮寄送达'), ' ',
      signedBy, ' ', el('button', { className: 'secondary', onclick: inPerson }, '当面送达')));
}

/** The service plan (包办: nothing proceeds before the enterprise agrees). */
function planPanel(onCase) {
  const summary = el('textarea', { id: 'plan-summary', placeholder: '服务方案概述' });
  const steps = el('textarea', {
    id: 'plan-steps', placeholder: '代办计划，每行一步：内容|事项编码|目标日期（如 报送联合审图|S3-01|2026-03-10）',
  });
  const propose = () => onCase('/plan', {
    summary: summary.value,
    steps: pipeLines(steps.value).map(([description, itemCode, targetDate], i) =>
      ({ order: i + 1, description, itemCode: itemCode || null, targetDate: targetDate || null })),
  }, '方案已提交企业确认');
  return el('section', { className: 'panel' }, el('h2', {}, '服务方案与代办计划'), summary, steps,
    el('button', { id: 'propose-plan', onclick: propose }, '提交方案'));
}

/** Each item with its department and due date, and what can be done with it. */
function itemsPanel(c, onCase) {
  const today = chinaToday();
  return el('section', { className: 'panel' }, el('h2', {}, '办理事项'),
    table(['事项', '部门', '状态', '到期', '办理'], c.items.map((i) => {
      const input = el('input', { className: 'item-input', placeholder: '批文号 / 说明' });
      const go = (action, done) => onCase(`/items/${i.code}/${action}`,
        { on: today, resultDocumentNo: input.value, note: input.value, reference: input.value || null }, done);
      const button = (className, action, label, done) =>
        el('button', { className, onclick: () => go(action, `${i.name}${done}`) }, label);
      return el('tr', { 'data-item': i.code }, el('td', {}, i.name), el('td', {}, i.departmentCode),
        el('td', { className: 'item-status' }, i.statusName), el('td', { className: 'item-due' }, i.dueOn || '—'),
        el('td', {}, input, ' ', button('secondary submit-item', 'submit', '报送受理', '已报送'), ' ',
          button('secondary', 'supplement', '补正', '补正中'), ' ',
          button('secondary approve-item', 'approve', '批准', '已批准'), ' ',
          button('secondary', 'refuse', '不予批准', '不予批准')));
    }), 'items'));
}

/** 形式审查: the catalogue's checklist, the register, and one notice of everything missing. */
function materialsPanel(c, checklist, materials, onCase) {
  const missing = checklist.flatMap((i) => i.missingCore);
  const materialName = el('input', { id: 'material-name', placeholder: '材料名称', list: 'material-options' });
  const materialItem = el('select', { id: 'material-item' }, el('option', { value: '' }, '（不限事项）'),
    c.items.map((i) => el('option', { value: i.code }, i.name)));
  const receive = () => onCase('/materials',
    { name: materialName.value, itemCode: materialItem.value || null, copies: 1, isOriginal: false }, '材料已登记');
  const departmentOf = (m) =>
    c.items.find((i) => i.code === m.itemCode)?.departmentCode || c.items[0]?.departmentCode;
  return el('section', { className: 'panel' }, el('h2', {}, '材料与形式审查'),
    el('datalist', { id: 'material-options' },
      checklist.flatMap((i) => i.lines.map((l) => el('option', { value: l.material })))),
    table(['事项', '材料', '要求', '已收', '审查'], checklist.flatMap((i) => i.lines.map((l) => el('tr', {},
      el('td', {}, i.itemName), el('td', {}, l.material), el('td', {}, l.isCore ? '核心' : l.deferrable ? '可容缺' : '一般'),
      el('td', {}, l.received ? '✓' : '—'), el('td', {}, reviewName(l.review))))), 'checklist'),
    el('p', {}, materialName, ' ', materialItem, ' ',
      el('button', { id: 'receive-material', onclick: receive }, '登记收到'), ' ',
      el('button', {
        className: 'secondary', id: 'request-missing', disabled: missing.length === 0,
        onclick: () => onCase('/materials-request', { missing }, `已一次性告知企业补充${missing.length}项材料`),
      }, `一次性告知缺少的${missing.length}项核心材料`), ' ',
      el('button', {
        className: 'secondary', onclick: () => onCase('/materials-received', undefined, '材料已补齐，恢复办理'),
      }, '材料已补齐')),
    table(['材料', '审查', '转交', ''], materials.map((m) => el('tr', {}, el('td', {}, m.name),
      el('td', {}, reviewName(m.review)), el('td', {}, m.forwardedToDepartment || '—'),
      el('td', {},
        el('button', {
          className: 'secondary', onclick: () => onCase(`/materials/${m.id}/review`, { result: 'Passed' }, '形式审查通过'),
        }, '通过'), ' ',
        el('button', {
          className: 'secondary',
          onclick: () => onCase(`/materials/${m.id}/review`, { result: 'NeedsCorrection', note: '请补正' }, '已标记需补正'),
        }, '需补正'), ' ',
        el('button', {
          className: 'secondary',
          onclick: () => onCase(`/materials/${m.id}/forward`, { departmentCode: departmentOf(m) }, '已转交部门'),
        }, '转交部门'))))));
}

/** 双向免费邮寄: materials the enterprise mailed in (confirm on arrival) and papers mailed back to it. */
function parcelsPanel(parcels, onCase) {
  const contents = el('input', { id: 'parcel-contents', placeholder: '寄回的材料（如 原件）' });
  const carrier = el('input', { id: 'parcel-carrier', placeholder: '快递公司' });
  const tracking = el('input', { id: 'parcel-tracking', placeholder: '运单号' });
  const mailBack = () => onCase('/parcels',
    { contents: contents.value, carrier: carrier.value, trackingNumber: tracking.value }, '已登记寄回，待企业签收');
  return el('section', { className: 'panel' }, el('h2', {}, '双向免费邮寄'),
    table(['方向', '材料', '快递', '寄出', '收到', ''], parcels.map((p) => el('tr', { 'data-parcel': p.trackingNumber },
      el('td', {}, parcelDirection(p.direction)), el('td', {}, p.contents),
      el('td', {}, `${p.carrier} ${p.trackingNumber}`), el('td', {}, dateTime(p.sentAt)),
      el('td', { className: 'parcel-received' }, p.receivedAt ? `${p.receivedBy} ${dateTime(p.receivedAt)}` : '—'),
      el('td', {}, p.direction === 'ToService' && !p.receivedAt
        ? el('button', {
          className: 'secondary confirm-parcel', onclick: () => onCase(`/parcels/${p.id}/received`, undefined, '已确认收到'),
        }, '确认收到')
        : ''))), 'parcels'),
    el('p', {}, contents, ' ', carrier, ' ', tracking, ' ',
      el('button', { id: 'mail-back', className: 'secondary', onclick: mailBack }, '登记寄回企业')));
}

function logPanel(log, onCase) {
  const content = el('textarea', { id: 'log-content', maxlength: 2000, placeholder: '办理情况、遇到的问题、下一步' });
  const milestone = el('input', { type: 'checkbox', id: 'log-milestone' });
  const record = (e) => {
    e.preventDefault();
    onCase('/logs', { content: content.value, milestone: milestone.checked, visibleToEnterprise: true }, '日志已记录');
  };
  return el('section', { className: 'panel' }, el('h2', {}, '代办日志'),
    el('form', { id: 'log-form', onsubmit: record },
      content, el('label', {}, milestone, ' 关键节点'), el('button', { type: 'submit' }, '记录')),
    table(['时间', '内容'], log.map((l) => el('tr', {}, el('td', {}, dateTime(l.at)),
      el('td', { className: 'log-text' }, l.content))), 'log'));
}
