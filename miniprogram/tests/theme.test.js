const fs = require('fs')
const path = require('path')
const { ROOT } = require('./helpers')

const APP = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
const BLUE = '#1f5fbf'

describe('the app in its colour', () => {
  test('every tab has a grey and a blue icon: an 81×81 PNG within WeChat\'s 40 KB', () => {
    expect(APP.tabBar.selectedColor).toBe(BLUE)
    for (const tab of APP.tabBar.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/^images\/.+\.png$/)
        const file = path.join(ROOT, icon)
        expect(fs.existsSync(file)).toBe(true)
        const png = fs.readFileSync(file)
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        expect(png.length).toBeLessThanOrEqual(40 * 1024)
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81]) // IHDR width, height
      }
      expect(tab.selectedIconPath).not.toBe(tab.iconPath)
    }
  })

  test('app.wxss gives Vant\'s primary colour variables the app\'s blue on the page', () => {
    const wxss = fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    const page = /(^|\n)page\s*\{([^}]*)\}/.exec(wxss)[2]
    const value = (name) => (new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(page) || [])[1]
    expect(value('--button-primary-background-color')).toBe(BLUE)
    expect(value('--button-primary-border-color')).toBe(BLUE)
  })

  test('every Vant component in use reads only colour variables app.wxss sets', () => {
    // A Vant component added later with its own primary variable (a tag, a switch) must be themed too.
    const used = new Set()
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.json')) {
        Object.values(JSON.parse(fs.readFileSync(p, 'utf8')).usingComponents || {})
          .filter((c) => c.includes('@vant/weapp')).forEach((c) => used.add(c))
      }
    })
    walk(path.join(ROOT, 'pages'))
    walk(path.join(ROOT, 'components'))
    expect(used.size).toBeGreaterThan(0)
    const wxss = fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8')
    for (const c of used) {
      // Read from the package itself: miniprogram_npm/ exists only after `npm run build:npm`.
      const file = c.replace('/miniprogram_npm/@vant/weapp/', 'node_modules/@vant/weapp/lib/') + '.wxss'
      const css = fs.readFileSync(path.join(ROOT, file), 'utf8')
      const primary = [...new Set(css.match(/--[a-z-]*primary[a-z-]*(?=,)/g) || [])]
      for (const name of primary) expect(wxss).toContain(`${name}:`)
    }
  })
})
