// A case followed by the people who work it: the window from its queue, the agent from 我的案件, supervision from
// the search box. Each sees whose case it is, what it waits for (worded for them) and only the steps its state allows.
const { launch, signIn, shot } = require('./browser')
const { AGENTS, REQUEST, staffApi, creditCode, walkIn } = require('./staff-api')

let browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser.close() })

/** The header's facts as the page shows them. */
async function facts(page) {
  return page.evaluate(() => Object.fromEntries(['enterprise', 'project', 'contact', 'agent', 'status', 'due', 'request']
    .map((k) => [k, document.getElementById('case-' + k)?.textContent ?? null])
    .concat([['next', document.getElementById('next-step')?.textContent ?? null]])))
}

test('the window, the agent and supervision each see whose case it is and what it waits for', async () => {
  const made = await walkIn('乳山市页眉机械有限公司', creditCode(70048), '13806317004')
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

/** The workbench's case-wide buttons and each item's offered steps, as the agent sees them. */
async function offered(page) {
  return page.evaluate(() => ({
    buttons: [...document.querySelectorAll('#case-header .steps button')].map((b) => b.textContent)
      .filter((t) => !/^(附件|打印)/.test(t)),
    items: Object.fromEntries([...document.querySelectorAll('#items tr[data-item]')].map((r) =>
      [r.dataset.item, [...r.querySelectorAll('select.item-step option')].map((o) => o.textContent)])),
  }))
}

test('the agent works a case through its states and sees only the steps each state allows', async () => {
  const made = await walkIn('乳山市按钮测试机械有限公司', creditCode(70055), '13806317005')
  const clerk = await staffApi('wangmin')
  const assigned = await clerk(`/api/staff/cases/${made.id}/assignment`, {})
  const agent = await signIn(browser.context, AGENTS[assigned.agentName])
  const dialogs = []
  let answer = false
  agent.on('dialog', (d) => { dialogs.push(d.message()); answer ? d.accept() : d.dismiss() })
  const row = (code) => `#items tr[data-item="${code}"]`
  const waitNext = (text) => agent.waitForFunction((t) => document.getElementById('next-step')?.textContent === t, text)

  await agent.click(`#my-cases tr[data-case="${made.caseNumber}"] a.open-case`)
  await agent.waitForSelector('#next-step')
  // Not started: only 开始办理 (or a plan first, optional for 代办); nothing to do on an item yet.
  expect(await offered(agent)).toEqual({ buttons: ['开始办理'], items: { 'S3-01': [], 'S3-03': [] } })
  expect(await agent.$('#propose-plan')).not.toBeNull()
  // Each item names its department as 系统管理 does; the code is only the small grey line under it.
  const department = await agent.$eval(`${row('S3-03')} td:nth-child(2)`, (td) => td.innerText)
  expect(department.split('\n')).toEqual(['乳山市住房和城乡建设局', 'ZJJ'])
  await shot(agent, 'workbench-assigned')

  // A log line for staff only, written at the bottom of the page: the page stays there.
  await agent.fill('#log-content', '内部备注：企业负责人下周出差')
  await agent.uncheck('#log-visible')
  const before = await agent.evaluate(() => { document.getElementById('log-form').scrollIntoView(); return window.scrollY })
  expect(before).toBeGreaterThan(500)
  await agent.click('#log-form button[type=submit]')
  await agent.waitForFunction(() => [...document.querySelectorAll('#log tr')].some((r) => r.textContent.includes('内部备注') && r.querySelector('.log-visible').textContent === '否'))
  expect(await agent.evaluate(() => window.scrollY)).toBe(before)

  await agent.click('#start')
  await waitNext('有2项事项待报送部门')
  expect(await agent.$('#propose-plan')).toBeNull()
  expect(await offered(agent)).toEqual({
    buttons: [], items: { 'S3-01': ['准备材料', '报送受理'], 'S3-03': ['准备材料', '报送受理'] },
  })
  // 报送受理 with the day the department accepted it and its own 受理号.
  await agent.selectOption(`${row('S3-03')} select.item-step`, 'Submit')
  await agent.fill(`${row('S3-03')} input.accepted-on`, '2026-12-01')
  await agent.fill(`${row('S3-03')} input.reference`, 'SG-2026-0042')
  await agent.click(`${row('S3-03')} button.do-step`)
  await agent.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('部门审批中'), row('S3-03'))
  expect(await agent.textContent(row('S3-03'))).toContain('2026-12-01')
  expect((await offered(agent)).items['S3-03']).toEqual(['部门要求补正', '批准', '不予批准', '暂停计时'])
  await shot(agent, 'workbench-item-submitted')
  // 批准 sends the 批准文号 alone: it is what the item then shows.
  for (const code of ['S3-03', 'S3-01']) {
    if (code === 'S3-01') {
      await agent.selectOption(`${row(code)} select.item-step`, 'Submit')
      await agent.click(`${row(code)} button.do-step`)
      await agent.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('部门审批中'), row(code))
    }
    await agent.selectOption(`${row(code)} select.item-step`, 'Approve')
    await agent.fill(`${row(code)} input.result-document-no`, `乳审${code}〔2026〕12号`)
    await agent.click(`${row(code)} button.do-step`)
    await agent.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('已批准'), row(code))
    expect(await agent.textContent(`${row(code)} .item-steps`)).toBe(`批准文号：乳审${code}〔2026〕12号`)
  }
  await waitNext('全部事项已办结，待您标记办结')
  expect((await offered(agent)).buttons).toEqual(['全部办结，待送达'])
  expect(await agent.$('button:has-text("打印办结单")')).toBeNull()
  await agent.click('#results-ready')
  await agent.waitForSelector('#delivery')
  expect(await agent.$('button:has-text("打印办结单")')).not.toBeNull()
  expect((await offered(agent)).buttons).toEqual([])
  await agent.fill('#delivery-documents', '施工许可证正本')
  await agent.fill('#delivery-signed-by', '刘页眉')
  await agent.click('#deliver-in-person')
  await agent.waitForFunction(() => document.getElementById('next-step')?.textContent.startsWith('待企业评价'))
  expect((await offered(agent)).buttons).toEqual(['整理归档'])
  // The 办结单 the client signed: the case, each item's 批准文号 and date, what was handed over, the signatures.
  const [slip] = await Promise.all([agent.waitForEvent('download'), agent.click('button:has-text("打印办结单")')])
  expect(slip.suggestedFilename()).toBe(`${made.caseNumber}-办结单.html`)
  const slipPage = await browser.context.newPage()
  await slipPage.setContent(require('fs').readFileSync(await slip.path(), 'utf8'))
  const seen = await slipPage.evaluate(() => document.body.innerText)
  expect(await slipPage.textContent('h1')).toBe('帮办代办包办服务办结单')
  for (const text of [made.caseNumber, '乳山市按钮测试机械有限公司', assigned.agentName, '乳审S3-03〔2026〕12号',
    '乳审S3-01〔2026〕12号', '乳山市住房和城乡建设局', '施工许可证正本', '签收人：刘页眉', '委托人签字', '代办员签字']) {
    expect(seen).toContain(text)
  }
  expect(seen).toMatch(/日期：20\d\d年\d{1,2}月\d{1,2}日/)
  // What a person reads has no ISO dates, no field or enum names, no department codes.
  expect(seen).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  expect(seen).not.toMatch(/InPerson|Agency|Approved|ZJJ|undefined|null/)
  await shot(slipPage, 'completion-slip-print')
  await slipPage.close()
  // Archiving inside the evaluation window asks first; 取消 leaves the case as it was.
  await agent.click('#archive')
  expect(dialogs.at(-1)).toMatch(/^企业的评价期至\d{4}-\d{2}-\d{2}尚未结束，现在归档后企业将不能再评价本次服务/)
  expect(await agent.textContent('#case-status')).toBe('已送达')
  answer = true
  await agent.click('#archive')
  await agent.waitForFunction(() => document.getElementById('case-status')?.textContent === '已归档')
  expect(await offered(agent)).toEqual({ buttons: [], items: { 'S3-01': [], 'S3-03': [] } })
  expect(await agent.$('#log-form')).toBeNull()
  await shot(agent, 'workbench-archived')
  // The archive prints in Chinese, in China time: no field names, no UTC instants.
  const [download] = await Promise.all([agent.waitForEvent('download'), agent.click('button:has-text("打印电子档案")')])
  expect(download.suggestedFilename()).toBe(`${made.caseNumber}-电子档案（打印版）.html`)
  const printed = require('fs').readFileSync(await download.path(), 'utf8')
  expect(printed).toContain('<h2>统一送达</h2>')
  expect(printed).toContain('<td>当面送达</td>')
  expect(printed).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/)
  expect(printed).not.toMatch(/<th>[^<]*[A-Za-z][^<]*<\/th>/)
  const sheet = await browser.context.newPage()
  await sheet.setContent(printed)
  await shot(sheet, 'archive-print')
  await sheet.close()
  await agent.close()
})

