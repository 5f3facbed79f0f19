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

function shot(page, name) {
  return page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, name + '.png'), fullPage: true })
}

module.exports = { launch, signIn, shot }
