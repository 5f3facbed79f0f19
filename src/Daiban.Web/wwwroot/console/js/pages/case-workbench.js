// The agent's case workbench (#cases/<id>): the case header, the steps that move the whole case and its delivery,
// the 项目信息采集表, the 服务方案 and 代办计划, each approval item, 形式审查 of materials, the free two-way mailing
// and the 代办日志. Which steps show is the server's answer (`allowed`, from Core's transition tables): the page
// never decides by itself what a state allows. A step redraws the workbench in place, keeping the scroll.
import { act, exportButton, printArchiveButton, printSlipButton } from '../actions.js';
import { api } from '../lib/api.js';
import { el, field, select, table } from '../lib/dom.js';
import { STAGES, chinaToday, dateTime, parcelDirection, reviewName } from '../lib/format.js';
import { caseHeader, departmentCell, departmentNameIn } from './case-header.js';
import { collectionFormPanel } from './collection-form.js';

const PAUSE_REASONS = [['ExpertReview', '专家评审'], ['Hearing', '听证'], ['Testing', '检验检测'], ['Publicity', '公示']];

export async function caseWorkbench(view, id) {
  const url = `/api/staff/cases/${id}`;
  const redraw = async () => {
    const [c, log, checklist, materials, parcels, form, departments, issues] = await Promise.all([
      api(url), api(`${url}/log`), api(`${url}/checklist`), api(`${url}/materials`), api(`${url}/parcels`),
      collectionFormPanel(id, true), api('/api/catalog/departments'), api('/api/staff/issues'),
    ]);
    // Every change here is a POST under the case's address, then this workbench again where the member was.
    const onCase = (path, body, done) => act(url + path, { body, done, after: () => keepingScroll(redraw) });
    const can = new Set(c.allowed.case);
    const scope = can.has('SettleScope') ? await scopePanel(onCase) : '';
    view.replaceChildren(
      statusPanel(c, url, can, onCase), scope, form, planPanel(c, can, onCase), itemsPanel(c, onCase),
      materialsPanel(c, can, checklist, materials, onCase), parcelsPanel(can, parcels, onCase),
      issuesPanel(c, can, departments, issues.filter((i) => i.caseId === c.id), () => keepingScroll(redraw)),
      logPanel(can, log, onCase));
  };
  await redraw();
}

/** Draws again and puts the page back where it was, instead of jumping to the top. */
async function keepingScroll(draw) {
  const y = window.scrollY;
  await draw();
  window.scrollTo(0, y);
}

/** The header with the steps that move the whole case, as the state allows them; attachments 1–2. */
function statusPanel(c, url, can, onCase) {
  const step = (name, id, label, run, className = 'secondary') =>
    can.has(name) ? [el('button', { id, className, onclick: run }, label), ' '] : [];
  const archive = () => {
    const until = c.header.evaluationOpenUntil;
    // Archiving closes the case: the enterprise could no longer evaluate it (四.3).
    if (until && !confirm(`企业的评价期至${until}尚未结束，现在归档后企业将不能再评价本次服务。确定现在归档吗？`)) return;
    onCase('/archive', undefined, '已归档');
  };
  return caseHeader(c,
    el('p', { className: 'steps' },
      step('Start', 'start', '开始办理', () => onCase('/start', undefined, '已开始办理'), ''),
      step('MaterialsReceived', 'materials-received', '材料已补齐，恢复办理',
        () => onCase('/materials-received', undefined, '材料已补齐，恢复办理'), ''),
      step('ResultsReady', 'results-ready', '全部办结，待送达',
        () => onCase('/results-ready', undefined, '已标记全部办结'), ''),
      step('Archive', 'archive', '整理归档', archive, ''),
      exportButton(`${url}/exports/collection-form`, `${c.caseNumber}-项目信息采集表.xlsx`, '附件1 采集表'), ' ',
      exportButton(`${url}/exports/log`, `${c.caseNumber}-代办日志.xlsx`, '附件2 日志'), ' ', printSlipButton(c), ' ',
      printArchiveButton(c)),
    can.has('DeliverByMail') || can.has('DeliverInPerson') ? deliveryForm(onCase) : null);
}