test('supervision presses the agent of an overdue case from the board; the agent is told and the log keeps it', async () => {
  const made = await walkIn('乳山市督办看板机械有限公司', creditCode(70062), '13806317006')
  const clerk = await staffApi('wangmin')
  const assigned = await clerk(`/api/staff/cases/${made.id}/assignment`, {})
  const agentApi = await staffApi(AGENTS[assigned.agentName])
  await agentApi(`/api/staff/cases/${made.id}/start`, {})
  // Accepted by the department weeks ago: long past its promised limit.
  await agentApi(`/api/staff/cases/${made.id}/items/S3-03/submit`, { on: '2026-10-12' })

  const supervisor = await signIn(browser.context, 'chenjing')
  await supervisor.click('#nav-overdue')
  const row = `#overdue tr[data-case="${made.caseNumber}"]`
  await supervisor.waitForSelector(row)
  await supervisor.click(`${row} button.open-supervision`)
  expect(await supervisor.inputValue(`${row} input.supervise-message`)).toMatch(/^“建筑工程施工许可证核发”已逾期\d+个工作日/)
  await supervisor.fill(`${row} input.supervise-message`, '施工许可已逾期，请今天联系住建局并回复进展')
  await shot(supervisor, 'overdue-supervise')
  await supervisor.click(`${row} button.send-supervision`)
  await supervisor.waitForFunction((sel) => document.querySelector(sel)?.textContent === '已督办', `${row} td.supervise`)
  expect(await supervisor.textContent('#toast')).toBe(`已督办${assigned.agentName}`)

  const agent = await signIn(browser.context, AGENTS[assigned.agentName])
  await agent.click('#nav-messages')
  await agent.waitForSelector('#messages tr:has-text("督办：陈静")')
  await agent.$eval('#messages tr:has-text("督办：陈静") button.open-message', (b) => b.click())
  await agent.waitForSelector('#log')
  const line = await agent.$('#log tr:has-text("督办（陈静）")')
  expect(await line.$eval('.log-text', (td) => td.textContent)).toBe('督办（陈静）：施工许可已逾期，请今天联系住建局并回复进展')
  expect(await line.$eval('.log-visible', (td) => td.textContent)).toBe('否')
  expect(await agent.textContent('#next-step')).toBe('有1项事项已逾期')
  for (const p of [supervisor, agent]) await p.close()
})

