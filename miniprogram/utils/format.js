/** 2026-03-02T09:00:00+08:00 → 3月2日 09:00 (China time, whatever the phone's zone). */
function dateTime(iso) {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000)
  const pad = (n) => (n < 10 ? '0' + n : '' + n)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026-03-10 → 3月10日 */
function day(isoDate) {
  if (!isoDate) return ''
  const [, m, d] = isoDate.split('-').map(Number)
  return `${m}月${d}日`
}

/** The server's working days to a due date, worded as the console does: 剩3个工作日, 今日到期, 已逾期2个工作日. */
function dueIn(workingDays) {
  if (workingDays === null || workingDays === undefined) return ''
  if (workingDays === 0) return '今日到期'
  return workingDays > 0 ? `剩${workingDays}个工作日` : `已逾期${-workingDays}个工作日`
}

module.exports = { dateTime, day, dueIn }
