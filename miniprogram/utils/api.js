// The one way the mini-program talks to Daiban: base URL from config (or app.globalData.apiBase), the bearer
// token from wx.login, Chinese problem titles surfaced as errors, one silent re-login on 401.
const config = require('../config')

const TOKEN_KEY = 'daiban.token'
const STAFF_TOKEN_KEY = 'daiban.staffToken'

class ApiError extends Error {
  constructor(message, status, body) {
    super(message)
    this.status = status
    this.body = body
  }
}

function base() {
  const app = typeof getApp === 'function' ? getApp() : null
  return (app && app.globalData && app.globalData.apiBase) || config.apiBase
}

function token() {
  return wx.getStorageSync(TOKEN_KEY) || ''
}

function send(options) {
  const header = Object.assign({ 'Content-Type': 'application/json' }, options.header || {})
  const t = options.staff ? wx.getStorageSync(STAFF_TOKEN_KEY) || '' : token()
  if (t) header.Authorization = 'Bearer ' + t
  return new Promise((resolve, reject) => {
    wx.request({
      url: base() + options.url,
      method: options.method || 'GET',
      data: options.data,
      header,
      success(res) {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.data)
        else reject(new ApiError((res.data && res.data.title) || '请求未能完成，请稍后再试', res.statusCode, res.data))
      },
      fail() {
        reject(new ApiError('网络不可用，请检查网络后重试', 0))
      },
    })
  })
}

function login() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: ({ code }) => send({ url: '/api/mp/auth/login', method: 'POST', data: { code } })
        .then((r) => { wx.setStorageSync(TOKEN_KEY, r.token); resolve(r) }, reject),
      fail: () => reject(new ApiError('微信登录失败，请稍后重试', 0)),
    })
  })
}

async function ensureLogin() {
  if (!token()) await login()
}

/** A call that needs the user: logs in first, and once more if the token has expired. */
async function request(options) {
  await ensureLogin()
  try {
    return await send(options)
  } catch (e) {
    if (e.status !== 401) throw e
    wx.removeStorageSync(TOKEN_KEY)
    await login()
    return send(options)
  }
}

/**
 * A call of the agent pages: a staff token obtained for this WeChat user (bound to a staff member with a one-time
 * code), renewed once when it has expired. Rejects with status 403 when this WeChat is not bound to anyone.
 */
async function staffRequest(options) {
  const renew = async () => {
    const session = await request({ url: '/api/staff/auth/mini-program', method: 'POST' })
    wx.setStorageSync(STAFF_TOKEN_KEY, session.token)
    return session
  }
  if (!wx.getStorageSync(STAFF_TOKEN_KEY)) await renew()
  try {
    return await send(Object.assign({}, options, { staff: true }))
  } catch (e) {
    if (e.status !== 401) throw e
    wx.removeStorageSync(STAFF_TOKEN_KEY)
    await renew()
    return send(Object.assign({}, options, { staff: true }))
  }
}

/** A key that makes a retried submission create one thing (sent as Idempotency-Key). */
function newIdempotencyKey() {
  return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10)
}

function upload(url, filePath, formData) {
  return ensureLogin().then(() => new Promise((resolve, reject) => {
    wx.uploadFile({
      url: base() + url,
      filePath,
      name: 'file',
      formData,
      header: { Authorization: 'Bearer ' + token() },
      success(res) {
        const body = typeof res.data === 'string' ? safeParse(res.data) : res.data
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(body)
        else reject(new ApiError((body && body.title) || '上传失败，请稍后再试', res.statusCode, body))
      },
      fail() { reject(new ApiError('网络不可用，上传未完成', 0)) },
    })
  }))
}

function safeParse(text) {
  try { return JSON.parse(text) } catch (e) { return null }
}

/** Shows an error the way every page does: its Chinese title, in a toast. */
/** The key of the form field the server's refusal names by its label (`fieldLabel`), if the form has it. */
function fieldOf(e, keysByLabel) {
  const label = e && e.body && e.body.fieldLabel
  return (label && keysByLabel[label]) || null
}

function showError(e) {
  wx.showToast({ title: (e && e.message) || '操作失败', icon: 'none', duration: 3000 })
}

module.exports = {
  request, staffRequest, send, login, upload, newIdempotencyKey, showError, fieldOf, ApiError, base, TOKEN_KEY,
  STAFF_TOKEN_KEY,
}