test('the window registers a walk-in with its 采集表; it waits in 待指派 with the enterprise\'s own words', async () => {
  const clerk = await signIn(browser.context, 'wangmin')
  await clerk.waitForSelector('#open-walk-in')
  await clerk.click('#open-walk-in')
  await clerk.fill('#walk-in-enterprise', '乳山市窗口现场测试食品有限公司')
  await clerk.fill('#walk-in-credit-code', creditCode(70079))
  await clerk.fill('#walk-in-contact', '孙现场')
  await clerk.fill('#walk-in-phone', '13806317009')
  await clerk.selectOption('#walk-in-mode', 'FullService')
  await clerk.check('#walk-in-stages input[value="3"]')
  await clerk.fill('#walk-in-request', '新建冷库，想在春节前拿到施工许可')
  await clerk.fill('#walk-in-form tr[data-field="name"] input', '窗口现场测试冷库')
  // Forgotten 建设地点: the server's reason stands beside that field, which is marked and focused.
  await clerk.click('#walk-in-submit')
  const missing = '#walk-in-form tr[data-field="location"] .field-error'
  await clerk.waitForSelector(missing)
  expect(await clerk.textContent(missing)).toBe('请填写建设地点。')
  expect(await clerk.getAttribute('#walk-in-form tr[data-field="location"] input', 'aria-invalid')).toBe('true')
  expect(await clerk.evaluate(() => document.activeElement.closest('tr')?.dataset.field)).toBe('location')
  await shot(clerk, 'walk-in-field-error')
  await clerk.fill('#walk-in-form tr[data-field="location"] input', '乳山市经济开发区')
  await clerk.fill('#walk-in-form tr[data-field="floorAreaSquareMeters"] input', '3200')
  await shot(clerk, 'walk-in-form')
  await clerk.click('#walk-in-submit')
  await clerk.waitForFunction(() => document.getElementById('toast').textContent.startsWith('已登记DB'))
  const caseNumber = (await clerk.textContent('#toast')).match(/DB\d{8}-\d{6}/)[0]
  const row = `#registered tr[data-case="${caseNumber}"]`
  await clerk.waitForSelector(row)
  expect(await clerk.textContent(`${row} td.whose`)).toContain('乳山市窗口现场测试食品有限公司')
  await clerk.click(`${row} button.details`)
  await clerk.waitForSelector('#registered tr.case-details #next-step')
  expect(await facts(clerk)).toMatchObject({
    project: '窗口现场测试冷库', contact: '孙现场（13806317009）', request: '新建冷库，想在春节前拿到施工许可',
    next: '待您指派代办员',
  })
  // Found by its project from the search, as one case.
  const clerkApi = await staffApi('wangmin')
  const found = await clerkApi('/api/staff/cases?q=窗口现场测试')
  expect(found.map((c) => c.caseNumber)).toEqual([caseNumber])
  await clerk.close()
})

