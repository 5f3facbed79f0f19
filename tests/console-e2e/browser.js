// Debian's chromium, headless, with a fresh profile per test file (FRONTEND.md §4).
const { execSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { chromium } = require('playwright-core')

async function launch() {
  const executablePath = execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/bash' }).toString().trim()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** A fresh page signed in as <userName> (sessionStorage is per page). */
async function signIn(context, userName) {
  const page = await context.newPage()
  await page.goto(process.env.E2E_BASE + '/console/')
  await page.fill('#user-name', userName)
  await page.fill('#password', process.env.E2E_PASSWORD)
  await page.click('#sign-in-button')
  await page.waitForSelector('#nav a')
  return page
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/**
 * The page's WCAG 2.1 A and AA violations as axe-core finds them, one line per element: "rule: selector (help)".
 * axe is evaluated through the DevTools protocol, which the console's CSP (script-src 'self') does not govern.
 */
async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(() => window.axe.run(document,
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }))
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`))
}

function shot(page, name) {
  return page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, name + '.png'), fullPage: true })
}

module.exports = { launch, signIn, shot, accessibilityViolations }
