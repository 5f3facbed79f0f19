// Asks for subscribe-message consent at natural moments (after applying, after agreeing a plan). WeChat grants one
// message per accepted template; the server learns the choice from WeChat's push event, so nothing is posted here.
const config = require('../config')

function requestConsent(keys) {
  const ids = keys.map((k) => config.templates[k]).filter(Boolean)
  if (ids.length === 0) return Promise.resolve({})
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({ tmplIds: ids.slice(0, 3), success: resolve, fail: () => resolve({}) })
  })
}

module.exports = { requestConsent }