test('an enterprise that did not know its approvals: the agent settles them with it, then starts', async () => {
  const clerk = await staffApi('wangmin')
  const made = await clerk('/api/staff/cases', {
    enterpriseName: '乳山市不清楚酒店管理有限公司', creditCode: creditCode(70077), contactName: '刘清楚',
    contactPhone: '13806317007', mode: 'Agency', stages: [], scopeLeftToAgent: true,
    request: '新建酒店，不清楚要办哪些手续',
    project: { name: '乳山银滩度假酒店', location: '乳山市银滩', investmentType: 'Social', kind: 'Civil' },
  })
  // With no approvals the suggestion has nothing to match on; the window picks 张丽 (another test may add agents).
  const routing = await clerk(`/api/staff/cases/${made.id}/routing`)
  const zhang = routing.ranking.find((r) => r.name === '张丽')
  await clerk(`/api/staff/cases/${made.id}/assignment`, { agentId: zhang.agentId, reason: '熟悉施工许可，与企业确定事项' })
  const agent = await signIn(browser.context, 'zhangli')
  await agent.click(`#my-cases tr[data-case="${made.caseNumber}"] a.open-case`)
  await agent.waitForSelector('#settle-scope')
  expect(await agent.textContent('#next-step')).toBe('企业请代办员帮助确定办理事项，待您与企业沟通后确定')
  expect(await agent.$('#start')).toBeNull()
  expect(await agent.$('#propose-plan')).toBeNull()
  await shot(agent, 'workbench-settle-scope')

  // Nothing ticked: the server's reason, and the panel stays.
  await agent.click('#settle-scope-submit')
  await agent.waitForSelector('text=请至少选择一个审批阶段或审批事项')
  await agent.check('input[name="scope-stage"][value="3"]')
  await agent.click('#settle-scope-submit')
  await agent.waitForFunction(() => !document.getElementById('settle-scope'))
  const items = await agent.$$eval('#items tr[data-item]', (rows) => rows.map((r) => r.dataset.item))
  expect(items.length).toBeGreaterThan(0)
  expect(items.every((code) => code.startsWith('S3-'))).toBe(true)
  await agent.click('#start')
  await agent.waitForFunction(() => /待报送部门/.test(document.getElementById('next-step')?.textContent ?? ''))
  await agent.close()
})

