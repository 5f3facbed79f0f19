// Subscribe-message consent, asked at the taps that make it natural. WeChat shows wx.requestSubscribeMessage only
// when it is called straight from a tap (not after a network reply) and with at most three templates, so the ids
// are loaded beforehand (load(), on the page's onLoad) and ask() is called first thing in the tap handler. WeChat
// grants one message per accepted template and pushes the choice to the server; the result is also reported here,
// which the server records without counting one acceptance twice.
const api = require('./api')

// Each tap and the notices it leads to (the server's notice keys), at most three.
const STEPS = {
  applyFullService: ['case-registered', 'agent-assigned', 'plan-to-agree'],
  apply: ['case-registered', 'agent-assigned', 'materials-needed'],
  agreePlan: ['materials-needed', 'item-approved', 'results-ready'],
  upload: ['materials-needed', 'item-approved', 'delivery-sent'],
  confirmReceipt: ['evaluation-invite'],
}

// The case page's 接收进度提醒 tap asks for what the case's state leads to next, so every mode (also 帮办/代办,
// who never agree a plan) can consent to each key; case-closed (not accepted) can only come before registration.
const NEXT_BY_STATUS = {
  Submitted: ['case-registered', 'case-closed', 'agent-assigned'],
  Registered: ['agent-assigned', 'materials-needed', 'item-approved'],
  Assigned: ['materials-needed', 'item-approved', 'results-ready'],
  PlanProposed: ['materials-needed', 'item-approved', 'results-ready'],
  PlanAgreed: ['materials-needed', 'item-approved', 'results-ready'],
  InProgress: ['item-approved', 'results-ready', 'delivery-sent'],
  AwaitingMaterials: ['materials-needed', 'item-approved', 'delivery-sent'],
  ResultsReady: ['delivery-sent', 'evaluation-invite'],
  Delivered: ['evaluation-invite'],
}

let ids = {}
let loading = null

/** The template id of each notice key, from the server (GET /api/mp/subscriptions); once per app run. */
function load() {
  if (!loading) {
    loading = api.request({ url: '/api/mp/subscriptions' }).then((states) => {
      ids = {}
      for (const s of states) if (s.templateId) ids[s.templateKey] = s.templateId
      return ids
    }, (e) => { loading = null; throw e })
  }
  return loading.catch(() => ids)
}

/** Forgets the loaded ids (tests; a new login). */
function reset() {
  ids = {}
  loading = null
}

function keysFor(step, status) {
  return (step === 'next' ? NEXT_BY_STATUS[status] : STEPS[step]) || []
}

/**
 * Asks consent for a step's keys. Call it synchronously from the tap, before anything is awaited; the promise
 * settles once the choice is reported (never rejects: a refused popup changes nothing).
 */
function ask(step, status) {
  const tmplIds = keysFor(step, status).map((k) => ids[k]).filter(Boolean).slice(0, 3)
  if (tmplIds.length === 0) return Promise.resolve({})
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({ tmplIds, success: resolve, fail: () => resolve({}) })
  }).then((result) => {
    const results = {}
    for (const id of tmplIds) if (typeof result[id] === 'string') results[id] = result[id]
    if (Object.keys(results).length === 0) return result
    return api.request({ url: '/api/mp/subscriptions', method: 'POST', data: { results } }).then(() => result, () => result)
  })
}

module.exports = { load, ask, reset, keysFor, STEPS, NEXT_BY_STATUS }