/** 统一送达: by mail (the enterprise signs for it in the mini-program) or in person (it signs the 办结单 here). */
function deliveryForm(onCase) {
  const documents = labelledInput('delivery-documents', '送达的证照和文件', { placeholder: '如 施工许可证正本' });
  const carrier = labelledInput('delivery-carrier', '承运', { placeholder: '如 中国邮政EMS' });
  const tracking = labelledInput('delivery-tracking', '运单号');
  const signedBy = labelledInput('delivery-signed-by', '当面签收人');
  const mail = () => onCase('/delivery/mail', {
    documents: documents.input.value, carrier: carrier.input.value, trackingNumber: tracking.input.value,
  }, '已邮寄，待企业签收');
  const inPerson = () => onCase('/delivery/in-person',
    { documents: documents.input.value, signedBy: signedBy.input.value }, '已当面送达');
  return el('div', { className: 'delivery', id: 'delivery' }, el('h3', {}, '送达办理结果'), documents.label,
    el('p', {}, carrier.label, ' ', tracking.label, ' ',
      el('button', { className: 'secondary', id: 'deliver-mail', onclick: mail }, '邮寄送达')),
    el('p', {}, signedBy.label, ' ',
      el('button', { className: 'secondary', id: 'deliver-in-person', onclick: inPerson }, '当面送达')));
}

/** A labelled input: `{ label, input }`, the label wrapping its text and the input. */
function labelledInput(id, text, attrs = {}) {
  const input = el('input', { id, ...attrs });
  return { input, label: field(text, input) };
}

/**
 * 确定办理事项: the enterprise applied with 不清楚，由代办员帮我确定. After going through the project with it, the agent
 * ticks whole stages (every item of the stage for the project's category) or single catalogue items; nothing is
 * started or planned before this.
 */
async function scopePanel(onCase) {
  const catalogue = await api('/api/catalog/stages');
  const stageBoxes = STAGES.map(([n, name]) => el('label', { className: 'inline' },
    el('input', { type: 'checkbox', name: 'scope-stage', value: n }), ` ${name}（整个阶段）`, '　'));
  const itemGroups = catalogue.filter((s) => s.items.length > 0).map((s) => el('fieldset', {},
    el('legend', {}, `${s.name}：单个事项`),
    s.items.map((i) => el('label', { className: 'inline' },
      el('input', { type: 'checkbox', name: 'scope-item', value: i.code }), ` ${i.name}`, '　'))));
  const settle = () => {
    const ticked = (name) => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
    onCase('/scope', { stages: ticked('scope-stage').map(Number), items: ticked('scope-item') }, '已确定办理事项');
  };
  return el('section', { className: 'panel', id: 'settle-scope' }, el('h2', {}, '确定办理事项'),
    el('p', {}, '企业申请时选择了“不清楚，由代办员帮我确定”。与企业沟通项目情况后，勾选需要办理的阶段或单个事项；',
      '确定后企业会在小程序中看到，随后才能开始办理或提交服务方案。'),
    el('fieldset', {}, el('legend', {}, '审批阶段'), stageBoxes), itemGroups,
    el('button', { id: 'settle-scope-submit', onclick: settle }, '确定办理事项'));
}

/** The plan last put to the enterprise: its version, steps and the enterprise's answer. */
function currentPlan(c) {
  const p = c.plan;
  if (!p) return '';
  const itemName = (code) => c.items.find((i) => i.code === code)?.name || code || '—';
  const answer = p.decidedByName
    ? `${p.decisionName}（${p.decidedByName}，${dateTime(p.decidedAt)}${p.decisionComment ? `：${p.decisionComment}` : ''}）`
    : p.decisionName;
  return el('div', { id: 'current-plan' },
    el('p', {}, el('strong', {}, `第${p.version}版`), `，${dateTime(p.proposedAt)}提交；企业意见：`,
      el('span', { id: 'plan-decision' }, answer)),
    el('p', {}, p.summary),
    table(['步骤', '内容', '事项', '目标日期'], p.steps.map((s) => el('tr', {}, el('td', {}, s.order),
      el('td', {}, s.description), el('td', {}, itemName(s.itemCode)), el('td', {}, s.targetDate || '—'))), 'plan-steps-table'));
}

