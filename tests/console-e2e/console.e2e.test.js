const { launch, signIn, shot } = require('./browser')

const AGENTS = { 李强: 'liqiang', 张丽: 'zhangli', 赵刚: 'zhaogang' }

let browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser.close() })

async function navNames(page) {
  return page.$$eval('#nav a', (links) => links.map((a) => a.textContent))
}

test('a wrong password is refused with a Chinese message', async () => {
  const page = await browser.context.newPage()
  await page.goto(process.env.E2E_BASE + '/console/')
  await page.fill('#user-name', 'wangmin')
  await page.fill('#password', 'wrong-password')
  await page.click('#sign-in-button')
  await page.waitForFunction(() => document.getElementById('sign-in-error').textContent.length > 0)
  expect(await page.textContent('#sign-in-error')).toBe('用户名或密码不正确')
  await page.close()
})

test('the clerk registers and assigns a case, the agent logs work on it, the supervisor sees it on the dashboard', async () => {
  const dialogs = []
  const clerk = await signIn(browser.context, 'wangmin')
  clerk.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss() })
  await clerk.waitForSelector('#submitted tbody tr[data-case]')
  const caseNumber = await clerk.getAttribute('#submitted tbody tr[data-case]', 'data-case')
  await shot(clerk, 'dispatch-queue')

  await clerk.click(`#submitted tr[data-case="${caseNumber}"] button.register`)
  await clerk.waitForSelector(`#registered tr[data-case="${caseNumber}"]`)
  await clerk.click(`#registered tr[data-case="${caseNumber}"] button.suggest`)
  await clerk.waitForSelector(`#registered tr[data-case="${caseNumber}"] .explain`)
  const explanation = await clerk.textContent(`#registered tr[data-case="${caseNumber}"] .explain`)
  expect(explanation).toMatch(/建议：(李强|张丽|赵刚)/)
  const agentName = explanation.match(/建议：(李强|张丽|赵刚)/)[1]
  await shot(clerk, 'dispatch-suggestion')
  await clerk.click(`#registered tr[data-case="${caseNumber}"] button.accept`)
  await clerk.waitForFunction((n) => !document.querySelector(`#registered tr[data-case="${n}"]`), caseNumber)

  const agent = await signIn(browser.context, AGENTS[agentName])
  expect(await navNames(agent)).toEqual(['我的案件', '联审与台账'])
  await agent.waitForSelector(`#my-cases tr[data-case="${caseNumber}"]`)
  await agent.click(`#my-cases tr[data-case="${caseNumber}"] a.open-case`)
  await agent.waitForSelector('#log-form')
  const note = '电话联系企业，约定下周现场踏勘 <script>alert("x")</script>'
  await agent.fill('#log-content', note)
  await agent.check('#log-milestone')
  await agent.click('#log-form button[type=submit]')
  await agent.waitForFunction((text) => [...document.querySelectorAll('#log .log-text')].some((td) => td.textContent === text), note)
  // The 包办 case's plan goes to the enterprise; the 形式审查 checklist lists the catalogue's materials.
  expect(await agent.$$eval('#checklist tbody tr', (rows) => rows.length)).toBeGreaterThan(5)
  await agent.fill('#plan-summary', '从立项到竣工验收全程包办，并联推进环评与施工图审查。')
  await agent.fill('#plan-steps', '企业投资项目备案|S1-01|2026-12-04\n施工图联合审图|S3-01|2027-01-15')
  await agent.click('#propose-plan')
  await agent.waitForFunction(() => document.getElementById('case-title')?.textContent.includes('方案待确认'))
  await shot(agent, 'agent-case-log')

  const supervisor = await signIn(browser.context, 'chenjing')
  expect(await navNames(supervisor)).toEqual(['逾期看板', '监督看板', '联审与台账'])
  await supervisor.click('#nav-dashboard')
  await supervisor.waitForSelector(`#agents tr[data-agent="${agentName}"]`)
  const open = Number(await supervisor.textContent(`#agents tr[data-agent="${agentName}"] .open-cases`))
  expect(open).toBeGreaterThanOrEqual(1)
  expect(await supervisor.$$eval('#satisfaction .bar', (bars) => bars.length)).toBe(5)
  await shot(supervisor, 'supervision-dashboard')

  expect(dialogs).toEqual([])
  for (const p of [clerk, agent, supervisor]) await p.close()
})

test('each role sees only its pages, and a page outside them falls back to its own', async () => {
  const expected = {
    wangmin: ['派件', '逾期看板', '联审与台账'],
    liuyang: ['联审与台账'],
    admin: ['派件', '我的案件', '逾期看板', '监督看板', '联审与台账'],
  }
  for (const [user, pages] of Object.entries(expected)) {
    const page = await signIn(browser.context, user)
    expect(await navNames(page)).toEqual(pages)
    await page.close()
  }
  const liaison = await signIn(browser.context, 'liuyang')
  await liaison.goto(process.env.E2E_BASE + '/console/#dashboard')
  await liaison.waitForSelector('#view-issues')
  expect(await liaison.$('#view-dashboard')).toBeNull()
  await liaison.close()
})
