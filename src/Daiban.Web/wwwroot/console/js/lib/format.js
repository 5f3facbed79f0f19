// How values read in the console: times in China time (UTC+8 all year), and the Chinese words for the codes the
// server sends. Names the server already words (modeName, statusName, …) are shown as they come.
const CHINA_OFFSET = 8 * 3600 * 1000;

function chinaNow() {
  return new Date(Date.now() + CHINA_OFFSET).toISOString();
}

/** An instant as 3月5日 09:30 in China time; nothing for none. */
export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + CHINA_OFFSET);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

/** Today in China, yyyy-MM-dd. */
export function chinaToday() {
  return chinaNow().slice(0, 10);
}

/** This month in China, yyyy-MM. */
export function chinaMonth() {
  return chinaNow().slice(0, 7);
}

/** A datetime-local value (yyyy-MM-ddTHH:mm) read as China time, as an ISO instant; null for none. */
export function fromChinaLocal(value) {
  return value ? new Date(value + ':00+08:00').toISOString() : null;
}

export function workingDays(days) {
  return `${days}个工作日`;
}

/** How much of a paged list is shown: every row, or the first ones of how many. */
export function pageCount(shown, total) {
  return shown < total ? `共${total}条，显示前${shown}条` : `共${total}条`;
}

/** Working days left to a due date as the header says them: 剩3个工作日, 今日到期, 已逾期2个工作日. */
export function dueIn(days) {
  if (days === null || days === undefined) return '';
  if (days === 0) return '今日到期';
  return days > 0 ? `剩${workingDays(days)}` : `已逾期${workingDays(-days)}`;
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : Math.round(rate * 100) + '%';
}

/** A case as its title reads: number, service mode, status. */
export function caseTitle(c) {
  return `${c.caseNumber} · ${c.modeName} · ${c.statusName}`;
}

/** The four approval stages by number, as applications and the catalogue name them. */
export const STAGES = [[1, '立项用地规划许可'], [2, '工程建设许可'], [3, '施工许可'], [4, '竣工验收']];

export const ROLE_NAMES = {
  WindowClerk: '综合窗口', Agent: '代办员', DepartmentLiaison: '部门联络员', Supervisor: '监督', Admin: '管理员',
};

export function roleNames(roles) {
  return roles.map((r) => ROLE_NAMES[r] || r).join('、');
}

/** Where a consultation came from. */
export function channelName(channel) {
  return { CustomerService: '微信客服', MiniProgram: '小程序', Web: '网页' }[channel] || channel;
}

/** Which WeChat account a push came to. */
export function pushChannelName(channel) {
  return channel === 'OfficialAccount' ? '公众号' : '小程序';
}

/** Who wrote a line of a consultation. */
export function authorName(author) {
  return { User: '企业', Bot: '机器人', Agent: '工作人员' }[author] || author;
}

/** The 形式审查 result of a material. */
export function reviewName(review) {
  return { Pending: '待审查', Passed: '通过', NeedsCorrection: '需补正' }[review] || '—';
}

/** Which way a parcel of the free two-way mailing went. */
export function parcelDirection(direction) {
  return direction === 'ToService' ? '企业寄来' : '寄回企业';
}

/** Text typed one item a line, fields split by |: the non-empty lines, each as its trimmed fields. */
export function pipeLines(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => l.split('|').map((x) => (x || '').trim()));
}
