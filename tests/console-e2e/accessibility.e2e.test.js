// Every page of the console, as each role opens it, against WCAG 2.1 A and AA (axe-core): labelled inputs,
// contrast of 4.5:1 for text, names for buttons and links, one language, landmarks.
const { launch, signIn, shot, accessibilityViolations } = require('./browser')
const { AGENTS, creditCode, staffApi, walkIn } = require('./staff-api')

const ROLES = { 窗口: 'wangmin', 代办员: 'zhaogang', 监督: 'chenjing', 部门联络员: 'liuyang', 管理员: 'admin' }

let browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser.close() })

/** Waits until the page at the current address has drawn (no loading line) and checks it. */
async function check(page, where) {
  await page.waitForSelector('#main > div[id^="view-"]')
  await page.waitForFunction(() => !document.getElementById('loading'))
  return (await accessibilityViolations(page)).map((v) => `${where} ${v}`)
}

test('the sign-in page meets WCAG 2.1 AA', async () => {
  const page = await browser.context.newPage()
  await page.goto(process.env.E2E_BASE + '/console/')
  await page.waitForSelector('#sign-in-button')
  expect(await accessibilityViolations(page)).toEqual([])
  await page.close()
})

test.each(Object.entries(ROLES))('every menu page of %s meets WCAG 2.1 AA', async (role, user) => {
  const page = await signIn(browser.context, user)
  const links = await page.$$eval('#nav a', (as) => as.map((a) => a.id))
  expect(links.length).toBeGreaterThan(0)
  const found = []
  for (const id of links) {
    await page.click('#' + id)
    await page.waitForSelector('#view-' + id.replace(/^nav-/, ''))
    found.push(...await check(page, `${role} ${id}`))
  }
  expect(found).toEqual([])
  await page.close()
})

test('every 系统管理 sub-page meets WCAG 2.1 AA', async () => {
  const page = await signIn(browser.context, 'admin')
  await page.click('#nav-admin')
  await page.waitForSelector('#admin-tabs')
  const tabs = await page.$$eval('#admin-tabs a', (as) => as.map((a) => a.id))
  expect(tabs.length).toBe(8)
  const found = []
  for (const id of tabs) {
    await page.click('#' + id)
    await page.waitForSelector(`#${id}[aria-current="page"]`)
    found.push(...await check(page, `管理员 ${id}`))
    await shot(page, 'a11y-' + id)
  }
  expect(found).toEqual([])
  await page.close()
})

test('a case as its agent works it and as supervision reads it meets WCAG 2.1 AA', async () => {
  const made = await walkIn('乳山市无障碍检查机械有限公司', creditCode(70086), '13806317008')
  const assigned = await (await staffApi('wangmin'))(`/api/staff/cases/${made.id}/assignment`, {})
  const agent = await signIn(browser.context, AGENTS[assigned.agentName])
  await agent.click(`#my-cases tr[data-case="${made.caseNumber}"] a.open-case`)
  await agent.waitForSelector('#next-step')
  const found = await check(agent, '代办员 assigned case')
  // Started, each item offers its steps and their fields (受理日期, 受理号 …): checked with 报送受理 chosen.
  await agent.click('#start')
  await agent.waitForFunction(() => document.getElementById('next-step')?.textContent.includes('待报送部门'))
  await agent.selectOption('#items tr[data-item="S3-03"] select.item-step', 'Submit')
  found.push(...await check(agent, '代办员 started case'))
  await shot(agent, 'a11y-workbench')
  const supervisor = await signIn(browser.context, 'chenjing')
  await supervisor.goto(`${process.env.E2E_BASE}/console/#case/${made.id}`)
  await supervisor.waitForSelector('#next-step')
  found.push(...await check(supervisor, '监督 case'))
  expect(found).toEqual([])
  for (const p of [agent, supervisor]) await p.close()
})
