// 窗口登记现场申请: an enterprise at the window applies in person. The clerk types the enterprise (by its credit
// code), the contact in front of them (confirmed by being there: 窗口当面核验), the service mode and stages, what the
// enterprise wants done in its own words, and the 项目信息采集表; the case is registered at once and waits for an
// agent. One Idempotency-Key per form, so a double click or a retry registers one case.
import { act } from '../actions.js';
import { el, select } from '../lib/dom.js';
import { STAGES } from '../lib/format.js';
import { projectForm } from './collection-form.js';

export function walkInPanel() {
  const body = el('div', { id: 'walk-in-form', hidden: true });
  const toggle = el('button', {
    className: 'secondary', id: 'open-walk-in', 'aria-expanded': 'false', 'aria-controls': 'walk-in-form',
    onclick: () => {
      body.hidden = !body.hidden;
      toggle.setAttribute('aria-expanded', String(!body.hidden));
      if (!body.hidden && !body.firstChild) body.append(...walkInForm());
    },
  }, '登记现场申请');
  return el('section', { className: 'panel', id: 'walk-in' }, el('h2', {}, '窗口现场申请'),
    el('p', { className: 'muted' }, '企业到窗口当面申请：填写后即登记，联系人按窗口当面核验确认，随后在“待指派”中指派代办员。'),
    toggle, body);
}

function walkInForm() {
  const key = crypto.randomUUID();
  const input = (id, label, attrs = {}) => el('label', {}, label, ' ', el('input', { id, ...attrs }));
  const enterprise = input('walk-in-enterprise', '企业名称', { size: 30, maxlength: 100 });
  const creditCode = input('walk-in-credit-code', '统一社会信用代码', { size: 20, maxlength: 18 });
  const contact = input('walk-in-contact', '联系人', { maxlength: 32 });
  const phone = input('walk-in-phone', '联系电话', { type: 'tel', maxlength: 20 });
  const mode = el('label', {}, '服务方式 ', select({ id: 'walk-in-mode' },
    [['Help', '帮办'], ['Agency', '代办'], ['FullService', '包办']], 'Agency'));
  const stages = el('fieldset', { id: 'walk-in-stages' }, el('legend', {}, '申办阶段'),
    STAGES.map(([n, name]) => el('label', { className: 'inline' },
      el('input', { type: 'checkbox', value: n }), ` ${name}`, '　')),
    el('label', { className: 'inline' }, el('input', { type: 'checkbox', id: 'walk-in-scope-left' }),
      ' 不清楚，由代办员帮助确定'));
  const request = el('label', {}, '想办哪些事项（企业原话）',
    el('textarea', { id: 'walk-in-request', maxlength: 1000, placeholder: '如：土地已摘牌，年后想开工，先办施工许可' }));
  const project = projectForm({}, true);
  const value = (label) => label.querySelector('input, select, textarea').value.trim();
  const submit = () => act('/api/staff/cases', {
    headers: { 'Idempotency-Key': key },
    body: {
      enterpriseName: value(enterprise) || null, creditCode: value(creditCode), contactName: value(contact),
      contactPhone: value(phone) || null, mode: value(mode),
      stages: [...stages.querySelectorAll('input[value]:checked')].map((c) => Number(c.value)),
      scopeLeftToAgent: stages.querySelector('#walk-in-scope-left').checked,
      request: value(request) || null, project: project.read(),
    },
    done: (made) => `已登记${made.caseNumber}，请在“待指派”中指派代办员`,
  });
  return [el('div', { className: 'grid' }, el('div', {}, enterprise, creditCode, contact, phone, mode, stages, request),
    el('div', {}, el('h3', {}, '项目信息采集表'), project.table)),
  el('button', { id: 'walk-in-submit', onclick: submit }, '登记申请')];
}
