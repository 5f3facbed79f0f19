'use strict';
// The staff console: a small static app over the staff API. Every value from the server is put in the page as
// text (el() never parses HTML), the token lives in sessionStorage and goes in the Authorization header (no cookie,
// so no request can be forged from another site), and each role sees only its own pages.
(() => {
  const TOKEN = 'daiban.console.token';
  const STAFF = 'daiban.console.staff';
  const ENDED = 'daiban.console.ended';
  const ROLE_NAMES = { WindowClerk: '综合窗口', Agent: '代办员', DepartmentLiaison: '部门联络员', Supervisor: '监督', Admin: '管理员' };

  const PAGES = [
    { id: 'dispatch', name: '派件', roles: ['WindowClerk', 'Admin'], render: dispatchPage },
    { id: 'cases', name: '我的案件', roles: ['Agent', 'Admin'], render: casesPage },
    { id: 'chats', name: '咨询转人工', roles: ['WindowClerk', 'Agent', 'Admin'], render: chatsPage },
    { id: 'overdue', name: '逾期看板', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: overduePage },
    { id: 'dashboard', name: '监督看板', roles: ['Supervisor', 'Admin'], render: dashboardPage },
    { id: 'issues', name: '联审与台账', roles: ['WindowClerk', 'Agent', 'DepartmentLiaison', 'Supervisor', 'Admin'], render: issuesPage },
    { id: 'cases-published', name: '典型案例', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: typicalCasesPage },
    { id: 'admin', name: '系统管理', roles: ['Admin'], render: adminPage },
    { id: 'messages', name: '消息', roles: ['WindowClerk', 'Agent', 'DepartmentLiaison', 'Supervisor', 'Admin'], render: messagesPage },
    { id: 'account', name: '我的账号', roles: ['WindowClerk', 'Agent', 'DepartmentLiaison', 'Supervisor', 'Admin'], render: accountPage },
    // Reached from the overdue board and the dashboard, not from the menu.
    { id: 'case', name: '案件', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: caseReadPage, hidden: true },
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
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (response.status === 401 && token) {
      // Ended on the server (signed out elsewhere, account or roles changed) or expired: sign in again.
      sessionStorage.setItem(ENDED, (data && data.title) || '登录已过期，请重新登录');
      signOut();
      throw new Error((data && data.title) || '登录已过期，请重新登录');
    }
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

  function channelName(channel) {
    return { CustomerService: '微信客服', MiniProgram: '小程序', Web: '网页' }[channel] || channel;
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
    const [submitted, registered, handoffs, contacts] = await Promise.all([
      api('/api/staff/cases?status=Submitted'),
      api('/api/staff/cases?status=Registered'),
      api('/api/staff/consultations?status=HandedOff'),
      api('/api/staff/contacts/pending'),
    ]);
    view.append(pendingContactsPanel(contacts));
    view.append(el('section', { className: 'panel' }, el('h2', {}, `待登记的网上申请（${submitted.length}）`),
      table(['案件编号', '服务方式', '提交时间', ''], submitted.map((c) => el('tr', { 'data-case': c.caseNumber },
        el('td', {}, c.caseNumber), el('td', {}, c.modeName), el('td', {}, dateTime(c.submittedAt)),
        el('td', {}, el('button', { className: 'register', onclick: () => guarded(async () => {
          await api(`/api/staff/cases/${c.id}/register`, { method: 'POST' });
          toast(`${c.caseNumber} 已登记`);
          render();
        }) }, '登记'), ' ', closeBox(c)))), 'submitted')));

    view.append(el('section', { className: 'panel' }, el('h2', {}, `待指派（${registered.length}）`),
      table(['案件编号', '服务方式', '指派'], registered.map((c) => el('tr', { 'data-case': c.caseNumber },
        el('td', {}, c.caseNumber), el('td', {}, c.modeName), el('td', {}, assignBox(c), closeBox(c)))), 'registered')));

    const waiting = handoffs.filter((h) => !h.agentId);
    view.append(el('section', { className: 'panel' }, el('h2', {}, `咨询转人工待分配（${waiting.length}）`),
      table(['原因', '渠道', '最后留言'], waiting.map((h) => el('tr', {}, el('td', {}, h.handoffReason || ''),
        el('td', {}, channelName(h.channel)), el('td', {}, dateTime(h.lastUserMessageAt)))))));
  }

  const EVIDENCE = [
    ['AuthorizationLetter', '授权委托书'], ['LegalRepresentative', '法定代表人确认'], ['InPersonAtWindow', '窗口当面核验'],
  ];

  /**
   * Who asks to act for an enterprise, with what the window can check (registering an application confirms
   * nobody): the name, the phone and whether WeChat verified it, the 授权委托书, the enterprise's contacts already
   * confirmed, the applications filed. 确认 records the evidence chosen; 不予确认 needs the reason the person reads.
   */
  function pendingContactsPanel(contacts) {
    const rows = contacts.map((c) => {
      const evidence = el('select', { className: 'contact-evidence' }, el('option', { value: '' }, '选择核验依据'),
        EVIDENCE.map(([value, name]) =>
          el('option', { value, disabled: value === 'AuthorizationLetter' && !c.hasLetter }, name)));
      const note = el('input', { className: 'contact-note', placeholder: '核验说明（如：已电话联系法定代表人）', maxlength: 256 });
      const reason = el('input', { className: 'contact-reason', placeholder: '不予确认的原因', maxlength: 256 });
      const decide = (path, body, done) => guarded(async () => {
        await api(`/api/staff/contacts/${c.id}/${path}`, { method: 'POST', body });
        toast(`${c.enterpriseName} ${c.name} ${done}`);
        render();
      });
      const letter = c.letterUrl
        ? el('button', {
          className: 'secondary open-letter', onclick: () => guarded(() => download(c.letterUrl, `授权委托书-${c.name}`)),
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
    });
    return el('section', { className: 'panel' }, el('h2', {}, `待确认的企业联系人（${contacts.length}）`),
      el('p', { className: 'muted' }, '登记申请不等于确认联系人：请核对微信验证的手机号、姓名与授权委托书，或联系法定代表人后再确认。'),
      table(['申请人', '企业', '已确认的联系人', '提交的申请', '授权委托书', '核验与决定'], rows, 'pending-contacts'));
  }

  /** A file behind the staff token (a link could not send it): fetched, then saved under its Chinese name. */
  async function download(path, name) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN) } });
    if (!response.ok) throw new Error('文件不存在或无权查看');
    const url = URL.createObjectURL(await response.blob());
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Ends an application early, with the reason the enterprise will read: not accepted, or withdrawn at its request. */
  function closeBox(c) {
    const reason = el('input', { className: 'close-reason', placeholder: '不予受理或撤回原因', maxlength: 500 });
    const close = (path, done) => guarded(async () => {
      await api(`/api/staff/cases/${c.id}/${path}`, { method: 'POST', body: { reason: reason.value } });
      toast(`${c.caseNumber} ${done}`);
      render();
    });
    return el('div', { className: 'close-box' }, reason, ' ',
      el('button', { className: 'secondary reject', onclick: () => close('rejection', '不予受理') }, '不予受理'), ' ',
      el('button', { className: 'secondary withdraw', onclick: () => close('withdrawal', '已登记撤回') }, '企业撤回'));
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
    const [c, log, checklist, materials, parcels] = await Promise.all([
      api(`/api/staff/cases/${id}`), api(`/api/staff/cases/${id}/log`), api(`/api/staff/cases/${id}/checklist`), api(`/api/staff/cases/${id}/materials`),
      api(`/api/staff/cases/${id}/parcels`),
    ]);
    const url = `/api/staff/cases/${id}`;
    const act = (path, body, done) => guarded(async () => {
      await api(url + path, { method: 'POST', body });
      toast(done);
      render();
    });
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

    // Status and the steps that move the whole case.
    const documents = el('input', { id: 'delivery-documents', placeholder: '送达的证照和文件' });
    const carrier = el('input', { id: 'delivery-carrier', placeholder: '承运（如 中国邮政EMS）' });
    const tracking = el('input', { id: 'delivery-tracking', placeholder: '运单号' });
    const signedBy = el('input', { id: 'delivery-signed-by', placeholder: '当面签收人' });
    view.append(el('section', { className: 'panel' }, el('h2', { id: 'case-title' }, `${c.caseNumber} · ${c.modeName} · ${c.statusName}`),
      el('p', {},
        el('button', { id: 'start', onclick: () => act('/start', undefined, '已开始办理') }, '开始办理'), ' ',
        el('button', { className: 'secondary', id: 'results-ready', onclick: () => act('/results-ready', undefined, '已标记全部办结') }, '全部办结，待送达'), ' ',
        el('button', { className: 'secondary', id: 'archive', onclick: () => act('/archive', undefined, '已归档') }, '整理归档'), ' ',
        download(`${url}/exports/collection-form`, `${c.caseNumber}-项目信息采集表.xlsx`, '附件1 采集表'), ' ',
        download(`${url}/exports/log`, `${c.caseNumber}-代办日志.xlsx`, '附件2 日志')),
      el('p', {}, '送达：', documents, ' ', carrier, ' ', tracking, ' ',
        el('button', { className: 'secondary', onclick: () => act('/delivery/mail', { documents: documents.value, carrier: carrier.value, trackingNumber: tracking.value }, '已邮寄，待企业签收') }, '邮寄送达'), ' ',
        signedBy, ' ', el('button', { className: 'secondary', onclick: () => act('/delivery/in-person', { documents: documents.value, signedBy: signedBy.value }, '已当面送达') }, '当面送达'))));

    view.append(await collectionFormPanel(id, true));

    // The service plan (包办: nothing proceeds before the enterprise agrees).
    const summary = el('textarea', { id: 'plan-summary', placeholder: '服务方案概述' });
    const steps = el('textarea', { id: 'plan-steps', placeholder: '代办计划，每行一步：内容|事项编码|目标日期（如 报送联合审图|S3-01|2026-03-10）' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '服务方案与代办计划'), summary, steps,
      el('button', { id: 'propose-plan', onclick: () => act('/plan', {
        summary: summary.value,
        steps: steps.value.split('\n').map((l) => l.trim()).filter(Boolean).map((line, i) => {
          const [description, itemCode, targetDate] = line.split('|').map((x) => (x || '').trim());
          return { order: i + 1, description, itemCode: itemCode || null, targetDate: targetDate || null };
        }),
      }, '方案已提交企业确认') }, '提交方案')));

    // Each item with its department and due date, and what can be done with it.
    view.append(el('section', { className: 'panel' }, el('h2', {}, '办理事项'),
      table(['事项', '部门', '状态', '到期', '办理'], c.items.map((i) => {
        const input = el('input', { className: 'item-input', placeholder: '批文号 / 说明' });
        const go = (action, done) => act(`/items/${i.code}/${action}`, { on: today, resultDocumentNo: input.value, note: input.value, reference: input.value || null }, done);
        return el('tr', { 'data-item': i.code }, el('td', {}, i.name), el('td', {}, i.departmentCode), el('td', { className: 'item-status' }, i.statusName),
          el('td', { className: 'item-due' }, i.dueOn || '—'),
          el('td', {}, input, ' ', el('button', { className: 'secondary submit-item', onclick: () => go('submit', `${i.name}已报送`) }, '报送受理'), ' ',
            el('button', { className: 'secondary', onclick: () => go('supplement', `${i.name}补正中`) }, '补正'), ' ',
            el('button', { className: 'secondary approve-item', onclick: () => go('approve', `${i.name}已批准`) }, '批准'), ' ',
            el('button', { className: 'secondary', onclick: () => go('refuse', `${i.name}不予批准`) }, '不予批准')));
      }), 'items')));

    // 形式审查: the catalogue's checklist, the register, and one notice of everything missing.
    const missing = checklist.flatMap((i) => i.missingCore);
    const materialName = el('input', { id: 'material-name', placeholder: '材料名称', list: 'material-options' });
    const materialItem = el('select', { id: 'material-item' }, el('option', { value: '' }, '（不限事项）'), c.items.map((i) => el('option', { value: i.code }, i.name)));
    view.append(el('section', { className: 'panel' }, el('h2', {}, '材料与形式审查'),
      el('datalist', { id: 'material-options' }, checklist.flatMap((i) => i.lines.map((l) => el('option', { value: l.material })))),
      table(['事项', '材料', '要求', '已收', '审查'], checklist.flatMap((i) => i.lines.map((l) => el('tr', {}, el('td', {}, i.itemName), el('td', {}, l.material),
        el('td', {}, l.isCore ? '核心' : l.deferrable ? '可容缺' : '一般'), el('td', {}, l.received ? '✓' : '—'), el('td', {}, reviewName(l.review))))), 'checklist'),
      el('p', {}, materialName, ' ', materialItem, ' ',
        el('button', { id: 'receive-material', onclick: () => act('/materials', { name: materialName.value, itemCode: materialItem.value || null, copies: 1, isOriginal: false }, '材料已登记') }, '登记收到'), ' ',
        el('button', { className: 'secondary', id: 'request-missing', disabled: missing.length === 0,
          onclick: () => act('/materials-request', { missing }, `已一次性告知企业补充${missing.length}项材料`) }, `一次性告知缺少的${missing.length}项核心材料`), ' ',
        el('button', { className: 'secondary', onclick: () => act('/materials-received', undefined, '材料已补齐，恢复办理') }, '材料已补齐')),
      table(['材料', '审查', '转交', ''], materials.map((m) => el('tr', {}, el('td', {}, m.name), el('td', {}, reviewName(m.review)), el('td', {}, m.forwardedToDepartment || '—'),
        el('td', {},
          el('button', { className: 'secondary', onclick: () => act(`/materials/${m.id}/review`, { result: 'Passed' }, '形式审查通过') }, '通过'), ' ',
          el('button', { className: 'secondary', onclick: () => act(`/materials/${m.id}/review`, { result: 'NeedsCorrection', note: '请补正' }, '已标记需补正') }, '需补正'), ' ',
          el('button', { className: 'secondary', onclick: () => act(`/materials/${m.id}/forward`, { departmentCode: c.items.find((i) => i.code === m.itemCode)?.departmentCode || c.items[0]?.departmentCode }, '已转交部门') }, '转交部门')))))));

    // 双向免费邮寄: materials the enterprise mailed in (confirm on arrival) and papers mailed back to it.
    const parcelContents = el('input', { id: 'parcel-contents', placeholder: '寄回的材料（如 原件）' });
    const parcelCarrier = el('input', { id: 'parcel-carrier', placeholder: '快递公司' });
    const parcelTracking = el('input', { id: 'parcel-tracking', placeholder: '运单号' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '双向免费邮寄'),
      table(['方向', '材料', '快递', '寄出', '收到', ''], parcels.map((p) => {
        const inbound = p.direction === 'ToService';
        return el('tr', { 'data-parcel': p.trackingNumber }, el('td', {}, inbound ? '企业寄来' : '寄回企业'), el('td', {}, p.contents),
          el('td', {}, `${p.carrier} ${p.trackingNumber}`), el('td', {}, dateTime(p.sentAt)),
          el('td', { className: 'parcel-received' }, p.receivedAt ? `${p.receivedBy} ${dateTime(p.receivedAt)}` : '—'),
          el('td', {}, inbound && !p.receivedAt
            ? el('button', { className: 'secondary confirm-parcel', onclick: () => act(`/parcels/${p.id}/received`, undefined, '已确认收到') }, '确认收到')
            : ''));
      }), 'parcels'),
      el('p', {}, parcelContents, ' ', parcelCarrier, ' ', parcelTracking, ' ',
        el('button', { id: 'mail-back', className: 'secondary', onclick: () => act('/parcels', { contents: parcelContents.value, carrier: parcelCarrier.value, trackingNumber: parcelTracking.value }, '已登记寄回，待企业签收') }, '登记寄回企业'))));

    const content = el('textarea', { id: 'log-content', maxlength: 2000, placeholder: '办理情况、遇到的问题、下一步' });
    const milestone = el('input', { type: 'checkbox', id: 'log-milestone' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '代办日志'),
      el('form', { id: 'log-form', onsubmit: (e) => { e.preventDefault(); act('/logs', { content: content.value, milestone: milestone.checked, visibleToEnterprise: true }, '日志已记录'); } },
        content, el('label', {}, milestone, ' 关键节点'), el('button', { type: 'submit' }, '记录')),
      table(['时间', '内容'], log.map((l) => el('tr', {}, el('td', {}, dateTime(l.at)), el('td', { className: 'log-text' }, l.content))), 'log')));
  }

  // 项目信息采集表 (附件1): every field of the project, filled in or corrected with the enterprise (五.2).
  const COLLECTION_FIELDS = [
    ['name', '项目名称'], ['projectCode', '项目代码'], ['location', '建设地点'],
    ['investmentType', '投资类型', { Social: '社会投资', Government: '政府投资' }],
    ['kind', '项目类别', { Industrial: '工业', Civil: '民用', SimpleLowRisk: '简易低风险', Linear: '线性工程' }],
    ['totalInvestmentWanYuan', '总投资（万元）', 'number'], ['landAreaSquareMeters', '用地面积（平方米）', 'number'],
    ['floorAreaSquareMeters', '建筑面积（平方米）', 'number'], ['buildingHeightMeters', '建筑高度（米）', 'number'],
    ['constructionContent', '建设内容'], ['plannedStart', '计划开工时间', 'date'],
    ['currentStage', '目前所处阶段', { '': '—', 1: '立项用地规划许可', 2: '工程建设许可', 3: '施工许可', 4: '竣工验收' }],
    ['landSupply', '供地方式', { Unknown: '未明确', Transfer: '出让', Allocation: '划拨', TransferWithScheme: '带方案出让', Existing: '既有用地' }],
    ['approvalsObtained', '已办理手续'], ['contactName', '项目联系人'], ['contactPhone', '联系电话'], ['notes', '备注'],
  ];

  async function collectionFormPanel(caseId, editable) {
    const form = await api(`/api/staff/cases/${caseId}/collection-form`);
    const inputs = {};
    const rows = COLLECTION_FIELDS.map(([key, label, kind]) => {
      const value = form.project[key] ?? '';
      const input = typeof kind === 'object'
        ? el('select', { disabled: !editable }, Object.entries(kind).map(([v, n]) => el('option', { value: v, selected: String(value) === v }, n)))
        : el('input', { type: kind || 'text', value, disabled: !editable, size: 40 });
      inputs[key] = input;
      return el('tr', { 'data-field': key }, el('th', {}, label), el('td', {}, input));
    });
    const read = () => Object.fromEntries(COLLECTION_FIELDS.map(([key, , kind]) => {
      const v = inputs[key].value.trim();
      if (v === '') return [key, null];
      return [key, kind === 'number' || key === 'currentStage' ? Number(v) : v];
    }));
    return el('section', { className: 'panel', id: 'collection-form' }, el('h2', {}, '项目信息采集表'),
      el('p', { className: 'muted' }, form.collectedBy ? `采集人：${form.collectedBy}，${dateTime(form.collectedAt)}` : '尚未与企业核实填写（以下为企业申请时所填）'),
      el('table', {}, el('tbody', {}, rows)),
      editable ? el('button', { id: 'save-collection-form', onclick: () => guarded(async () => {
        await api(`/api/staff/cases/${caseId}/collection-form`, { method: 'PUT', body: read() });
        toast('采集表已保存');
        render();
      }) }, '保存采集表') : '');
  }

  function reviewName(review) {
    return { Pending: '待审查', Passed: '通过', NeedsCorrection: '需补正' }[review] || '—';
  }

  /** A file behind the bearer token: fetched, then saved through a temporary object URL. */
  function download(path, fileName, label) {
    return el('button', { className: 'secondary', onclick: () => guarded(async () => {
      const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN) } });
      if (!response.ok) throw new Error('导出失败');
      const href = URL.createObjectURL(await response.blob());
      const a = el('a', { href, download: fileName });
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(href);
    }) }, label);
  }

  /** Hand-offs from the consultation bot: the window sees all, an agent its own; the whole transcript and a reply. */
  async function chatsPage(view, param) {
    const list = await api('/api/staff/consultations?status=HandedOff');
    view.append(el('section', { className: 'panel' }, el('h2', {}, `转人工的咨询（${list.length}）`),
      table(['原因', '渠道', '负责人', '最后留言'], list.map((c) => el('tr', { 'data-chat': c.id },
        el('td', {}, el('a', { href: `#chats/${c.id}`, className: 'open-chat' }, c.handoffReason || '转人工')),
        el('td', {}, channelName(c.channel)),
        el('td', {}, c.agentName || '待分配'), el('td', {}, dateTime(c.lastUserMessageAt)))), 'chats')));
    if (!param) return;
    const c = await api(`/api/staff/consultations/${param}`);
    const reply = el('textarea', { id: 'chat-reply', maxlength: 1000, placeholder: '回复企业' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '对话记录'),
      table(['时间', '谁', '内容'], c.messages.map((m) => el('tr', {}, el('td', {}, dateTime(m.at)),
        el('td', {}, { User: '企业', Bot: '机器人', Agent: '工作人员' }[m.author] || m.author), el('td', { className: 'chat-text' }, m.text))), 'transcript'),
      c.channel === 'CustomerService' && !c.canReplyInWeChat ? el('p', { className: 'muted' }, '已超过48小时，回复只显示在小程序对话中。') : null,
      reply, el('p', {},
        el('button', { id: 'chat-send', onclick: () => guarded(async () => {
          await api(`/api/staff/consultations/${c.id}/replies`, { method: 'POST', body: { text: reply.value } });
          toast('已回复');
          render();
        }) }, '发送'), ' ',
        el('button', { className: 'secondary', onclick: () => guarded(async () => {
          await api(`/api/staff/consultations/${c.id}/close`, { method: 'POST' });
          toast('已结束');
          location.hash = '#chats';
        }) }, '结束咨询'))));
  }

  async function overduePage(view) {
    const rows = await api('/api/staff/supervision/overdue');
    const month = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
    view.append(el('p', {}, download(`/api/staff/exports/monthly?month=${month}`, `月度统计-${month}.xlsx`, `导出${month}月度统计`)));
    view.append(el('section', { className: 'panel' }, el('h2', {}, `逾期事项（${rows.length}）`),
      table(['逾期', '案件', '事项', '部门', '代办员', '应办结'], rows.map((r) => el('tr', {},
        el('td', {}, el('span', { className: 'tag danger' }, `${r.workingDaysOverdue}个工作日`)), el('td', {}, el('a', { href: `#case/${r.caseId}`, className: 'open-case' }, r.caseNumber)), el('td', {}, r.itemName),
        el('td', {}, r.departmentName), el('td', {}, r.agentName || '—'), el('td', {}, r.dueOn))), 'overdue')));
  }

  async function dashboardPage(view) {
    const d = await api('/api/staff/supervision/dashboard');
    const distribution = el('canvas', { id: 'satisfaction-chart', height: 200 });
    const trend = el('canvas', { id: 'trend-chart', height: 200 });
    view.append(el('div', { className: 'grid' },
      el('section', { className: 'panel' }, el('h2', {}, '满意度分布'), distribution),
      el('section', { className: 'panel' }, el('h2', {}, '满意度趋势（月均分）'), trend)));
    chart(distribution, 'bar', d.satisfaction.map((s) => s.name), [{
      label: '评价数', data: d.satisfaction.map((s) => s.count),
      backgroundColor: d.satisfaction.map((s) => (s.level === 'Dissatisfied' || s.level === 'VeryDissatisfied' ? '#d54941' : '#1f5fbf')),
    }]);
    chart(trend, 'line', d.trend.map((t) => t.month), [{ label: '月均分（5分制）', data: d.trend.map((t) => (t.evaluations ? t.averageScore : null)), borderColor: '#1f5fbf', spanGaps: true }],
      { y: { min: 1, max: 5 } });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '代办员（队伍建设考核）'),
      table(['代办员', '在办案件', '已办结事项', '按时率', '评价数', '平均分', '差评'], d.agents.map((a) => el('tr', { 'data-agent': a.name },
        el('td', {}, a.name), el('td', { className: 'open-cases' }, a.openCases), el('td', {}, a.itemsDecided), el('td', {}, percent(a.onTimeRate)),
        el('td', {}, a.evaluations), el('td', {}, a.averageScore ?? '—'), el('td', {}, a.badReviews))), 'agents')));
    view.append(el('div', { className: 'grid' },
      el('section', { className: 'panel' }, el('h2', {}, '部门时效'),
        table(['部门', '已办结', '按时率', '当前逾期'], d.departments.map((x) => el('tr', {}, el('td', {}, x.name), el('td', {}, x.itemsDecided), el('td', {}, percent(x.onTimeRate)), el('td', {}, x.overdueNow))))),
      el('section', { className: 'panel' }, el('h2', {}, '差评与整改'),
        table(['案件', '评价', '意见', '整改'], d.badReviews.map((b) => el('tr', {}, el('td', {}, el('a', { href: `#case/${b.caseId}`, className: 'open-case' }, b.caseNumber)), el('td', {}, b.level), el('td', {}, b.comment || ''),
          el('td', {}, el('span', { className: 'tag' + (b.overdue ? ' danger' : '') }, b.rectification))))))));
    const [callbacks, rectifications] = await Promise.all([api('/api/staff/supervision/callbacks'), api('/api/staff/supervision/rectifications')]);
    view.append(el('section', { className: 'panel' }, el('h2', {}, `回访任务（待回访${callbacks.filter((c) => c.status !== 'Done').length}）`),
      table(['案件', '类型', '应回访日期', '结果', '记录'], callbacks.map((c) => {
        const result = el('input', { className: 'callback-result', placeholder: '回访情况', size: 30 });
        const satisfied = el('select', {}, el('option', { value: 'true' }, '企业满意'), el('option', { value: 'false' }, '企业不满意'));
        const record = (reached) => guarded(async () => {
          await api(`/api/staff/supervision/callbacks/${c.id}`, { method: 'POST', body: { reached, result: result.value, satisfied: reached ? satisfied.value === 'true' : null } });
          toast('回访已记录');
          render();
        });
        return el('tr', { 'data-callback': c.id }, el('td', {}, c.caseNumber), el('td', {}, c.kind),
          el('td', {}, el('span', { className: 'tag' + (c.overdue ? ' danger' : '') }, c.dueOn)), el('td', {}, c.result || '—'),
          el('td', {}, c.status === 'Done' ? '已回访' : [result, ' ', satisfied, ' ', el('button', { className: 'secondary', onclick: () => record(true) }, '已联系'), ' ',
            el('button', { className: 'secondary', onclick: () => record(false) }, '未联系上')]));
      }), 'callbacks')));
    view.append(el('section', { className: 'panel' }, el('h2', {}, '差评整改'),
      table(['案件', '期限', '状态', '办结'], rectifications.map((r) => {
        const outcome = el('select', {}, el('option', { value: 'Rectified' }, '已整改'), el('option', { value: 'Explained' }, '已解释'), el('option', { value: 'DismissedOnReview' }, '申诉复核排除'));
        const findings = el('input', { placeholder: '核实情况' });
        const measures = el('input', { placeholder: '整改措施' });
        const feedback = el('input', { placeholder: '反馈企业情况' });
        return el('tr', { 'data-rectification': r.id }, el('td', {}, r.caseNumber), el('td', {}, el('span', { className: 'tag' + (r.overdue ? ' danger' : '') }, r.deadline)),
          el('td', {}, r.statusName), el('td', {}, r.status !== 'Open' ? r.measures || '' : [outcome, ' ', findings, ' ', measures, ' ', feedback, ' ',
            el('button', { className: 'secondary', onclick: () => guarded(async () => {
              await api(`/api/staff/supervision/rectifications/${r.id}/close`, { method: 'POST', body: { outcome: outcome.value, findings: findings.value, measures: measures.value, feedback: feedback.value } });
              toast('整改已办结');
              render();
            }) }, '办结')]));
      }), 'rectifications')));
  }

  /** A Chart.js chart (vendored, no CDN); without it the numbers are still in the tables below. */
  function chart(canvas, type, labels, datasets, scales) {
    if (typeof Chart === 'undefined') return;
    return new Chart(canvas, {
      type, data: { labels, datasets },
      options: { animation: false, responsive: true, plugins: { legend: { display: type === 'line' } }, scales: Object.assign({ y: { beginAtZero: true, ticks: { precision: 0 } } }, scales || {}) },
    });
  }

  async function issuesPage(view) {
    const me = staff();
    const window = me.roles.includes('WindowClerk') || me.roles.includes('Admin');
    const [issues, meetings] = await Promise.all([api('/api/staff/issues'), api('/api/staff/meetings')]);
    view.append(el('section', { className: 'panel' }, el('h2', {}, `难点问题工作台账（${issues.length}）`),
      window ? el('p', {}, download('/api/staff/exports/issues', '难点问题工作台账.xlsx', '导出附件3')) : null,
      table(['问题', '责任部门', '期限', '状态', '进展', '更新'], issues.map((i) => {
        const text = el('input', { className: 'issue-text', placeholder: '进展或解决情况' });
        const update = (path, done) => guarded(async () => {
          await api(`/api/staff/issues/${i.id}/${path}`, { method: 'POST', body: { text: text.value } });
          toast(done);
          render();
        });
        return el('tr', { 'data-issue': i.id }, el('td', {}, i.description), el('td', {}, i.responsibleDepartment),
          el('td', {}, el('span', { className: 'tag' + (i.overdue ? ' danger' : '') }, i.deadline)), el('td', {}, i.status), el('td', {}, i.resolution || i.progress || ''),
          el('td', {}, i.status === 'Resolved' ? '' : [text, ' ', el('button', { className: 'secondary', onclick: () => update('progress', '进展已报告') }, '报告进展'), ' ',
            el('button', { className: 'secondary', onclick: () => update('resolve', '已办结') }, '办结')]));
      }), 'issues')));

    const title = el('input', { id: 'meeting-title', placeholder: '会议名称' });
    const at = el('input', { id: 'meeting-at', type: 'datetime-local' });
    const place = el('input', { id: 'meeting-location', placeholder: '地点' });
    const departments = el('input', { id: 'meeting-departments', placeholder: '部门编码，逗号分隔（如 ZJJ,ZRGH）' });
    const agenda = el('textarea', { id: 'meeting-agenda', placeholder: '议题' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, `联审联办会议（${meetings.length}）`),
      window ? el('div', {}, title, ' ', at, ' ', place, ' ', departments, agenda, el('button', { id: 'convene', onclick: () => guarded(async () => {
        await api('/api/staff/meetings', { method: 'POST', body: {
          title: title.value, scheduledAt: at.value ? new Date(at.value + ':00+08:00').toISOString() : null, location: place.value,
          departmentCodes: departments.value.split(/[,，\s]+/).filter(Boolean), caseIds: [], agenda: agenda.value,
        } });
        toast('会议已召集');
        render();
      }) }, '召集会议')) : null,
      table(['会议', '时间', '地点', '议题', '纪要'], meetings.map((m) => el('tr', {}, el('td', {}, m.title), el('td', {}, dateTime(m.scheduledAt)), el('td', {}, m.location || ''),
        el('td', {}, m.agenda), el('td', {}, m.minutes || (window ? minutesForm(m) : '—')))), 'meetings')));
  }

  function minutesForm(m) {
    const minutes = el('textarea', { placeholder: '会议纪要' });
    const decisions = el('input', { placeholder: '议定事项' });
    return el('div', {}, minutes, decisions, ' ', el('button', { className: 'secondary', onclick: () => guarded(async () => {
      await api(`/api/staff/meetings/${m.id}/minutes`, { method: 'POST', body: { minutes: minutes.value, decisions: decisions.value } });
      toast('纪要已记录');
      render();
    }) }, '记录纪要'));
  }

  async function typicalCasesPage(view) {
    const me = staff();
    const publisher = me.roles.includes('Supervisor') || me.roles.includes('Admin');
    const cases = await api('/api/staff/typical-cases');
    const title = el('input', { id: 'typical-title', placeholder: '标题（不出现企业名称等可识别信息）', size: 50 });
    const summary = el('textarea', { id: 'typical-summary', placeholder: '案例经过（已匿名化）' });
    const highlights = el('input', { id: 'typical-highlights', placeholder: '经验做法', size: 50 });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '撰写典型案例'), title, summary, highlights, ' ',
      el('button', { id: 'typical-create', onclick: () => guarded(async () => {
        await api('/api/staff/typical-cases', { method: 'POST', body: { title: title.value, summary: summary.value, highlights: highlights.value } });
        toast('已保存，待发布');
        render();
      }) }, '保存')));
    view.append(el('section', { className: 'panel' }, el('h2', {}, `典型案例（${cases.length}）`, ),
      table(['标题', '状态', ''], cases.map((t) => el('tr', { 'data-typical': t.id }, el('td', {}, t.title), el('td', {}, t.published ? '已发布（咨询机器人可引用）' : '未发布'),
        el('td', {}, publisher ? el('button', { className: 'secondary', onclick: () => guarded(async () => {
          await api(`/api/staff/typical-cases/${t.id}/${t.published ? 'unpublish' : 'publish'}`, { method: 'POST' });
          toast(t.published ? '已撤回' : '已发布');
          render();
        }) }, t.published ? '撤回' : '发布') : ''))), 'typical-cases')));
  }

  /** A case as the window and supervision read it (督办, callbacks): everything the agent recorded, nothing to change. */
  async function caseReadPage(view, id) {
    if (!id) { location.hash = ''; return; }
    const [c, log, materials, parcels] = await Promise.all([
      api(`/api/staff/cases/${id}`), api(`/api/staff/cases/${id}/log`), api(`/api/staff/cases/${id}/materials`), api(`/api/staff/cases/${id}/parcels`),
    ]);
    view.append(el('section', { className: 'panel' }, el('h2', { id: 'case-title' }, `${c.caseNumber} · ${c.modeName} · ${c.statusName}`),
      el('p', { className: 'muted' }, c.agentName ? `代办员：${c.agentName}` : '尚未指派代办员'),
      table(['事项', '部门', '状态', '受理', '承诺办结', '批准文号'], c.items.map((i) => el('tr', { 'data-item': i.code }, el('td', {}, i.name), el('td', {}, i.departmentCode),
        el('td', {}, i.statusName), el('td', {}, i.acceptedOn || '—'), el('td', {}, i.dueOn || '—'), el('td', {}, i.resultDocumentNo || '—'))), 'items')));
    view.append(await collectionFormPanel(id, staff().roles.some((r) => r === 'WindowClerk' || r === 'Admin')));
    view.append(el('section', { className: 'panel' }, el('h2', {}, '材料登记'),
      table(['材料', '审查', '转交', '原件退还'], materials.map((m) => el('tr', {}, el('td', {}, m.name), el('td', {}, reviewName(m.review)),
        el('td', {}, m.forwardedToDepartment || '—'), el('td', {}, m.originalReturnedAt ? dateTime(m.originalReturnedAt) : '—'))), 'materials'),
      table(['方向', '邮寄材料', '快递', '收到'], parcels.map((p) => el('tr', {}, el('td', {}, p.direction === 'ToService' ? '企业寄来' : '寄回企业'),
        el('td', {}, p.contents), el('td', {}, `${p.carrier} ${p.trackingNumber}`), el('td', {}, p.receivedAt ? dateTime(p.receivedAt) : '—'))), 'parcels')));
    view.append(el('section', { className: 'panel' }, el('h2', {}, '代办日志'),
      table(['时间', '记录人', '内容'], log.map((l) => el('tr', {}, el('td', {}, dateTime(l.at)), el('td', {}, l.actorName),
        el('td', { className: 'log-text' }, l.content))), 'log')));
  }

  // Every notice addressed to me, also those the Official Account could not carry; opening one marks it read.
  async function messagesPage(view) {
    const messages = await api('/api/staff/me/messages');
    const unread = messages.filter((m) => !m.read).length;
    const opensCases = allowed().some((p) => p.id === 'cases');
    const open = (m) => guarded(async () => {
      if (!m.read) await api(`/api/staff/me/messages/${m.id}/read`, { method: 'POST' });
      if (m.caseId && opensCases) location.hash = `#cases/${m.caseId}`;
      else render();
    });
    view.append(el('section', { className: 'panel' }, el('h2', {}, `消息（未读${unread}）`),
      el('p', {}, el('button', { id: 'read-all', className: 'secondary', disabled: unread === 0, onclick: () => guarded(async () => {
        await api('/api/staff/me/messages/read-all', { method: 'POST' });
        render();
      }) }, '全部已读')),
      table(['', '消息', '内容', '时间'], messages.map((m) => el('tr', { 'data-message': m.id, className: m.read ? '' : 'unread' },
        el('td', {}, m.read ? '' : el('span', { className: 'tag danger' }, '未读')),
        el('td', {}, el('button', { className: 'link open-message', onclick: () => open(m) }, m.title)),
        el('td', { className: 'muted' }, m.detail), el('td', {}, dateTime(m.createdAt)))), 'messages')));
  }

  // Who I am, and the WeChat identities that act for my account: bind with a one-time code, see each binding and when
  // it was made, remove one I do not recognise.
  async function accountPage(view) {
    const [me, bindings] = await Promise.all([api('/api/staff/me'), api('/api/staff/me/bindings')]);
    const codeBox = el('div', { id: 'binding-code' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '我的账号'),
      el('p', {}, `${me.displayName}（${me.userName}）· ${me.roles.map((r) => ROLE_NAMES[r] || r).join('、')}`)));
    view.append(el('section', { className: 'panel', id: 'bindings' }, el('h2', {}, '微信绑定'),
      el('p', { className: 'muted' }, '绑定服务号后可接收新案件、到期提醒等模板消息；绑定小程序后可在手机上处理案件。'
        + '每次绑定都会在“消息”中提醒您；如有不认识的绑定，请立即解除并联系管理员。'),
      bindings.length === 0 ? el('p', { id: 'no-bindings' }, '尚未绑定微信。')
        : table(['类型', '微信身份', '绑定时间', ''], bindings.map((b) => el('tr', { 'data-binding': b.kind },
          el('td', {}, b.name), el('td', {}, b.openId), el('td', {}, dateTime(b.boundAt)),
          el('td', {}, el('button', { className: 'secondary unbind', onclick: () => guarded(async () => {
            if (!confirm(`解除${b.name}绑定？`)) return;
            await api(`/api/staff/me/bindings/${b.kind}`, { method: 'DELETE' });
            toast('已解除绑定');
            render();
          }) }, '解除绑定')))), 'binding-list'),
      el('p', {}, el('button', { id: 'issue-binding-code', onclick: () => guarded(async () => {
        const r = await api('/api/staff/me/binding-code', { method: 'POST' });
        codeBox.replaceChildren(el('p', {}, '绑定码：', el('strong', { className: 'code' }, r.code), `（${dateTime(r.expiresAt)}前有效）`),
          el('p', { className: 'muted' }, r.instructions));
      }) }, '生成绑定码')), codeBox));
  }

  async function adminPage(view) {
    const [members, templates, faq, catalog, channel] = await Promise.all([
      api('/api/staff/admin/staff'), api('/api/staff/admin/templates'), api('/api/staff/faq'), api('/api/catalog/stages'),
      api('/api/staff/admin/message-channel'),
    ]);
    const f = {
      userName: el('input', { id: 'staff-user', placeholder: '用户名' }), displayName: el('input', { id: 'staff-name', placeholder: '姓名' }),
      password: el('input', { id: 'staff-password', type: 'password', placeholder: '初始密码（至少10位）' }),
      role: el('select', { id: 'staff-role' }, Object.entries(ROLE_NAMES).map(([v, n]) => el('option', { value: v }, n))),
      department: el('input', { id: 'staff-department', placeholder: '部门编码（联络员）', size: 10 }),
    };
    view.append(el('section', { className: 'panel' }, el('h2', {}, `工作人员（${members.length}）`),
      el('p', {}, f.userName, ' ', f.displayName, ' ', f.password, ' ', f.role, ' ', f.department, ' ', el('button', { id: 'staff-create', onclick: () => guarded(async () => {
        await api('/api/staff/admin/staff', { method: 'POST', body: { userName: f.userName.value, displayName: f.displayName.value, password: f.password.value, roles: [f.role.value], departmentCode: f.department.value || null } });
        toast('已新增');
        render();
      }) }, '新增')),
      table(['用户名', '姓名', '角色', '外出/休假至', '微信绑定', '在岗', ''], members.map((m) => {
        const away = el('input', { type: 'date', value: m.awayUntil || '' });
        return el('tr', { 'data-staff': m.userName }, el('td', {}, m.userName), el('td', {}, m.displayName), el('td', {}, m.roles.map((r) => ROLE_NAMES[r] || r).join('、')),
          el('td', {}, away, ' ', el('button', { className: 'secondary', onclick: () => guarded(async () => {
            await api(`/api/staff/admin/staff/${m.id}`, { method: 'PUT', body: { awayUntil: away.value || '' } });
            toast('已更新');
            render();
          }) }, '保存')), el('td', { className: 'bindings' }, m.bindings.length === 0 ? '—' : m.bindings.map((b) =>
            el('div', {}, `${b.name} ${b.openId}（${dateTime(b.boundAt)}）`, ' ', el('button', { className: 'link unbind', onclick: () => guarded(async () => {
              if (!confirm(`解除${m.displayName}的${b.name}绑定？其在小程序中的工作人员登录将同时失效。`)) return;
              await api(`/api/staff/admin/staff/${m.id}/bindings/${b.kind}`, { method: 'DELETE' });
              toast('已解除绑定');
              render();
            }) }, '解除')))), el('td', {}, m.active ? '是' : '否'),
          el('td', {}, m.active ? el('button', { className: 'secondary', onclick: () => guarded(async () => {
            await api(`/api/staff/admin/staff/${m.id}`, { method: 'PUT', body: { active: false } });
            toast('已停用');
            render();
          }) }, '停用') : ''));
      }), 'staff')));

    view.append(el('section', { className: 'panel', id: 'message-channel' }, el('h2', {}, '微信消息通道'),
      el('p', {}, `最近一次推送：${channel.lastPushAt ? dateTime(channel.lastPushAt) : '—'}；待处理推送 ${channel.pushesWaiting} 条`
        + (channel.oldestWaitingSince ? `（最早 ${dateTime(channel.oldestWaitingSince)}）` : '')
        + `；已放弃 ${channel.pushesGivenUp} 条。待发送通知 ${channel.notificationsWaiting} 条，发送失败 ${channel.notificationsFailed} 条，`
        + `近24小时仅站内可见 ${channel.notificationsInAppOnlyToday} 条。`),
      el('p', { className: 'muted', id: 'push-retention' }, channel.pushRecordsKeptDays > 0
        ? `推送记录在处理完成或放弃 ${channel.pushRecordsKeptDays} 天后自动删除（含用户发送的内容），请及时查看已放弃的推送。`
        : '推送记录长期保留（未设置保留天数）。'),
      el('h3', {}, '最近放弃的推送'),
      table(['编号', '渠道', '类型', '尝试次数', '最后错误', '收到时间'], channel.recentlyGivenUp.map((m) =>
        el('tr', {}, el('td', {}, String(m.id)), el('td', {}, m.channel === 'OfficialAccount' ? '公众号' : '小程序'), el('td', {}, m.event ? `${m.msgType}/${m.event}` : m.msgType),
          el('td', {}, String(m.attempts)), el('td', {}, m.lastError || '—'), el('td', {}, dateTime(m.receivedAt)))), 'pushes-given-up')));

    view.append(el('section', { className: 'panel', id: 'background-jobs' }, el('h2', {}, '后台任务'),
      el('p', { className: 'muted' }, '提醒、通知发送、推送记录清理等定时任务的运行情况、失败重试与手动触发（Hangfire 面板，一小时内有效，仅管理员）。'),
      el('button', { id: 'open-dashboard', onclick: () => guarded(async () => {
        const session = await api('/api/staff/dashboard-session', { method: 'POST' });
        location.assign(session.path);
      }) }, '打开后台任务面板')));

    const day = el('input', { id: 'holiday-date', type: 'date' });
    const kind = el('select', { id: 'holiday-kind' }, el('option', { value: 'Holiday' }, '放假'), el('option', { value: 'MakeUpWorkday' }, '调休上班'), el('option', { value: 'Normal' }, '恢复正常'));
    const name = el('input', { id: 'holiday-name', placeholder: '节日名称' });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '节假日'), el('p', { className: 'muted' }, '按国务院办公厅通知调整；在办事项的承诺办结日期随即按新日历重新计算，调整情况记入案件日志并告知企业。'),
      day, ' ', kind, ' ', name, ' ', el('button', { id: 'holiday-save', onclick: () => guarded(async () => {
        const saved = await api(`/api/staff/admin/calendar/${day.value}`, { method: 'PUT', body: { kind: kind.value, name: name.value } });
        toast(saved.casesReplanned > 0 ? `已保存，${saved.casesReplanned}个在办案件的承诺办结日期已按新日历调整` : '已保存');
      }) }, '保存')));

    const items = catalog.flatMap((stage) => stage.items);
    const KIND = { 核心: [true, false], 容缺: [false, true], 一般: [false, false] };
    view.append(el('section', { className: 'panel' }, el('h2', {}, '审批事项承诺时限与材料'),
      table(['编码', '事项', '部门', '承诺时限（工作日）', '材料'], items.map((i) => {
        const days = el('input', { type: 'number', min: 0, max: 365, value: i.promisedDays ?? '', size: 4 });
        const lines = el('textarea', { className: 'materials', rows: Math.max(3, i.materials.length) },
          i.materials.map((m) => `${m.name}|${m.core ? '核心' : m.deferrable ? '容缺' : '一般'}`).join('\n'));
        const save = (body, done) => guarded(async () => {
          await api(`/api/staff/admin/catalog/${i.code}`, { method: 'PUT', body });
          toast(done);
        });
        return el('tr', { 'data-item': i.code }, el('td', {}, i.code), el('td', {}, i.name), el('td', {}, i.department),
          el('td', {}, days, ' ', el('button', { className: 'secondary', onclick: () => save({ promisedDays: Number(days.value) }, '已更新，咨询机器人同步使用新时限') }, '保存')),
          el('td', {}, el('details', {}, el('summary', {}, `${i.materials.length}项`), el('p', { className: 'muted' }, '每行一项：名称|核心/容缺/一般'), lines,
            el('button', { className: 'secondary', onclick: () => save({
              materials: lines.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
                const [name, kind] = l.split('|').map((x) => (x || '').trim());
                const [core, deferrable] = KIND[kind] || KIND['一般'];
                return { name, core, deferrable };
              }),
            }, '材料清单已更新') }, '保存材料'))));
      }), 'catalog')));

    const code = el('input', { id: 'department-code', placeholder: '部门编码', size: 8 });
    const deptName = el('input', { id: 'department-name', placeholder: '新名称', size: 30 });
    view.append(el('section', { className: 'panel' }, el('h2', {}, '部门'), code, ' ', deptName, ' ',
      el('button', { className: 'secondary', onclick: () => guarded(async () => {
        await api(`/api/staff/admin/departments/${encodeURIComponent(code.value)}`, { method: 'PUT', body: { name: deptName.value } });
        toast('部门名称已更新');
      }) }, '更名')));

    view.append(el('section', { className: 'panel' }, el('h2', {}, '咨询机器人常见问题'),
      table(['问题', '答案', ''], faq.map((q) => {
        const answer = el('textarea', {}, q.answer);
        return el('tr', { 'data-faq': q.key }, el('td', {}, q.question), el('td', {}, answer), el('td', {}, el('button', { className: 'secondary', onclick: () => guarded(async () => {
          await api(`/api/staff/faq/${q.key}`, { method: 'PUT', body: { answer: answer.value } });
          toast('已更新，知识库已重建');
        }) }, '保存')));
      }), 'faq')));

    view.append(el('section', { className: 'panel' }, el('h2', {}, '消息模板'), el('p', { className: 'muted' }, '模板编号在服务器配置 WeChat:Templates 中维护。'),
      table(['用途', '模板编号'], templates.map((t) => el('tr', {}, el('td', {}, t.key), el('td', {}, t.templateId))), 'templates')));
  }

  // --- shell -------------------------------------------------------------------------------------------------

  function signOut() {
    // The session ends on the server too (with the dashboard sessions opened from it), and the dashboard cookie goes
    // (keepalive: the page reloads at once).
    const token = sessionStorage.getItem(TOKEN);
    if (token) {
      fetch('/api/staff/auth/logout', { method: 'POST', keepalive: true, headers: { Authorization: 'Bearer ' + token } })
        .catch(() => {});
    }
    fetch('/api/staff/dashboard-session', { method: 'DELETE', keepalive: true }).catch(() => {});
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(STAFF);
    location.hash = '';
    location.reload();
  }

  async function render() {
    const pages = allowed();
    const me = staff();
    const nav = document.getElementById('nav');
    if (!me) {
      const ended = sessionStorage.getItem(ENDED);
      if (ended) document.getElementById('sign-in-error').textContent = ended;
      sessionStorage.removeItem(ENDED);
      return;
    }
    document.getElementById('sign-in')?.remove();
    document.getElementById('me').hidden = false;
    document.getElementById('me-name').textContent = me.displayName;
    nav.hidden = false;
    const [route, param] = location.hash.replace(/^#/, '').split('/');
    const page = pages.find((p) => p.id === route) || pages[0];
    nav.replaceChildren(...pages.filter((p) => !p.hidden).map((p) => el('a', { href: '#' + p.id, id: 'nav-' + p.id, className: p === page ? 'active' : '' }, p.name)));
    // The unread count beside 消息, refreshed with every page.
    api('/api/staff/me/messages/unread-count').then((r) => {
      const link = document.getElementById('nav-messages');
      if (link) link.textContent = r.unread > 0 ? `消息（${r.unread}）` : '消息';
    }).catch(() => {});
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
