// Where the Daiban API is. Change apiBase per deployment (it must be a request domain configured for the
// mini-program). Subscribe-message template ids come from the server (GET /api/mp/subscriptions).
module.exports = {
  apiBase: 'http://127.0.0.1:5080',
}