/** The plan editor's rows as the agent sees them: content, chosen item's name and target date. */
async function editorRows(page) {
  return page.$$eval('#plan-steps li', (rows) => rows.map((r) => [r.querySelector('.step-description').value,
    r.querySelector('.step-item').selectedOptions[0].textContent, r.querySelector('.step-target').value]))
}

test('the agent writes the plan step by step; a plan the enterprise sends back comes back to be revised', async () => {
  // An enterprise applying in the mini-program, so that it can answer the plan there.
  const base = process.env.E2E_BASE
  const mp = async (path, body, token) => {
    const r = await fetch(base + path, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    })
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
  const { code } = await mp('/_wx/test/login-code', { openid: 'oE2ePlanEditor0000000001' })
  const { token } = await mp('/api/mp/auth/login', { code })
  const binding = await mp('/api/mp/enterprises',
    { enterpriseName: '乳山市计划编辑机械有限公司', creditCode: creditCode(70088), contactName: '孙计划' }, token)
  const clerk = await staffApi('wangmin')
  await clerk(`/api/staff/contacts/${binding.contactId}/confirmation`, { evidence: 'LegalRepresentative', note: '已电话核实' })
  const applied = await mp('/api/mp/cases', {
    mode: 'Agency', items: ['S3-01', 'S3-03'], request: '施工许可阶段代办',
    project: { name: '计划编辑新厂房', location: '乳山市', investmentType: 'Social', kind: 'Industrial' },
  }, token)
  await clerk(`/api/staff/cases/${applied.id}/register`, {})
  const assigned = await clerk(`/api/staff/cases/${applied.id}/assignment`, {})
  const names = Object.fromEntries(assigned.items.map((i) => [i.code, i.name]))

  const agent = await signIn(browser.context, AGENTS[assigned.agentName])
  await agent.click(`#my-cases tr[data-case="${applied.caseNumber}"] a.open-case`)
  await agent.waitForSelector('#plan-steps li')
  expect(await editorRows(agent)).toEqual([['', '不针对单个事项', '']])
  // Nothing to send: said beside the steps, and no plan goes to the enterprise.
  await agent.fill('#plan-summary', '施工许可阶段全程代办。')
  await agent.click('#propose-plan')
  expect(await agent.textContent('#plan-steps-error')).toBe('请至少填写一个步骤的内容。')
  expect(await agent.$('#current-plan')).toBeNull()

  await agent.fill('#plan-steps li:nth-child(1) .step-description', '与企业核对施工图审查意见')
  await agent.click('#add-plan-step')
  await agent.fill('#plan-steps li:nth-child(2) .step-description', '报送施工许可')
  await agent.selectOption('#plan-steps li:nth-child(2) .step-item', 'S3-03')
  await agent.fill('#plan-steps li:nth-child(2) .step-target', '2027-01-15')
  await agent.click('#add-plan-step')
  expect((await editorRows(agent)).length).toBe(3)
  await shot(agent, 'workbench-plan-editor')
  await agent.click('#plan-steps li:nth-child(3) .remove-step')
  expect(await editorRows(agent)).toEqual([
    ['与企业核对施工图审查意见', '不针对单个事项', ''], ['报送施工许可', names['S3-03'], '2027-01-15']])
  await agent.click('#propose-plan')
  await agent.waitForSelector('#plan-steps-table')
  const shown = () => agent.$$eval('#plan-steps-table tbody tr',
    (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))
  expect(await shown()).toEqual([
    ['1', '与企业核对施工图审查意见', '—', '—'], ['2', '报送施工许可', names['S3-03'], '2027-01-15']])
  expect(await agent.textContent('#plan-decision')).toBe('待确认')

  // The enterprise sends it back: the agent finds it in the editor with the reason above it.
  await mp(`/api/mp/cases/${applied.id}/plan-decision`, { agree: false, comment: '审图已通过，请去掉第一步' }, token)
  await agent.reload()
  await agent.waitForSelector('#plan-revising')
  expect(await agent.textContent('#plan-decision')).toContain('审图已通过，请去掉第一步')
  expect(await agent.inputValue('#plan-summary')).toBe('施工许可阶段全程代办。')
  expect(await editorRows(agent)).toEqual([
    ['与企业核对施工图审查意见', '不针对单个事项', ''], ['报送施工许可', names['S3-03'], '2027-01-15']])
  await agent.click('#plan-steps li:nth-child(1) .remove-step')
  await agent.click('#propose-plan')
  await agent.waitForFunction(() => document.getElementById('plan-decision')?.textContent === '待确认')
  expect(await agent.textContent('#current-plan')).toContain('第2版')
  expect(await shown()).toEqual([['1', '报送施工许可', names['S3-03'], '2027-01-15']])
  await shot(agent, 'workbench-plan-revised')
  await agent.close()
})