/**
 * The service plan (包办: nothing proceeds before the enterprise agrees): the current one with its answer, and the
 * editor while the state allows proposing one.
 */
function planPanel(c, can, onCase) {
  const heading = el('h2', {}, '服务方案与代办计划');
  if (!can.has('ProposePlan')) return c.plan ? el('section', { className: 'panel' }, heading, currentPlan(c)) : '';
  // A plan the enterprise sent back is revised, not typed again.
  const previous = c.plan?.decision === 'Rejected' ? c.plan : null;
  const summary = el('textarea', { id: 'plan-summary', 'aria-label': '服务方案概述', placeholder: '服务方案概述' },
    previous?.summary ?? '');
  const editor = planSteps(c.items, previous?.steps ?? []);
  const propose = () => {
    const steps = editor.read();
    if (steps) onCase('/plan', { summary: summary.value, steps }, '方案已提交企业确认');
  };
  return el('section', { className: 'panel' }, heading, currentPlan(c),
    previous ? el('p', { className: 'muted', id: 'plan-revising' }, `以下是企业退回的第${previous.version}版，修改后重新提交。`) : '',
    summary, editor.node, el('button', { id: 'propose-plan', onclick: propose }, '提交方案'));
}

/**
 * The 代办计划 as rows of steps (内容, the case's own item or none, 目标日期), starting from `initial` or one empty
 * row. `read()` answers the steps to send, numbered in order without the empty ones, or null after saying beside
 * the rows why there is nothing to send.
 */
function planSteps(items, initial) {
  const choices = [['', '不针对单个事项'], ...items.map((i) => [i.code, i.name])];
  const list = el('ol', { id: 'plan-steps' });
  const error = el('p', { className: 'error', id: 'plan-steps-error', role: 'alert' });
  const rows = [];
  // The reason goes once the agent changes a step, so it never stays beside steps that were fixed.
  list.addEventListener('input', () => { error.textContent = ''; });
  const add = (step = {}) => {
    const description = el('input',
      { className: 'step-description', maxlength: 500, size: 40, value: step.description });
    const item = select({ className: 'step-item' }, choices, step.itemCode ?? '');
    const target = el('input', { type: 'date', className: 'step-target', value: step.targetDate });
    const row = { description, item, target };
    row.node = el('li', { className: 'plan-step' }, field('内容', description), ' ', field('事项', item), ' ',
      field('目标日期', target), ' ', el('button', {
        type: 'button', className: 'secondary remove-step',
        onclick: () => { rows.splice(rows.indexOf(row), 1); row.node.remove(); },
      }, '删除'));
    rows.push(row);
    list.append(row.node);
    return row;
  };
  (initial.length ? initial : [{}]).forEach(add);
  const read = () => {
    // A half-typed date reads as empty; say so rather than drop it silently.
    const badDate = rows.find((r) => r.target.validity.badInput);
    const steps = rows.filter((r) => r.description.value.trim()).map((r, i) => ({
      order: i + 1, description: r.description.value.trim(), itemCode: r.item.value || null,
      targetDate: r.target.value || null,
    }));
    error.textContent = badDate ? '目标日期不完整，请选择完整的日期或清空。' : steps.length ? '' : '请至少填写一个步骤的内容。';
    if (!error.textContent) return steps;
    (badDate?.target ?? rows[0]?.description)?.focus();
    return null;
  };
  return {
    node: el('div', { className: 'plan-editor' }, el('h3', {}, '代办计划'), list, error,
      el('p', {}, el('button', {
        type: 'button', className: 'secondary', id: 'add-plan-step', onclick: () => add().description.focus(),
      }, '添加步骤'))),
    read,
  };
}

