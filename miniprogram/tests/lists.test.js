const { loadPage, render, fakeServer } = require('./helpers')

const casesPage = loadPage('pages/cases/cases')
const messagesPage = loadPage('pages/messages/messages')
const login = () => ({ body: { token: 'tok' } })

test('my cases: each case with its status and agent; tapping opens it; none yet offers to apply', async () => {
  fakeServer({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/cases': () => ({ body: [
      { id: 42, caseNumber: 'DB20260302-000042', modeName: '包办', statusName: '方案待确认', agentName: '赵刚' },
      { id: 43, caseNumber: 'DB20260303-000043', modeName: '帮办', statusName: '已提交', agentName: null },
    ] }),
  })
  const page = render(casesPage)
  await page.instance.onShow()
  expect(page.dom.innerHTML).toContain('DB20260302-000042')
  expect(page.dom.innerHTML).toContain('代办员 赵刚')
  expect(page.dom.innerHTML).toContain('待指派代办员')
  page.instance.onOpen({ currentTarget: { dataset: { id: 42 } } })
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/case/case?id=42' })

  fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases': () => ({ body: [] }) })
  const empty = render(casesPage)
  await empty.instance.onShow()
  expect(empty.dom.innerHTML).toContain('申请帮办代办')
})

test('messages: newest notices with their time; one about a case opens it', async () => {
  fakeServer({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/messages': () => ({ body: [{ id: 5, title: '服务方案待您确认', caseId: 42, createdAt: '2026-03-02T02:30:00Z', read: false }] }),
  })
  const page = render(messagesPage)
  await page.instance.onShow()
  expect(page.dom.innerHTML).toContain('服务方案待您确认')
  expect(page.dom.innerHTML).toContain('3月2日 10:30')
  page.instance.onOpen({ currentTarget: { dataset: { case: 42 } } })
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/case/case?id=42' })
})
