'use strict';
// The staff console: a small static app over the staff API. Every value from the server is put in the page as
// text (el() never parses HTML), the token lives in sessionStorage and goes in the Authorization header (no cookie,
// so no request can be forged from another site), and each role sees only its own pages.
(() => {
  const TOKEN = 'daiban.console.token';
  const STAFF = 'daiban.console.staff';

  const PAGES = [
    { id: 'dispatch', name: '派件', roles: ['WindowClerk', 'Admin'], render: dispatchPage },
    { id: 'cases', name: '我的案件', roles: ['Agent', 'Admin'], render: casesPage },
    { id: 'overdue', name: '逾期看板', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: overduePage },
    { id: 'dashboard', name: '监督看板', roles: ['Supervisor', 'Admin'], render: dashboardPage },
    { id: 'issues', name: '难点台账', roles: ['WindowClerk', 'Agent', 'DepartmentLiaison', 'Supervisor', 'Admin'], render: issuesPage },
  ];

  const main = document.getElementById('main');

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'className') node.className = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function staff() {
    try { return JSON.parse(sessionStorage.getItem(STAFF) || 'null'); } catch { return null; }
  }

  function allowed() {
    const me = staff();
    return me ? PAGES.filter((p) => p.roles.some((r) => me.roles.includes(r))) : [];
  }

  async function api(path, options = {}) {
    const headers = { 'Content-Type': 'application/json' };
    const token = sessionStorage.getItem(TOKEN);
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, { method: options.method || 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    if (response.status === 401 && token) {
      signOut();
      throw new Error('登录已过期，请重新登录');
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((data && data.title) || '请求未能完成');
    return data;
  }

  function toast(message) {
    const t = document.getElementById('toast');
    t.textContent = message;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 3500);
  }

  async function guarded(action) {
    try { await action(); } catch (e) { toast(e.message); }
  }

  function dateTime(iso) {
    if (!iso) return '';
    const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '—' : Math.round(rate * 100) + '%';
  }

  function table(headers, rows, id) {
    return el('table', { id }, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: headers.length, className: 'muted' }, '暂无'))));
  }

  // --- pages -------------------------------------------------------------------------------------------------

  async function dispatchPage(view) {
    const [submitted, registered, handoffs] = await Promise.all([
      api('/api/staff/cases?status=Submitted'),
      api('/api/staff/cases?status=Registered'),
      api('/api/staff/consultations?status=HandedOff'),
    ]);
    view.append(el('section', { className: 'panel' }, el('h2', {}, `待登记的网上申请（${submitted.length}）`),
      table(['案件编号', '服务方式', '提交时间', ''], submitted.map((c) => el('tr', { 'data-case': c.caseNumber },
        el('td', {}, c.caseNumber), el('td', {}, c.modeName), el('td', {}, dateTime(c.submittedAt)),
        el('td', {}, el('button', { className: 'register', onclick: () => guarded(async () => {
          await api(`/api/staff/cases/${c.id}/register`, { method: 'POST' });
          toast(`${c.caseNumber} 已登记`);
          render();
        }) }, '登记')))), 'submitted')));

    view.append(el('section', { className: 'panel' }, el('h2', {}, `待指派（${registered.length}）`),
      table(['案件编号', '服务方式', '指派'], registered.map((c) => el('tr', { 'data-case': c.caseNumber },
        el('td', {}, c.caseNumber), el('td', {}, c.modeName), el('td', {}, assignBox(c)))), 'registered')));

    const waiting = handoffs.filter((h) => !h.agentId);
    view.append(el('section', { className: 'panel' }, el('h2', {}, `咨询转人工待分配（${waiting.length}）`),
      table(['原因', '渠道', '最后留言'], waiting.map((h) => el('tr', {}, el('td', {}, h.handoffReason || ''),
        el('td', {}, h.channel === 'CustomerService' ? '微信客服' : h.channel === 'MiniProgram' ? '小程序' : '网页'), el('td', {}, dateTime(h.lastUserMessageAt)))))));
  }

  /** The routing suggestion with its reasons; the clerk accepts it, or picks another agent and says why. */
  function assignBox(c) {
    const box = el('div', { className: 'assign' });
    const suggest = el('button', { className: 'secondary suggest', onclick: () => guarded(async () => {
      const routing = await api(`/api/staff/cases/${c.id}/routing`);
      box.replaceChildren(
        el('div', { className: 'explain' }, el('strong', {}, `建议：${routing.agentName}`), el('div', {}, routing.explanation)),
        el('button', { className: 'accept', onclick: () => guarded(async () => {
          const assigned = await api(`/api/staff/cases/${c.id}/assignment`, { method: 'POST', body: {} });
          toast(`已指派给${assigned.agentName}`);
          render();
        }) }, `指派给${routing.agentName}`),
        ' ',
        overrideForm(c, routing.ranking));
    }) }, '查看建议');
    box.append(suggest);
    return box;
  }

  function overrideForm(c, ranking) {
    const select = el('select', { className: 'agent' }, ranking.map((r) => el('option', { value: r.agentId }, `${r.name}（负荷${r.openLoad}）`)));
    const reason = el('input', { className: 'reason', placeholder: '改派理由（必填）', maxlength: 500 });
    return el('span', {}, select, ' ', reason, ' ', el('button', { className: 'secondary override', onclick: () => guarded(async () => {
      const assigned = await api(`/api/staff/cases/${c.id}/assignment`, { method: 'POST', body: { agentId: Number(select.value), reason: reason.value } });
      toast(`已指派给${assigned.agentName}`);
      render();
    }) }, '改派'));
  }

  async function casesPage(view, param) {
    if (param) return caseDetail(view, param);
    const cases = await api('/api/staff/cases');
    view.append(el('section', { className: 'panel' }, el('h2', {}, `我的案件（${cases.length}）`),
      table(['案件编号', '服务方式', '状态', '最近到期'], cases.map((c) => el('tr', { 'data-case': c.caseNumber },
        el('td', {}, el('a', { href: `#cases/${c.id}`, className: 'open-case' }, c.caseNumber)), el('td', {}, c.modeName),
        el('td', {}, c.statusName), el('td', {}, c.nextDueOn || '—'))), 'my-cases')));
  }

  async function caseDetail(view, id) {
    const [c, log] = await Promise.all([api(`/api/staff/cases/${id}`), api(`/api/staff/cases/${id}/log`)]);
    view.append(el('section', { className: 'panel' }, el('h2', {}, `${c.caseNumber} · ${c.modeName} · ${c.statusName}`),
      table(['事项', '部门', '状态', '到期'], c.items.map((i) => el('tr', {}, el('td', {}, i.name), el('td', {}, i.departmentCode), el('td', {}, i.statusName), el('td', {}, i.dueOn || '—'))))));
    const content = el('textarea', { id: 'log-content', maxlength: 2000, placeholder: '办理情况、遇到的问题、下一步' });
    const milestone = el('input', { type: 'checkbox', id: 'log-milestone' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '代办日志'),
      el('form', { id: 'log-form', onsubmit: (e) => { e.preventDefault(); guarded(async () => {
        await api(`/api/staff/cases/${id}/logs`, { method: 'POST', body: { content: content.value, milestone: milestone.checked, visibleToEnterprise: true } });
        toast('日志已记录');
        render();
      }); } }, content, el('label', {}, milestone, ' 关键节点'), el('button', { type: 'submit' }, '记录')),
      table(['时间', '内容'], log.map((l) => el('tr', {}, el('td', {}, dateTime(l.at)), el('td', { className: 'log-text' }, l.content))), 'log')));
  }

  async function overduePage(view) {
    const rows = await api('/api/staff/supervision/overdue');
    view.append(el('section', { className: 'panel' }, el('h2', {}, `逾期事项（${rows.length}）`),
      table(['逾期', '案件', '事项', '部门', '代办员', '应办结'], rows.map((r) => el('tr', {},
        el('td', {}, el('span', { className: 'tag danger' }, `${r.workingDaysOverdue}个工作日`)), el('td', {}, r.caseNumber), el('td', {}, r.itemName),
        el('td', {}, r.departmentName), el('td', {}, r.agentName || '—'), el('td', {}, r.dueOn))), 'overdue')));
  }

  async function dashboardPage(view) {
    const d = await api('/api/staff/supervision/dashboard');
    const max = Math.max(1, ...d.satisfaction.map((s) => s.count));
    const bars = el('div', { className: 'bars', id: 'satisfaction' }, d.satisfaction.map((s) => el('div', { className: 'bar' + (s.level === 'Dissatisfied' || s.level === 'VeryDissatisfied' ? ' bad' : '') },
      el('span', {}, s.count), fill(Math.round((s.count / max) * 120)), el('small', {}, s.name))));
    const trendMax = 5;
    const trend = el('div', { className: 'bars', id: 'trend' }, d.trend.map((t) => el('div', { className: 'bar' },
      el('span', {}, t.evaluations ? t.averageScore.toFixed(1) : '—'), fill(Math.round((t.averageScore / trendMax) * 120)), el('small', {}, t.month))));
    view.append(el('div', { className: 'grid' },
      el('section', { className: 'panel' }, el('h2', {}, '满意度分布'), bars),
      el('section', { className: 'panel' }, el('h2', {}, '满意度趋势（月均分）'), trend)));
    view.append(el('section', { className: 'panel' }, el('h2', {}, '代办员（队伍建设考核）'),
      table(['代办员', '在办案件', '已办结事项', '按时率', '评价数', '平均分', '差评'], d.agents.map((a) => el('tr', { 'data-agent': a.name },
        el('td', {}, a.name), el('td', { className: 'open-cases' }, a.openCases), el('td', {}, a.itemsDecided), el('td', {}, percent(a.onTimeRate)),
        el('td', {}, a.evaluations), el('td', {}, a.averageScore ?? '—'), el('td', {}, a.badReviews))), 'agents')));
    view.append(el('div', { className: 'grid' },
      el('section', { className: 'panel' }, el('h2', {}, '部门时效'),
        table(['部门', '已办结', '按时率', '当前逾期'], d.departments.map((x) => el('tr', {}, el('td', {}, x.name), el('td', {}, x.itemsDecided), el('td', {}, percent(x.onTimeRate)), el('td', {}, x.overdueNow))))),
      el('section', { className: 'panel' }, el('h2', {}, '差评与整改'),
        table(['案件', '评价', '意见', '整改'], d.badReviews.map((b) => el('tr', {}, el('td', {}, b.caseNumber), el('td', {}, b.level), el('td', {}, b.comment || ''),
          el('td', {}, el('span', { className: 'tag' + (b.overdue ? ' danger' : '') }, b.rectification))))))));
    view.append(el('section', { className: 'panel' }, el('h2', {}, `待回访（${d.callbacksDue.length}）`),
      table(['案件', '类型', '应回访日期'], d.callbacksDue.map((c) => el('tr', {}, el('td', {}, c.caseNumber), el('td', {}, c.kind), el('td', {}, c.dueOn))))));
  }

  /** A bar of a chart; its height set through the CSSOM, which the content security policy allows (no inline style). */
  function fill(px) {
    const bar = el('span', { className: 'fill' });
    bar.style.height = px + 'px';
    return bar;
  }

  async function issuesPage(view) {
    const issues = await api('/api/staff/issues');
    view.append(el('section', { className: 'panel' }, el('h2', {}, `难点问题工作台账（${issues.length}）`),
      table(['问题', '责任部门', '期限', '状态', '进展'], issues.map((i) => el('tr', {}, el('td', {}, i.description), el('td', {}, i.responsibleDepartment),
        el('td', {}, el('span', { className: 'tag' + (i.overdue ? ' danger' : '') }, i.deadline)), el('td', {}, i.status), el('td', {}, i.progress || ''))))));
  }

  // --- shell -------------------------------------------------------------------------------------------------

  function signOut() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(STAFF);
    location.hash = '';
    location.reload();
  }

  async function render() {
    const pages = allowed();
    const me = staff();
    const nav = document.getElementById('nav');
    if (!me) return;
    document.getElementById('sign-in')?.remove();
    document.getElementById('me').hidden = false;
    document.getElementById('me-name').textContent = me.displayName;
    nav.hidden = false;
    const [route, param] = location.hash.replace(/^#/, '').split('/');
    const page = pages.find((p) => p.id === route) || pages[0];
    nav.replaceChildren(...pages.map((p) => el('a', { href: '#' + p.id, id: 'nav-' + p.id, className: p === page ? 'active' : '' }, p.name)));
    const view = el('div', { id: 'view-' + (page ? page.id : 'none') });
    main.replaceChildren(view);
    if (!page) {
      view.append(el('p', { className: 'panel' }, '您的账号没有可用的工作台页面，请联系管理员。'));
      return;
    }
    await guarded(() => page.render(view, param));
  }

  document.getElementById('sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    const error = document.getElementById('sign-in-error');
    error.textContent = '';
    guarded(async () => {
      try {
        const r = await api('/api/staff/auth/login', { method: 'POST', body: { userName: document.getElementById('user-name').value, password: document.getElementById('password').value } });
        sessionStorage.setItem(TOKEN, r.token);
        sessionStorage.setItem(STAFF, JSON.stringify(r.staff));
        location.hash = '';
        render();
      } catch (err) {
        error.textContent = err.message;
      }
    });
  });
  document.getElementById('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', render);
  render();
})();