/**
 * Each item with its department and due date, and the steps its state allows: one step chosen at a time, with
 * its own fields (受理日期 and 受理号 to submit, 补正说明, 批准文号, the reason for a refusal or a pause).
 */
function itemsPanel(c, onCase) {
  return el('section', { className: 'panel' }, el('h2', {}, '办理事项'),
    table(['事项', '部门', '状态', '受理', '到期', '办理'], c.items.map((i) => el('tr', { 'data-item': i.code },
      el('td', {}, i.name, el('div', { className: 'muted' }, i.code)), el('td', {}, departmentCell(i)),
      el('td', { className: 'item-status' }, i.statusName), el('td', {}, i.acceptedOn || '—'),
      el('td', { className: 'item-due' }, i.dueOn || '—'),
      el('td', { className: 'item-steps' }, itemSteps(i, c.allowed.items[i.code] || [], onCase)))), 'items'));
}

function itemSteps(item, steps, onCase) {
  if (steps.length === 0) return item.resultDocumentNo ? `批准文号：${item.resultDocumentNo}` : '—';
  const resubmit = item.status === 'AwaitingSupplement';
  const labels = {
    Prepare: '准备材料', Submit: resubmit ? '补正后重新报送' : '报送受理', Supplement: '部门要求补正',
    Approve: '批准', Refuse: '不予批准', Pause: '暂停计时', Resume: '恢复计时',
  };
  const fields = el('span', { className: 'step-fields' });
  const choice = el('select', { className: 'item-step', 'aria-label': `${item.name}的办理操作` },
    steps.map((s) => el('option', { value: s }, labels[s])));
  const input = (cls, text, attrs = {}) => el('input', { className: cls, 'aria-label': text, placeholder: text, ...attrs });
  // The fields of the chosen step; each sends only what its step means.
  const forms = {
    Prepare: () => ({ nodes: [], body: () => ({}) }),
    Submit: () => {
      const on = input('accepted-on', '受理日期', { type: 'date', value: chinaToday(), max: chinaToday() });
      const reference = input('reference', '部门受理号（选填）', { maxlength: 64 });
      return { nodes: resubmit ? [on] : [on, reference],
        body: () => ({ on: on.value || null, reference: reference.value || null }) };
    },
    Supplement: () => {
      const note = input('supplement-note', '需补正的内容', { maxlength: 1000 });
      return { nodes: [note], body: () => ({ note: note.value, on: chinaToday() }) };
    },
    Approve: () => {
      const number = input('result-document-no', '批准文号 / 文书编号', { maxlength: 64 });
      const note = input('approve-note', '备注（选填）', { maxlength: 500 });
      return { nodes: [number, note], body: () => ({ resultDocumentNo: number.value, note: note.value || null }) };
    },
    Refuse: () => {
      const note = input('refuse-reason', '不予批准的原因', { maxlength: 1000 });
      return { nodes: [note], body: () => ({ note: note.value }) };
    },
    Pause: () => {
      const reason = el('select', { className: 'pause-reason', 'aria-label': '暂停计时的法定事由' },
        PAUSE_REASONS.map(([v, l]) => el('option', { value: v }, l)));
      return { nodes: [reason], body: () => ({ reason: reason.value, on: chinaToday() }) };
    },
    Resume: () => ({ nodes: [], body: () => ({ on: chinaToday() }) }),
  };
  let current;
  const show = () => {
    current = forms[choice.value]();
    fields.replaceChildren(...current.nodes.flatMap((n) => [n, ' ']));
  };
  choice.addEventListener('change', show);
  show();
  const go = () => {
    const s = choice.value;
    if (s === 'Refuse' && !confirm(`确定登记“${item.name}”不予批准吗？企业将收到通知。`)) return;
    onCase(`/items/${item.code}/${s.toLowerCase()}`, current.body(), `${item.name}：${labels[s]}`);
  };
  return [choice, ' ', fields, el('button', { className: 'secondary do-step', onclick: go }, '确定')];
}

