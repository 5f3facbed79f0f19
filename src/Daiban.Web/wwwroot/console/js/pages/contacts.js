// The 派件 page's first panel: people asking to act for an enterprise, waiting for the window to confirm them.
import { act } from '../actions.js';
import { download } from '../lib/api.js';
import { el, guarded, table } from '../lib/dom.js';
import { dateTime } from '../lib/format.js';

const EVIDENCE = [
  ['AuthorizationLetter', '授权委托书'], ['LegalRepresentative', '法定代表人确认'], ['InPersonAtWindow', '窗口当面核验'],
];

/**
 * Who asks to act for an enterprise, with what the window can check (registering an application confirms
 * nobody): the name, the phone and whether WeChat verified it, the 授权委托书, the enterprise's contacts already
 * confirmed, the applications filed. 确认 records the evidence chosen; 不予确认 needs the reason the person reads.
 */
export function pendingContactsPanel(contacts) {
  return el('section', { className: 'panel' }, el('h2', {}, `待确认的企业联系人（${contacts.length}）`),
    el('p', { className: 'muted' },
      '登记申请不等于确认联系人：请核对微信验证的手机号、姓名与授权委托书，或联系法定代表人后再确认。'),
    table(['申请人', '企业', '已确认的联系人', '提交的申请', '授权委托书', '核验与决定'], contacts.map(contactRow),
      'pending-contacts'));
}

function contactRow(c) {
  const evidence = el('select', { className: 'contact-evidence', 'aria-label': `${c.name}的核验依据` }, el('option', { value: '' }, '选择核验依据'),
    EVIDENCE.map(([value, name]) =>
      el('option', { value, disabled: value === 'AuthorizationLetter' && !c.hasLetter }, name)));
  const note = el('input', {
    className: 'contact-note', placeholder: '核验说明（如：已电话联系法定代表人）', maxlength: 256,
    'aria-label': `${c.name}的核验说明`,
  });
  const reason = el('input', {
    className: 'contact-reason', placeholder: '不予确认的原因', maxlength: 256, 'aria-label': `不予确认${c.name}的原因`,
  });
  const decide = (path, body, done) =>
    act(`/api/staff/contacts/${c.id}/${path}`, { body, done: `${c.enterpriseName} ${c.name} ${done}` });
  const letter = c.letterUrl
    ? el('button', {
      className: 'secondary open-letter',
      onclick: () => guarded(() => download(c.letterUrl, `授权委托书-${c.name}`, '文件不存在或无权查看')),
    }, `查看授权委托书（${dateTime(c.letterUploadedAt)}上传）`)
    : el('span', { className: 'muted' }, '未上传授权委托书');
  return el('tr', { 'data-contact': c.id },
    el('td', {}, el('div', {}, c.name), el('div', { className: 'muted contact-phone' },
      `${c.phone || '无手机号'} · ${c.phoneVerified ? '微信已验证' : '未经微信验证'}`)),
    el('td', {}, el('div', {}, c.enterpriseName), el('div', { className: 'muted' }, c.creditCode),
      el('div', { className: 'muted' }, `法定代表人：${c.legalRepresentative || '未登记'}`)),
    el('td', {}, c.confirmedContacts.length
      ? c.confirmedContacts.map((o) => el('div', {}, `${o.name} ${o.phone}（${o.evidence || '已确认'}）`))
      : el('span', { className: 'muted' }, '无（首位联系人）')),
    el('td', {}, c.applications.length
      ? c.applications.map((a) => el('div', {}, `${a.caseNumber} ${a.projectName}（${a.statusName}）`))
      : el('span', { className: 'muted' }, '无')),
    el('td', {}, letter),
    el('td', {}, evidence, ' ', note, ' ',
      el('button', {
        className: 'confirm-contact',
        onclick: () => decide('confirmation', { evidence: evidence.value || null, note: note.value }, '已确认'),
      }, '确认'),
      el('div', {}, reason, ' ', el('button', {
        className: 'secondary refuse-contact', onclick: () => decide('refusal', { reason: reason.value }, '不予确认'),
      }, '不予确认'))));
}