test('an agent raises a difficult issue from its case, department chosen by name; the ledger shows it', async () => {
  const made = await walkIn('乳山市难点上报建材有限公司', creditCode(70081), '13806317008')
  const clerk = await staffApi('wangmin')
  const assigned = await clerk(`/api/staff/cases/${made.id}/assignment`, {})
  await (await staffApi(AGENTS[assigned.agentName]))(`/api/staff/cases/${made.id}/start`, {})

  const agent = await signIn(browser.context, AGENTS[assigned.agentName])
  await agent.goto(`${process.env.E2E_BASE}/console/#cases/${made.id}`)
  await agent.waitForSelector('#issue-form')
  // The case's own departments come first, by name.
  const options = await agent.$$eval('#issue-department option', (os) => os.map((o) => o.textContent))
  expect(options.slice(0, 2)).toEqual(['请选择', '乳山市住房和城乡建设局'])
  await agent.fill('#issue-description', '施工图审查意见与规划条件不一致，需住建局明确')
  await agent.click('#issue-raise')
  await agent.waitForSelector('#issue-department[aria-invalid="true"]')
  expect(await agent.textContent('.field-error')).toContain('请选择正确的责任部门')
  await agent.selectOption('#issue-department', 'ZJJ')
  await agent.fill('#issue-deadline', '2026-12-31')
  await agent.click('#issue-raise')
  const row = '#case-issues tr[data-issue]'
  await agent.waitForSelector(row)
  expect(await agent.$eval(row, (tr) => tr.textContent)).toContain('乳山市住房和城乡建设局')
  await shot(agent, 'workbench-issue-raised')

  const window = await signIn(browser.context, 'wangmin')
  await window.click('#nav-issues')
  const ledger = '#issues tr:has-text("施工图审查意见与规划条件不一致")'
  await window.waitForSelector(ledger)
  expect(await window.$eval(ledger, (tr) => tr.textContent)).toContain('乳山市住房和城乡建设局')
  // A joint meeting is convened by ticking departments by name, not by typing codes.
  await window.check('#meeting-departments label:has-text("乳山市住房和城乡建设局") input')
  expect(await window.$$eval('#meeting-departments input:checked', (is) => is.map((i) => i.value))).toEqual(['ZJJ'])
  for (const p of [agent, window]) await p.close()
})
