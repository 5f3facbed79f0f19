// The mini-program's pages as a phone shows them: every HTML picture the mini-program tests saved (tests/screens.js
// there) opened in chromium at 375×812 and saved as mp-<name>.png beside the console's screenshots. Every page of
// app.json must have at least one picture, so a new page cannot go unseen.
const fs = require('fs')
const path = require('path')
const { launch } = require('./browser')

const ROOT = path.join(__dirname, '..', '..')
const SCREENS = process.env.MP_SCREENS || path.join(ROOT, '.test-run', 'mp-screens')
const APP = JSON.parse(fs.readFileSync(path.join(ROOT, 'miniprogram', 'app.json'), 'utf8'))

let browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser.close() })

test('every mini-program page has a picture at 375×812', async () => {
  const files = fs.existsSync(SCREENS) ? fs.readdirSync(SCREENS).filter((f) => f.endsWith('.html')) : []
  expect(files.length).toBeGreaterThan(0) // the mini-program tests write them; ./test.sh runs those first
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 375, height: 812 })
  const shown = new Set()
  for (const file of files) {
    await page.goto('file://' + path.join(SCREENS, file))
    shown.add(await page.evaluate(() => document.documentElement.dataset.page))
    // Nothing wider than the phone: a long name must wrap, not push the page sideways.
    expect({ file, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ file, width: 375 })
    await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'mp-' + file.replace(/\.html$/, '.png')), fullPage: true })
  }
  await page.close()
  expect(APP.pages.filter((p) => !shown.has(p))).toEqual([])
})
