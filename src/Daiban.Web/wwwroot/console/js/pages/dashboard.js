// 监督看板: satisfaction (Chart.js charts), each agent's figures (队伍建设), each department's timeliness, bad reviews,
// the callbacks to make and the rectifications to close.
import { act } from '../actions.js';
import { api, apiPage } from '../lib/api.js';
import { el, select, table, tag } from '../lib/dom.js';
import { pageCount, percent } from '../lib/format.js';

export async function dashboardPage(view) {
  const d = await api('/api/staff/supervision/dashboard');
  const distribution = el('canvas', { id: 'satisfaction-chart', height: 200 });
  const trend = el('canvas', { id: 'trend-chart', height: 200 });
  view.append(el('div', { className: 'grid' },
    el('section', { className: 'panel' }, el('h2', {}, '满意度分布'), distribution),
    el('section', { className: 'panel' }, el('h2', {}, '满意度趋势（月均分）'), trend)));
  const bad = (level) => level === 'Dissatisfied' || level === 'VeryDissatisfied';
  chart(distribution, 'bar', d.satisfaction.map((s) => s.name), [{
    label: '评价数', data: d.satisfaction.map((s) => s.count),
    backgroundColor: d.satisfaction.map((s) => (bad(s.level) ? '#d54941' : '#1f5fbf')),
  }]);
  chart(trend, 'line', d.trend.map((t) => t.month), [{
    label: '月均分（5分制）', data: d.trend.map((t) => (t.evaluations ? t.averageScore : null)), borderColor: '#1f5fbf',
    spanGaps: true,
  }], { y: { min: 1, max: 5 } });
  view.append(el('section', { className: 'panel' }, el('h2', {}, '代办员（队伍建设考核）'),
    table(['代办员', '在办案件', '已办结事项', '按时率', '评价数', '平均分', '差评'], d.agents.map((a) =>
      el('tr', { 'data-agent': a.name }, el('td', {}, a.name), el('td', { className: 'open-cases' }, a.openCases),
        el('td', {}, a.itemsDecided), el('td', {}, percent(a.onTimeRate)), el('td', {}, a.evaluations),
        el('td', {}, a.averageScore ?? '—'), el('td', {}, a.badReviews))), 'agents')));
  view.append(el('div', { className: 'grid' },
    el('section', { className: 'panel' }, el('h2', {}, '部门时效'),
      table(['部门', '已办结', '按时率', '当前逾期'], d.departments.map((x) => el('tr', {}, el('td', {}, x.name),
        el('td', {}, x.itemsDecided), el('td', {}, percent(x.onTimeRate)), el('td', {}, x.overdueNow))))),
    el('section', { className: 'panel' }, el('h2', {}, '差评与整改'),
      table(['案件', '评价', '意见', '整改'], d.badReviews.map((b) => el('tr', {},
        el('td', {}, el('a', { href: `#case/${b.caseId}`, className: 'open-case' }, b.caseNumber)),
        el('td', {}, b.level),
        el('td', {}, b.comment || ''), el('td', {}, tag(b.rectification, b.overdue))))))));
  const [callbacks, rectifications] = await Promise.all([
    apiPage('/api/staff/supervision/callbacks'), apiPage('/api/staff/supervision/rectifications'),
  ]);
  view.append(callbacksPanel(callbacks));
  view.append(rectificationsPanel(rectifications));
}

/** 抽查回访: the callbacks to make, each recorded as reached (satisfied or not) or not reached. */
function callbacksPanel({ rows: callbacks, total }) {
  return el('section', { className: 'panel' },
    el('h2', {}, `回访任务（待回访${callbacks.filter((c) => c.status !== 'Done').length}，`
      + `${pageCount(callbacks.length, total)}）`),
    table(['案件', '类型', '应回访日期', '结果', '记录'], callbacks.map((c) => {
      const result = el('input', {
        className: 'callback-result', placeholder: '回访情况', size: 30, 'aria-label': `${c.caseNumber}回访情况`,
      });
      const satisfied = select({ 'aria-label': `${c.caseNumber}企业是否满意` },
        [['true', '企业满意'], ['false', '企业不满意']]);
      const record = (reached) => act(`/api/staff/supervision/callbacks/${c.id}`, {
        body: { reached, result: result.value, satisfied: reached ? satisfied.value === 'true' : null },
        done: '回访已记录',
      });
      return el('tr', { 'data-callback': c.id }, el('td', {}, c.caseNumber), el('td', {}, c.kind),
        el('td', {}, tag(c.dueOn, c.overdue)), el('td', {}, c.result || '—'),
        el('td', {}, c.status === 'Done' ? '已回访' : [result, ' ', satisfied, ' ',
          el('button', { className: 'secondary', onclick: () => record(true) }, '已联系'), ' ',
          el('button', { className: 'secondary', onclick: () => record(false) }, '未联系上')]));
    }), 'callbacks'));
}

/** 差评整改: each bad review's rectification, closed as rectified, explained or dismissed on review. */
function rectificationsPanel({ rows: rectifications, total }) {
  return el('section', { className: 'panel' }, el('h2', {}, `差评整改（${pageCount(rectifications.length, total)}）`),
    table(['案件', '期限', '状态', '办结'], rectifications.map((r) => {
      const outcome = select({ 'aria-label': `${r.caseNumber}整改结果` },
        [['Rectified', '已整改'], ['Explained', '已解释'], ['DismissedOnReview', '申诉复核排除']]);
      const findings = el('input', { placeholder: '核实情况', 'aria-label': `${r.caseNumber}核实情况` });
      const measures = el('input', { placeholder: '整改措施', 'aria-label': `${r.caseNumber}整改措施` });
      const feedback = el('input', { placeholder: '反馈企业情况', 'aria-label': `${r.caseNumber}反馈企业情况` });
      const close = () => act(`/api/staff/supervision/rectifications/${r.id}/close`, {
        body: { outcome: outcome.value, findings: findings.value, measures: measures.value, feedback: feedback.value },
        done: '整改已办结',
      });
      return el('tr', { 'data-rectification': r.id }, el('td', {}, r.caseNumber),
        el('td', {}, tag(r.deadline, r.overdue)),
        el('td', {}, r.statusName), el('td', {}, r.status !== 'Open' ? r.measures || '' : [outcome, ' ', findings, ' ',
          measures, ' ', feedback, ' ', el('button', { className: 'secondary', onclick: close }, '办结')]));
    }), 'rectifications'));
}

/** A Chart.js chart (vendored, no CDN); without it the numbers are still in the tables below. */
function chart(canvas, type, labels, datasets, scales) {
  const { Chart } = globalThis;
  if (Chart === undefined) return;
  return new Chart(canvas, {
    type, data: { labels, datasets },
    options: {
      animation: false, responsive: true, plugins: { legend: { display: type === 'line' } },
      scales: Object.assign({ y: { beginAtZero: true, ticks: { precision: 0 } } }, scales || {}),
    },
  });
}
