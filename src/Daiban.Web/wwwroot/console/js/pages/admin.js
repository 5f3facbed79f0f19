// 系统管理 (admins), one task a sub-page (#admin/<tab>, #admin alone the staff): staff accounts, the WeChat message
// channel, background jobs, holidays, the catalogue's limits and materials, department names, the bot's FAQ, the
// message templates. Each sub-page reads only what it shows.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, field, select, table } from '../lib/dom.js';
import { dateTime, ROLE_NAMES, roleNames } from '../lib/format.js';
import { calendarPanel } from './admin-calendar.js';
import { catalogPanel, departmentsPanel, faqPanel } from './admin-catalog.js';
import { channelPanel, jobsPanel, templatesPanel } from './admin-channel.js';

/** The sub-pages in tab order: what each is called and how it draws (reading its own data first). */
const TABS = [
  { id: 'staff', name: '工作人员', render: async () => staffPanel(await api('/api/staff/admin/staff')) },
  { id: 'channel', name: '消息通道', render: async () => channelPanel(await api('/api/staff/admin/message-channel')) },
  { id: 'jobs', name: '后台任务', render: jobsPanel },
  { id: 'calendar', name: '节假日', render: calendarPanel },
  { id: 'catalog', name: '事项目录', render: async () => catalogPanel(await api('/api/catalog/stages')) },
  { id: 'departments', name: '部门', render: departmentsPanel },
  { id: 'faq', name: '常见问题', render: async () => faqPanel(await api('/api/staff/faq')) },
  { id: 'templates', name: '消息模板', render: async () => templatesPanel(await api('/api/staff/admin/templates')) },
];

export async function adminPage(view, param) {
  const tab = TABS.find((t) => t.id === param) || TABS[0];
  view.append(el('nav', { className: 'subnav', id: 'admin-tabs', 'aria-label': '系统管理分项' }, TABS.map((t) =>
    el('a', { href: `#admin/${t.id}`, id: `admin-tab-${t.id}`, 'aria-current': t === tab ? 'page' : null }, t.name))));
  view.append(await tab.render());
}

/** Staff: add one; each member's absence, WeChat bindings (removable) and deactivation. */
function staffPanel(members) {
  const f = {
    userName: el('input', { id: 'staff-user', autocomplete: 'off' }),
    displayName: el('input', { id: 'staff-name' }),
    password: el('input', { id: 'staff-password', type: 'password', placeholder: '至少10位', autocomplete: 'new-password' }),
    role: select({ id: 'staff-role' }, Object.entries(ROLE_NAMES)),
    department: el('input', { id: 'staff-department', placeholder: '仅联络员填写', size: 10 }),
  };
  const create = () => act('/api/staff/admin/staff', {
    body: {
      userName: f.userName.value, displayName: f.displayName.value, password: f.password.value, roles: [f.role.value],
      departmentCode: f.department.value || null,
    },
    done: '已新增',
  });
  return el('section', { className: 'panel' }, el('h2', {}, `工作人员（${members.length}）`),
    el('p', {}, field('用户名', f.userName), ' ', field('姓名', f.displayName), ' ', field('初始密码', f.password), ' ',
      field('角色', f.role), ' ', field('部门编码', f.department), ' ',
      el('button', { id: 'staff-create', onclick: create }, '新增')),
    table(['用户名', '姓名', '角色', '外出/休假至', '微信绑定', '在岗', ''], members.map(memberRow), 'staff'));
}

function memberRow(m) {
  const url = `/api/staff/admin/staff/${m.id}`;
  const away = el('input', { type: 'date', value: m.awayUntil || '', 'aria-label': `${m.displayName}外出/休假至` });
  const save = () => act(url, { method: 'PUT', body: { awayUntil: away.value || '' }, done: '已更新' });
  const unbind = (b) => confirm(`解除${m.displayName}的${b.name}绑定？其在小程序中的工作人员登录将同时失效。`)
    && act(`${url}/bindings/${b.kind}`, { method: 'DELETE', done: '已解除绑定' });
  const deactivate = () => act(url, { method: 'PUT', body: { active: false }, done: '已停用' });
  return el('tr', { 'data-staff': m.userName }, el('td', {}, m.userName), el('td', {}, m.displayName),
    el('td', {}, roleNames(m.roles)),
    el('td', {}, away, ' ', el('button', { className: 'secondary', onclick: save }, '保存')),
    el('td', { className: 'bindings' }, m.bindings.length === 0 ? '—' : m.bindings.map((b) =>
      el('div', {}, `${b.name} ${b.openId}（${dateTime(b.boundAt)}）`, ' ',
        el('button', { className: 'link unbind', onclick: () => unbind(b) }, '解除')))),
    el('td', {}, m.active ? '是' : '否'),
    el('td', {}, m.active ? el('button', { className: 'secondary', onclick: deactivate }, '停用') : ''));
}
