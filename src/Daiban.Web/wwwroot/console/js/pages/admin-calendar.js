// 系统管理 › 节假日: a month of the business calendar (Monday first), each day said in words — 节假日, 调休上班,
// 周末 or 工作日 — and beside it the editor that changes one day. Choosing a day in the month fills the editor.
import { act } from '../actions.js';
import { api } from '../lib/api.js';
import { el, guarded, select } from '../lib/dom.js';
import { chinaMonth, chinaToday } from '../lib/format.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** How each kind of day reads, and its class in the grid. */
const KINDS = {
  Holiday: { word: '节假日', className: 'holiday' },
  MakeUpWorkday: { word: '调休上班', className: 'make-up' },
  Weekend: { word: '周末', className: 'weekend' },
  Workday: { word: '工作日', className: 'workday' },
};

/** yyyy-MM-dd of a day of a month (month 1–12). */
function iso(year, month, day) {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export async function calendarPanel() {
  const [year, month] = chinaMonth().split('-').map(Number);
  const state = { year, month, days: new Map(), loadedYear: null };
  const editor = calendarEditor(async () => { state.loadedYear = null; await showMonth(); });
  const yearInput = el('input', { id: 'calendar-year', type: 'number', min: 2000, max: 2100, value: year, size: 6 });
  const monthSelect = select({ id: 'calendar-month' },
    Array.from({ length: 12 }, (_, i) => [i + 1, `${i + 1}月`]), month);
  const grid = el('div', { id: 'calendar-month-view', 'aria-live': 'polite' });

  /** Reads the chosen year's days once (a year at a time, as the server gives them) and draws the month. */
  async function showMonth() {
    if (state.loadedYear !== state.year) {
      const days = await api(`/api/calendar/days?year=${state.year}`);
      state.days = new Map(days.map((d) => [d.date, d]));
      state.loadedYear = state.year;
    }
    grid.replaceChildren(monthGrid(state, editor.choose));
  }
  const go = (y, m) => guarded(async () => {
    state.year = y;
    state.month = m;
    yearInput.value = y;
    monthSelect.value = String(m);
    await showMonth();
  });
  const step = (by) => {
    const index = state.year * 12 + (state.month - 1) + by;
    return go(Math.floor(index / 12), (index % 12) + 1);
  };
  yearInput.addEventListener('change', () => go(Number(yearInput.value) || year, state.month));
  monthSelect.addEventListener('change', () => go(state.year, Number(monthSelect.value)));
  await showMonth();

  return el('section', { className: 'panel', id: 'calendar' }, el('h2', {}, '节假日'),
    el('p', { className: 'muted' },
      '按国务院办公厅通知调整；在办事项的承诺办结日期随即按新日历重新计算，调整情况记入案件日志并告知企业。'),
    el('div', { className: 'calendar-controls' },
      el('button', { className: 'secondary', id: 'calendar-prev', onclick: () => step(-1) }, '上月'), ' ',
      el('label', { className: 'inline' }, '年份 ', yearInput), ' ',
      el('label', { className: 'inline' }, '月份 ', monthSelect), ' ',
      el('button', { className: 'secondary', id: 'calendar-next', onclick: () => step(1) }, '下月')),
    legend(), grid, editor.form);
}

function legend() {
  return el('ul', { className: 'calendar-legend', 'aria-label': '图例' }, Object.values(KINDS).map((k) =>
    el('li', {}, el('span', { className: `swatch ${k.className}`, 'aria-hidden': 'true' }), k.word)));
}

/** What a day is: the calendar's entry for it, else a weekend or a working day by the weekday. */
function kindOf(entry, weekday) {
  if (entry) return entry.kind;
  return weekday >= 5 ? 'Weekend' : 'Workday';
}

function monthGrid({ year, month, days, loadedYear }, choose) {
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const today = chinaToday();
  const cells = [...Array(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const unset = loadedYear === year && days.size === 0;
  return el('div', {},
    unset ? el('p', { className: 'muted', id: 'calendar-unset' },
      `${year}年的节假日安排尚未录入，下面只按周末显示；请在国务院办公厅发布通知后逐日录入。`) : '',
    el('table', { className: 'calendar', id: 'calendar-grid' },
      el('caption', {}, `${year}年${month}月`),
      el('thead', {}, el('tr', {}, WEEKDAYS.map((d) => el('th', { scope: 'col' }, `周${d}`)))),
      el('tbody', {}, weeks.map((week) => el('tr', {}, week.map((day, weekday) => {
        if (!day) return el('td', { className: 'empty' });
        const date = iso(year, month, day);
        const entry = days.get(date);
        const kind = kindOf(entry, weekday);
        const k = KINDS[kind];
        return el('td', { className: k.className, 'data-date': date, 'data-kind': kind },
          el('button', {
            className: 'day', type: 'button', 'aria-current': date === today ? 'date' : null,
            title: `${date} ${k.word}：在下方调整这一天`, onclick: () => choose(date, entry),
          },
          el('span', { className: 'day-number' }, String(day)),
          el('span', { className: 'day-kind' }, k.word),
          entry && entry.name ? el('span', { className: 'day-name' }, entry.name) : '',
          date === today ? el('span', { className: 'day-today' }, '今天') : ''));
      }))))));
}

/**
 * The editor of one day. The change replans running cases and tells their enterprises: the admin is told how many
 * before saving, and confirms. `saved` draws the month again.
 */
function calendarEditor(saved) {
  const day = el('input', { id: 'holiday-date', type: 'date', 'aria-label': '日期' });
  const kind = select({ id: 'holiday-kind', 'aria-label': '调整为' },
    [['Holiday', '放假'], ['MakeUpWorkday', '调休上班'], ['Normal', '恢复正常']]);
  const name = el('input', { id: 'holiday-name', placeholder: '节日名称', 'aria-label': '节日名称' });
  const save = () => guarded(async () => {
    if (!day.value) throw new Error('请选择日期');
    const impact = await api(`/api/staff/admin/calendar/${day.value}/impact`);
    const what = { Holiday: '设为放假', MakeUpWorkday: '设为调休上班', Normal: '恢复为正常日' }[kind.value];
    const effect = impact.runningCases > 0
      ? `将重新计算${impact.runningCases}个在办案件的承诺办结日期，调整情况记入案件日志并通知企业。`
      : '目前没有在办案件的期限跨过这一天，不会调整任何案件。';
    if (!confirm(`将${day.value}${what}。${effect}确定保存吗？`)) return;
    await act(`/api/staff/admin/calendar/${day.value}`, {
      method: 'PUT', body: { kind: kind.value, name: name.value }, after: saved,
      done: (r) => (r.casesReplanned > 0 ? `已保存，${r.casesReplanned}个在办案件的承诺办结日期已按新日历调整` : '已保存'),
    });
  });
  const choose = (date, entry) => {
    day.value = date;
    kind.value = entry ? entry.kind : 'Normal';
    name.value = entry ? entry.name : '';
    day.focus();
  };
  const form = el('div', { className: 'calendar-editor' }, el('h3', {}, '调整一天'),
    day, ' ', kind, ' ', name, ' ', el('button', { id: 'holiday-save', onclick: save }, '保存'));
  return { form, choose };
}
