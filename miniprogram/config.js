// Where the Daiban API is, and the subscribe-message template ids (WeChat:Templates on the server).
// Change apiBase per deployment (it must be a request domain configured for the mini-program).
module.exports = {
  apiBase: 'http://127.0.0.1:5080',
  templates: {
    'case-registered': '',
    'agent-assigned': '',
    'plan-to-agree': '',
    'materials-needed': '',
    'delivery-sent': '',
    'evaluation-invite': '',
  },
}
