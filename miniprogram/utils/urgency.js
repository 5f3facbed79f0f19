const format = require('./format')

const WAITING = ['PlanProposed', 'AwaitingMaterials']

/** Days from today (China) to an ISO date: negative when overdue. */
function daysUntil(isoDate, today) {
  return Math.round((Date.parse(isoDate + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86400000)
}

function chinaToday(now) {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/** Most urgent first: overdue, then due soonest, then cases waiting on the enterprise, then the rest. */
function byUrgency(cases, today) {
  return cases.map((c) => {
    const left = c.nextDueOn ? daysUntil(c.nextDueOn, today) : null
    let urgency = '无在办时限'
    if (left !== null) urgency = left < 0 ? `逾期${-left}天` : left === 0 ? '今日到期' : `${format.day(c.nextDueOn)}到期`
    else if (WAITING.includes(c.status)) urgency = '等待企业'
    return Object.assign({}, c, { left, urgency, overdue: left !== null && left < 0 })
  }).sort((a, b) => {
    const rank = (c) => (c.left !== null ? 0 : WAITING.includes(c.status) ? 1 : 2)
    return rank(a) - rank(b) || (a.left !== null && b.left !== null ? a.left - b.left : b.id - a.id)
  })
}

module.exports = { byUrgency, chinaToday, daysUntil }
