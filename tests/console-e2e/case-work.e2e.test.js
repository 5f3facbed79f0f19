// A case followed by the people who work it: the window from its queue, the agent from 我的案件, supervision from
// the search box. Each sees whose case it is, what it waits for (worded for them) and only the steps its state allows.
const { launch, signIn, shot } = require('./browser')

const AGENTS = { 李强: 'liqiang', 张丽: 'zhangli', 赵刚: 'zhaogang' }
const REQUEST = '土地已摘牌，年后想开工，先办施工许可'

let browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser.close() })

/** A staff API call as <userName>, for arranging what the test does not click through. */
async function staffApi(userName) {
  const base = process.env.E2E_BASE
  const login = await fetch(base + '/api/staff/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password: process.env.E2E_PASSWORD }),
  }).then((r) => r.json())
  return async (path, body) => {
    const r = await fetch(base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + login.token },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
}

/** A walk-in 代办 application the window typed in; answers the case. */
async function walkIn(enterpriseName, creditCode, phone) {
  const clerk = await staffApi('wangmin')
  return clerk('/api/staff/cases', {
    enterpriseName, creditCode, contactName: '刘页眉', contactPhone: phone, mode: 'Agency',
    items: ['S3-01', 'S3-03'], request: REQUEST,
    project: { name: enterpriseName.replace('有限公司', '新厂房'), location: '乳山市', investmentType: 'Social', kind: 'Industrial' },
  })
}

/** The header's facts as the page shows them. */
async function facts(page) {
  return page.evaluate(() => Object.fromEntries(['enterprise', 'project', 'contact', 'agent', 'status', 'due', 'request']
    .map((k) => [k, document.getElementById('case-' + k)?.textContent ?? null])
    .concat([['next', document.getElementById('next-step')?.textContent ?? null]])))
}

test('the window, the agent and supervision each see whose case it is and what it waits for', async () => {
  const made = await walkIn('乳山市页眉机械有限公司', '91371083MA0070048E', '13806317004')
  const clerk = await signIn(browser.context, 'wangmin')
  const row = `#registered tr[data-case="${made.caseNumber}"]`
  await clerk.waitForSelector(row)
  // From the queue: 详情 opens the header under the row, with the enterprise's own words.
  await clerk.click(`${row} button.details`)
  await clerk.waitForSelector('#registered tr.case-details #next-step')
  expect(await facts(clerk)).toMatchObject({
    enterprise: '乳山市页眉机械有限公司', contact: '刘页眉（13806317004）', agent: '尚未指派', next: '待您指派代办员',
    request: REQUEST,
  })
  await shot(clerk, 'dispatch-details')
  await clerk.click(`${row} button.suggest`)
  await clerk.waitForSelector(`${row} .explain`)
  const agentName = (await clerk.textContent(`${row} .explain`)).match(/建议：(李强|张丽|赵刚)/)[1]
  await clerk.click(`${row} button.accept`)
  await clerk.waitForFunction((sel) => !document.querySelector(sel), row)

  // The agent opens it from 我的案件: the phone whole, the next step theirs.
  const agent = await signIn(browser.context, AGENTS[agentName])
  await agent.click(`#my-cases tr[data-case="${made.caseNumber}"] a.open-case`)
  await agent.waitForSelector('#next-step')
  expect(await facts(agent)).toMatchObject({
    enterprise: '乳山市页眉机械有限公司', project: '乳山市页眉机械新厂房', contact: '刘页眉（13806317004）',
    agent: agentName, status: '已指派代办员', next: '待您开始办理', request: REQUEST,
  })
  await shot(agent, 'workbench-header')

  // Supervision finds it by the enterprise's name: the agent named, the phone masked.
  const supervisor = await signIn(browser.context, 'chenjing')
  await supervisor.fill('#case-search', '页眉机械')
  await supervisor.click('#view-find button.find')
  await supervisor.waitForSelector(`#my-cases tr[data-case="${made.caseNumber}"] a.open-case`)
  await supervisor.click(`#my-cases tr[data-case="${made.caseNumber}"] a.open-case`)
  await supervisor.waitForSelector('#next-step')
  expect(await facts(supervisor)).toMatchObject({
    contact: '刘页眉（138****7004）', agent: agentName, next: `待代办员${agentName}开始办理`, request: REQUEST,
  })
  expect(await supervisor.$('#view-case button')).toBeNull()
  await shot(supervisor, 'case-read-header')
  for (const p of [clerk, agent, supervisor]) await p.close()
})
