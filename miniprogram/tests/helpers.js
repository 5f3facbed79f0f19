const path = require('path')
const simulate = require('miniprogram-simulate')
const screens = require('./screens')

const ROOT = path.join(__dirname, '..')

/** Loads a page as a component (simulate has no Page): lifecycles become methods we call by hand. Once per file. */
function loadPage(page) {
  const id = loadAsComponent(page)
  pages.set(id, page)
  return id
}

const pages = new Map()

function loadAsComponent(page) {
  const saved = global.Page
  global.Page = (def) => {
    const { data = {}, ...rest } = def
    const methods = {}
    for (const k in rest) if (typeof rest[k] === 'function') methods[k] = rest[k]
    global.Component({ data, methods })
  }
  try {
    return simulate.load(path.join(ROOT, page), { rootPath: ROOT })
  } finally {
    global.Page = saved
  }
}

function loadComponent(component) {
  return simulate.load(path.join(ROOT, component), { rootPath: ROOT })
}

function render(id, props) {
  const comp = simulate.render(id, props)
  comp.attach(document.createElement('parent-wrapper'))
  return pages.has(id) ? screens.track(comp, pages.get(id)) : comp
}

/**
 * A fake Daiban server behind wx.request / wx.login / wx.uploadFile: routes are "METHOD /path" → (data, header) =>
 * { status, body }. Every call is recorded.
 */
function fakeServer(routes) {
  const calls = []
  const storage = {}
  wx.getStorageSync = jest.fn((k) => storage[k] || '')
  wx.setStorageSync = jest.fn((k, v) => { storage[k] = v })
  wx.removeStorageSync = jest.fn((k) => { delete storage[k] })
  wx.login = jest.fn(({ success }) => success({ code: 'code-' + calls.length }))
  wx.showToast = jest.fn()
  wx.navigateTo = jest.fn()
  wx.redirectTo = jest.fn()
  wx.requestSubscribeMessage = jest.fn(({ success }) => success({}))
  const handle = (method, url, data, header) => {
    const pathOnly = url.replace(/^https?:\/\/[^/]+/, '')
    calls.push({ method, url: pathOnly, data, header })
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ')
      return m === method && (p === pathOnly || (p.endsWith('*') && pathOnly.startsWith(p.slice(0, -1))))
    })
    if (!key) return { status: 404, body: { title: '未找到请求的内容' } }
    return routes[key](data, header, pathOnly)
  }
  wx.request = jest.fn((o) => {
    const r = handle(o.method || 'GET', o.url, o.data, o.header)
    setTimeout(() => (r.fail ? o.fail({}) : o.success({ statusCode: r.status || 200, data: r.body })), 0)
  })
  wx.uploadFile = jest.fn((o) => {
    const r = handle('UPLOAD', o.url, o.formData, o.header)
    setTimeout(() => o.success({ statusCode: r.status || 200, data: JSON.stringify(r.body) }), 0)
  })
  return { calls, storage }
}

/** Waits in small steps (up to `ms`) until `predicate` holds: for work a tap starts without handing back a promise. */
async function until(predicate, ms = 2000) {
  for (let waited = 0; !predicate() && waited < ms; waited += 10) await simulate.sleep(10)
}

module.exports = { loadPage, loadComponent, render, fakeServer, simulate, ROOT, until, screen: screens.screen }