/** 形式审查: the catalogue's checklist, the register, and one notice of everything missing. */
function materialsPanel(c, can, checklist, materials, onCase) {
  const missing = checklist.flatMap((i) => i.missingCore);
  const materialName = el('input', {
    id: 'material-name', placeholder: '材料名称', 'aria-label': '材料名称', list: 'material-options',
  });
  const materialItem = el('select', { id: 'material-item', 'aria-label': '材料所属事项' },
    el('option', { value: '' }, '（不限事项）'), c.items.map((i) => el('option', { value: i.code }, i.name)));
  const receive = () => onCase('/materials',
    { name: materialName.value, itemCode: materialItem.value || null, copies: 1, isOriginal: false }, '材料已登记');
  // The item's department, or the case's first one for a material not tied to an item.
  const departmentOf = (m) => c.items.find((i) => i.code === m.itemCode) || c.items[0];
  const review = (m) => {
    const note = el('input', { className: 'review-note', 'aria-label': `${m.name}需补正的内容`, placeholder: '需补正的内容' });
    return [
      el('button', {
        className: 'secondary pass-material',
        onclick: () => onCase(`/materials/${m.id}/review`, { result: 'Passed' }, '形式审查通过'),
      }, '通过'), ' ', note, ' ',
      el('button', {
        className: 'secondary',
        onclick: () => onCase(`/materials/${m.id}/review`, { result: 'NeedsCorrection', note: note.value }, '已标记需补正'),
      }, '需补正')];
  };
  // A material's own state (not yet reviewed, passed, forwarded) says which of its buttons mean anything.
  const materialSteps = (m) => {
    if (!can.has('ReceiveMaterial')) return '';
    if (m.review === 'Pending') return review(m);
    if (m.review === 'Passed' && !m.forwardedToDepartment) {
      return el('button', {
        className: 'secondary',
        onclick: () => onCase(`/materials/${m.id}/forward`, { departmentCode: departmentOf(m)?.departmentCode },
          `已转交${departmentOf(m)?.departmentName || '部门'}`),
      }, `转交${departmentOf(m)?.departmentName || '部门'}`);
    }
    return '';
  };
  return el('section', { className: 'panel' }, el('h2', {}, '材料与形式审查'),
    el('datalist', { id: 'material-options' },
      checklist.flatMap((i) => i.lines.map((l) => el('option', { value: l.material })))),
    table(['事项', '材料', '要求', '已收', '审查'], checklist.flatMap((i) => i.lines.map((l) => el('tr', {},
      el('td', {}, i.itemName), el('td', {}, l.material), el('td', {}, l.isCore ? '核心' : l.deferrable ? '可容缺' : '一般'),
      el('td', {}, l.received ? '✓' : '—'), el('td', {}, reviewName(l.review))))), 'checklist'),
    can.has('ReceiveMaterial') || can.has('RequestMaterials')
      ? el('p', {},
        can.has('ReceiveMaterial')
          ? [materialName, ' ', materialItem, ' ', el('button', { id: 'receive-material', onclick: receive }, '登记收到'), ' ']
          : '',
        can.has('RequestMaterials') && missing.length > 0
          ? el('button', {
            className: 'secondary', id: 'request-missing',
            onclick: () => onCase('/materials-request', { missing }, `已一次性告知企业补充${missing.length}项材料`),
          }, `一次性告知缺少的${missing.length}项核心材料`)
          : '')
      : '',
    table(['材料', '审查', '转交', ''], materials.map((m) => el('tr', { 'data-material': m.name },
      el('td', {}, m.name), el('td', {}, reviewName(m.review)),
      el('td', {}, departmentNameIn(c, m.forwardedToDepartment)), el('td', {}, materialSteps(m)))), 'materials'));
}

