const { loadPage, render, fakeServer, screen } = require('./helpers')

const casesPage = loadPage('pages/cases/cases')
const messagesPage = loadPage('pages/messages/messages')
const login = () => ({ body: { token: 'tok' } })

test('my cases: each by its project, what it waits for, a badge when it is the enterprise\'s move; 申请 always there', async () => {
  fakeServer({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/cases': () => ({ body: [
      { id: 42, caseNumber: 'DB20260302-000042', projectName: '海岸研发楼', modeName: '包办', statusName: '服务方案待确认', agentName: '赵刚',
        next: { action: 'AgreePlan', needsEnterprise: true, title: '请确认服务方案', detail: '', owed: [] } },
      { id: 43, caseNumber: 'DB20260303-000043', projectName: '海岸仓库', modeName: '帮办', statusName: '已提交', agentName: null,
        next: { action: 'None', needsEnterprise: false, title: '申请已提交', detail: '', owed: [] } },
    ] }),
  })
  const page = render(casesPage)
  await page.instance.onShow()
  const cards = page.querySelectorAll('.case').map((c) => c.dom.textContent.replace(/\s+/g, ''))
  screen(page, 'cases')
  expect(cards[0]).toContain('海岸研发楼')
  expect(cards[0]).toContain('待您处理')
  expect(cards[0]).toContain('请确认服务方案')
  expect(cards[0]).toContain('DB20260302-000042')
  expect(cards[0]).toContain('代办员赵刚')
  expect(cards[1]).toContain('海岸仓库')
  expect(cards[1]).not.toContain('待您处理')
  expect(cards[1]).toContain('待指派代办员')
  page.querySelector('.to-apply').dispatchEvent('click')
  await new Promise((r) => setTimeout(r, 10))
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/apply' })
  page.instance.onOpen({ currentTarget: { dataset: { id: 42 } } })
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/case/case?id=42' })

  fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases': () => ({ body: [] }) })
  const empty = render(casesPage)
  await empty.instance.onShow()
  expect(empty.dom.innerHTML).toContain('申请帮办代办')
})

test('messages: newest notices with their time; opening one marks it read and opens its case; the tab counts the unread', async () => {
  const server = fakeServer({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/messages': () => ({ body: [
      { id: 5, title: '服务方案待您确认', caseId: 42, createdAt: '2026-03-02T02:30:00Z', read: false,
        detail: 'DB20260302-000042 · 代办员已提交服务方案，请查看并确认 · 2026-03-02 10:30' },
      { id: 4, title: '您的申请已登记', caseId: 42, createdAt: '2026-03-01T02:30:00Z', read: false },
      { id: 3, title: '办理结果已出', caseId: 41, createdAt: '2026-02-01T02:30:00Z', read: true },
    ] }),
    'POST /api/mp/messages/5/read': () => ({ status: 204 }),
    'POST /api/mp/messages/read-all': () => ({ body: { marked: 1 } }),
  })
  wx.setTabBarBadge = jest.fn()
  wx.removeTabBarBadge = jest.fn()
  const page = render(messagesPage)
  await page.instance.onShow()
  screen(page, 'messages')
  expect(page.dom.innerHTML).toContain('服务方案待您确认')
  expect(page.dom.innerHTML).toContain('3月2日 10:30')
  expect(page.dom.innerHTML).toContain('2 条未读')
  // Under its title, what the notice is about (muted, clamped to three lines); none when the server sent none.
  const details = page.dom.querySelectorAll('.main--detail')
  expect(details.length).toBe(1)
  expect(details[0].textContent).toBe('DB20260302-000042 · 代办员已提交服务方案，请查看并确认 · 2026-03-02 10:30')
  expect(details[0].getAttribute('class')).toContain('main--muted')
  expect(wx.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '2' })

  await page.instance.onOpen({ currentTarget: { dataset: { id: 5, case: 42 } } })
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/case/case?id=42' })
  expect(server.calls.some((c) => c.method === 'POST' && c.url === '/api/mp/messages/5/read')).toBe(true)
  expect(wx.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '1' })
  // A read message opened again is not reported again.
  await page.instance.onOpen({ currentTarget: { dataset: { id: 3, case: 41 } } })
  expect(server.calls.filter((c) => c.url.endsWith('/read')).length).toBe(1)

  await page.instance.onReadAll()
  expect(wx.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 })
  expect(page.dom.innerHTML).not.toContain('条未读')
})

test('staff find their agent pages at the foot of 消息; that page offers binding to an unbound WeChat', async () => {
  fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/messages': () => ({ body: [] }) })
  wx.removeTabBarBadge = jest.fn()
  const page = render(messagesPage)
  await page.instance.onShow()
  expect(page.dom.textContent).toContain('工作人员入口')
  page.querySelector('.staff-entry').dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 10))
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/agent/cases/cases' })
  // The address it opens is a page of the app.
  const app = JSON.parse(require('fs').readFileSync(require('path').join(__dirname, '../app.json'), 'utf8'))
  expect(app.pages).toContain('pages/agent/cases/cases')
})
