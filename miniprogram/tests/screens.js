// Pictures of the mini-program without WeChat DevTools: a rendered page (miniprogram-simulate's DOM) is saved as
// one HTML file with the app's and the page's WXSS turned into CSS (rpx at 375 px wide, classes prefixed the way
// simulate prefixes them), a navigation bar and, on tab pages, the tab bar. The console's browser tests open every
// file in chromium at 375×812 and save a PNG beside the console's screenshots.
const fs = require('fs')
const path = require('path')

const ROOT = path.join(__dirname, '..')
const OUT = process.env.MP_SCREENS || path.join(ROOT, '..', '.test-run', 'mp-screens')
const APP = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))

const pageOf = new Map()

/** Remembers which page a rendered component is, so screen() finds its WXSS and title. */
function track(comp, page) {
  pageOf.set(comp, page)
  return comp
}

/** WXSS → CSS: 750rpx is the 375 px screen; `.x` becomes `.<prefix>--x`; `page` is simulate's <main>. */
function css(file, prefix) {
  if (!fs.existsSync(file)) return ''
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(-?\d*\.?\d+)rpx/g, (_, n) => `${Number(n) / 2}px`)
  return text.replace(/([^{}]+)\{([^}]*)\}/g, (_, selector, body) => {
    const s = selector.split(',').map((part) => part.trim()
      .replace(/^page\b/, 'main')
      .replace(/\.([A-Za-z_][\w-]*)/g, `.${prefix}--$1`)).join(', ')
    return `${s} {${body}}\n`
  })
}

const BASE = `
body { margin: 0; width: 375px; font-family: "WenQuanYi Micro Hei", "PingFang SC", sans-serif; background: #f5f6f8; }
wx-view, wx-form, wx-scroll-view, wx-radio-group, wx-checkbox-group, wx-picker { display: block; }
wx-text, wx-label { display: inline; }
main { display: block; }
/* The page's viewport: position: fixed inside it (a chat's input bar) sits above the tab bar, as on a phone. */
.viewport { transform: translateZ(0); min-height: 718px; }
van-button { display: inline-block; padding: 6px 14px; margin: 4px 4px 4px 0; color: #fff;
  background: var(--button-primary-background-color, #07c160); /* Vant's default green unless app.wxss sets it */
  border-radius: 4px; font-size: 14px; white-space: nowrap; }
wx-input, wx-textarea { display: block; min-height: 20px; }
wx-input[placeholder]:empty::before, wx-textarea[placeholder]:empty::before { content: attr(placeholder); color: #8a919c; }
.nav { height: 44px; line-height: 44px; text-align: center; color: #fff; font-size: 16px; }
.tabs { width: 375px; height: 50px; display: flex; background: #fff; border-top: 1px solid #e5e6eb; }
.tabs div { flex: 1; text-align: center; font-size: 12px; color: #666; padding-top: 4px; }
.tabs img { display: block; width: 27px; height: 27px; margin: 0 auto 1px; }
.tabs div.on { color: #1f5fbf; font-weight: 600; }
`

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
}

/** A tab bar item: its icon (inlined, the HTML file stands alone) over its text. */
function tab(item, on) {
  const icon = on ? item.selectedIconPath : item.iconPath
  const img = icon ? `<img alt="" src="data:image/png;base64,${fs.readFileSync(path.join(ROOT, icon)).toString('base64')}">` : ''
  return `<div class="${on ? 'on' : ''}">${img}${escape(item.text)}</div>`
}

/** Saves the page as <name>.html in OUT; the file names its page (data-page) for the completeness check. */
function screen(comp, name) {
  const page = pageOf.get(comp)
  if (!page) throw new Error('screen(): render the page with helpers.render first')
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, page + '.json'), 'utf8'))
  const components = Object.entries(json.usingComponents || {}).filter(([, p]) => !p.includes('miniprogram_npm'))
    .map(([tag, p]) => css(path.join(ROOT, p + '.wxss'), tag)).join('')
  const style = BASE + css(path.join(ROOT, 'app.wxss'), 'main') + css(path.join(ROOT, page + '.wxss'), 'main') + components
  const title = json.navigationBarTitleText || APP.window.navigationBarTitleText
  const tabs = APP.tabBar.list.some((t) => t.pagePath === page)
    ? `<nav class="tabs">${APP.tabBar.list.map((t) => tab(t, t.pagePath === page)).join('')}</nav>`
    : ''
  const html = `<!doctype html><html lang="zh-CN" data-page="${page}"><head><meta charset="utf-8"><style>${style}</style></head>`
    + `<body><div class="nav" style="background:${APP.window.navigationBarBackgroundColor}">${escape(title)}</div>`
    + `<div class="viewport">${comp.dom.outerHTML}</div>${tabs}</body></html>`
  fs.mkdirSync(OUT, { recursive: true })
  fs.writeFileSync(path.join(OUT, name + '.html'), html)
}

module.exports = { track, screen, OUT }
