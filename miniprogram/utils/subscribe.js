// Asks for subscribe-message consent at natural moments (after applying, after agreeing a plan). WeChat grants one
// message per accepted template and pushes the choice to the server; the result is also reported here, which the
// server records without counting one acceptance twice (it covers a deployment whose push is not set up yet).
const config = require('../config')
const api = require('./api')

function requestConsent(keys) {
  const ids = keys.map((k) => config.templates[k]).filter(Boolean)
  if (ids.length === 0) return Promise.resolve({})
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({ tmplIds: ids.slice(0, 3), success: resolve, fail: () => resolve({}) })
  }).then((result) => {
    const results = {}
    for (const id of ids) if (typeof result[id] === 'string') results[id] = result[id]
    if (Object.keys(results).length === 0) return result
    return api.request({ url: '/api/mp/subscriptions', method: 'POST', data: { results } }).then(() => result, () => result)
  })
}

module.exports = { requestConsent }
