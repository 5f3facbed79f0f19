const format = require('./format')

const WAITING = ['PlanProposed', 'AwaitingMaterials']

/**
 * Most urgent first: overdue, then due soonest, then cases waiting on the enterprise, then the rest. The days are the
 * server's working days on the business calendar (holidays, make-up days), never counted here.
 */
function byUrgency(cases) {
  return cases.map((c) => {
    const left = c.nextDueOn && typeof c.workingDaysLeft === 'number' ? c.workingDaysLeft : null
    const urgency = left !== null ? format.dueIn(left) : WAITING.includes(c.status) ? '等待企业' : '无在办时限'
    return Object.assign({}, c, { left, urgency, overdue: left !== null && left < 0 })
  }).sort((a, b) => {
    const rank = (c) => (c.left !== null ? 0 : WAITING.includes(c.status) ? 1 : 2)
    return rank(a) - rank(b) || (a.left !== null && b.left !== null ? a.left - b.left : 0) || b.id - a.id
  })
}

module.exports = { byUrgency }