/** 双向免费邮寄: materials the enterprise mailed in (confirm on arrival) and papers mailed back to it. */
function parcelsPanel(can, parcels, onCase) {
  const contents = el('input', { id: 'parcel-contents', 'aria-label': '寄回的材料', placeholder: '寄回的材料（如 原件）' });
  const carrier = el('input', { id: 'parcel-carrier', 'aria-label': '快递公司', placeholder: '快递公司' });
  const tracking = el('input', { id: 'parcel-tracking', 'aria-label': '运单号', placeholder: '运单号' });
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
    can.has('MailPapersBack')
      ? el('p', {}, contents, ' ', carrier, ' ', tracking, ' ',
        el('button', { id: 'mail-back', className: 'secondary', onclick: mailBack }, '登记寄回企业'))
      : '');
}

/** The 代办日志; a line is for the enterprise to read only when 企业可见 is ticked. */
/**
 * 难点问题: what the agent cannot settle alone goes to the ledger with a responsible department and a deadline (the
 * department's liaison is told). Raised while the case is worked, as the log is; the case's issues are listed.
 */
function issuesPanel(c, can, departments, issues, after) {
  const own = new Set(c.items.map((i) => i.departmentCode));
  const ordered = [...departments.filter((d) => own.has(d.code)), ...departments.filter((d) => !own.has(d.code))];
  const description = el('textarea', {
    id: 'issue-description', maxlength: 1000, placeholder: '卡在哪里、需要哪个部门明确什么',
  });
  const department = select({ id: 'issue-department' }, [['', '请选择'], ...ordered.map((d) => [d.code, d.name])]);
  const deadline = el('input', { id: 'issue-deadline', type: 'date', min: chinaToday() });
  const raise = (e) => {
    e.preventDefault();
    act('/api/staff/issues', {
      body: {
        caseId: c.id, description: description.value, responsibleDepartment: department.value,
        deadline: deadline.value || null,
      },
      done: '难点问题已登记，已通知责任部门', after,
    });
  };
  const names = new Map(departments.map((d) => [d.code, d.name]));
  return el('section', { className: 'panel', id: 'issues-panel' }, el('h2', {}, `难点问题（${issues.length}）`),
    can.has('WriteLog')
      ? el('form', { id: 'issue-form', onsubmit: raise }, field('问题描述', description), ' ',
        field('责任部门', department), ' ', field('办理时限', deadline), ' ',
        el('button', { type: 'submit', id: 'issue-raise' }, '上报难点问题'))
      : '',
    table(['问题', '责任部门', '期限', '状态', '进展'], issues.map((i) => el('tr', { 'data-issue': i.id },
      el('td', {}, i.description), el('td', {}, names.get(i.responsibleDepartment) || i.responsibleDepartment),
      el('td', {}, i.deadline), el('td', { className: 'issue-status' }, i.statusName),
      el('td', {}, i.resolution || i.progress || ''))), 'case-issues'));
}

function logPanel(can, log, onCase) {
  const content = el('textarea', {
    id: 'log-content', maxlength: 2000, 'aria-label': '日志内容', placeholder: '办理情况、遇到的问题、下一步',
  });
  const milestone = el('input', { type: 'checkbox', id: 'log-milestone' });
  const visible = el('input', { type: 'checkbox', id: 'log-visible', checked: true });
  const record = (e) => {
    e.preventDefault();
    onCase('/logs', { content: content.value, milestone: milestone.checked, visibleToEnterprise: visible.checked },
      visible.checked ? '日志已记录，企业可见' : '日志已记录（仅工作人员可见）');
  };
  return el('section', { className: 'panel' }, el('h2', {}, '代办日志'),
    can.has('WriteLog')
      ? el('form', { id: 'log-form', onsubmit: record }, content,
        el('label', { className: 'inline' }, milestone, ' 关键节点'), ' ',
        el('label', { className: 'inline' }, visible, ' 企业可见（企业在小程序的办理进度中能看到）'), ' ',
        el('button', { type: 'submit' }, '记录'))
      : '',
    table(['时间', '记录人', '内容', '企业可见'], log.map((l) => el('tr', {}, el('td', {}, dateTime(l.at)),
      el('td', {}, l.actorName), el('td', { className: 'log-text' }, l.content),
      el('td', { className: 'log-visible' }, l.visibleToEnterprise ? '是' : '否'))), 'log'));
}
