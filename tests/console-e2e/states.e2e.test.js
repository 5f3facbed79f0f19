// What a person sees while a page loads or when it cannot, and the questions asked before a change that cannot be
// taken back or reaches many cases.
const { launch, signIn, shot } = require('./browser')

let browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser.close() })

test('a page says it is loading, a failed load shows the reason with 重试, and 重试 shows the page', async () => {
  const supervisor = await signIn(browser.context, 'chenjing')
  let release
  const held = new Promise((r) => { release = r })
  await supervisor.route('**/api/staff/supervision/overdue', async (route) => {
    await held
    await route.fulfill({
      status: 503, contentType: 'application/problem+json',
      body: JSON.stringify({ status: 503, title: '服务暂时不可用，请稍后重试' }),
    })
  })
  await supervisor.click('#nav-overdue')
  await supervisor.waitForSelector('#loading')
  expect(await supervisor.textContent('#loading')).toBe('正在加载逾期看板…')
  release()
  await supervisor.waitForSelector('#view-overdue .error-panel')
  expect(await supervisor.textContent('#view-overdue .error-panel h2')).toBe('逾期看板未能打开')
  expect(await supervisor.textContent('#view-overdue .error-panel .error')).toBe('服务暂时不可用，请稍后重试')
  expect(await supervisor.$('#loading')).toBeNull()
  await shot(supervisor, 'error-panel')
  await supervisor.unroute('**/api/staff/supervision/overdue')
  await supervisor.click('#retry')
  await supervisor.waitForSelector('#view-overdue #overdue')
  expect(await supervisor.$('.error-panel')).toBeNull()
  await supervisor.close()
})

test('saving a holiday says first how many running cases it will replan; 取消 saves nothing', async () => {
  const admin = await signIn(browser.context, 'admin')
  const token = await admin.evaluate(() => sessionStorage.getItem('daiban.console.token'))
  const day = '2026-12-10'
  const impact = await fetch(`${process.env.E2E_BASE}/api/staff/admin/calendar/${day}/impact`,
    { headers: { Authorization: 'Bearer ' + token } }).then((r) => r.json())
  const effect = impact.runningCases > 0
    ? `将重新计算${impact.runningCases}个在办案件的承诺办结日期，调整情况记入案件日志并通知企业。`
    : '目前没有在办案件的期限跨过这一天，不会调整任何案件。'
  const dialogs = []
  let answer = false
  admin.on('dialog', (d) => { dialogs.push(d.message()); answer ? d.accept() : d.dismiss() })
  await admin.click('#nav-admin')
  await admin.click('#admin-tab-calendar')
  await admin.waitForSelector('#holiday-save')
  await admin.fill('#holiday-date', day)
  await admin.selectOption('#holiday-kind', 'Holiday')
  await admin.fill('#holiday-name', '临时调整')
  await admin.click('#holiday-save')
  for (let i = 0; i < 50 && dialogs.length === 0; i++) await admin.waitForTimeout(100)
  expect(dialogs).toEqual([`将${day}设为放假。${effect}确定保存吗？`])
  const days = async () => fetch(`${process.env.E2E_BASE}/api/calendar/days?year=2026`,
    { headers: { Authorization: 'Bearer ' + token } }).then((r) => r.json())
  expect(JSON.stringify(await days())).not.toContain(day)
  answer = true
  await admin.click('#holiday-save')
  await admin.waitForFunction(() => !document.getElementById('toast').hidden && document.getElementById('toast').textContent.startsWith('已保存'))
  expect(JSON.stringify(await days())).toContain(day)
  // The month drawn again from the server shows the day as a holiday.
  await admin.fill('#calendar-year', '2026')
  await admin.dispatchEvent('#calendar-year', 'change')
  await admin.selectOption('#calendar-month', '12')
  await admin.waitForSelector(`#calendar-grid td[data-date="${day}"][data-kind="Holiday"]`)
  expect(await admin.textContent(`#calendar-grid td[data-date="${day}"]`)).toContain('临时调整')
  await admin.close()
})
