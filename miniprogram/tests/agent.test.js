const { loadPage, render, fakeServer, screen } = require('./helpers')
const { byUrgency } = require('../utils/urgency')

const casesPage = loadPage('pages/agent/cases/cases')
const casePage = loadPage('pages/agent/case/case')
const consultationsPage = loadPage('pages/agent/consultations/consultations')
const bindPage = loadPage('pages/agent/bind/bind')

const mpLogin = () => ({ body: { token: 'mp-token' } })
const staffSession = () => ({ body: { token: 'staff-token', staff: { displayName: '赵刚' } } })

describe('agent pages', () => {
  test('cases are ordered by urgency in the server\'s working days: overdue, due soonest, waiting, the rest', () => {
    // Calendar days would say 逾期 hundreds of days for 2025-12-01; the server counts 21 working days (holidays out).
    const ordered = byUrgency([
      { id: 1, status: 'InProgress', nextDueOn: '2026-03-10', workingDaysLeft: 6 },
      { id: 2, status: 'AwaitingMaterials', nextDueOn: null, workingDaysLeft: null },
      { id: 3, status: 'InProgress', nextDueOn: '2025-12-01', workingDaysLeft: -21 },
      { id: 4, status: 'Assigned', nextDueOn: null, workingDaysLeft: null },
      { id: 5, status: 'InProgress', nextDueOn: '2026-03-02', workingDaysLeft: 0 },
    ])
    expect(ordered.map((c) => c.id)).toEqual([3, 5, 1, 2, 4])
    expect(ordered.map((c) => c.urgency)).toEqual(['已逾期21个工作日', '今日到期', '剩6个工作日', '等待企业', '无在办时限'])
    expect(ordered.map((c) => c.overdue)).toEqual([true, false, false, false, false])
  })

  test('the list uses a staff token got for this WeChat, and offers binding when there is none', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': mpLogin,
      'POST /api/staff/auth/mini-program': staffSession,
      'GET /api/staff/cases': () => ({ body: [{ id: 7, caseNumber: 'DB20260302-000007', modeName: '代办',
        status: 'InProgress', statusName: '办理中', nextDueOn: '2020-01-01', workingDaysLeft: -21 }] }),
      'GET /api/staff/consultations?status=HandedOff': () => ({ body: [{ id: 1 }, { id: 2 }] }),
    })
    const page = render(casesPage)
    await page.instance.onShow()
    screen(page, 'agent-cases')
    expect(server.calls.find((c) => c.url === '/api/staff/cases').header.Authorization).toBe('Bearer staff-token')
    expect(page.data.handoffs).toBe(2)
    expect(page.dom.innerHTML).toContain('咨询转人工待回复：2')
    expect(page.data.cases[0].overdue).toBe(true)
    expect(page.dom.innerHTML).toContain('已逾期21个工作日')
    expect(page.dom.innerHTML).not.toMatch(/逾期\d+天/)

    fakeServer({ 'POST /api/mp/auth/login': mpLogin, 'POST /api/staff/auth/mini-program': () => ({ status: 403, body: { title: '本微信尚未绑定工作人员身份' } }) })
    const unbound = render(casesPage)
    await unbound.instance.onShow()
    expect(unbound.data.unbound).toBe(true)
    expect(unbound.dom.innerHTML).toContain('去绑定')
  })

  test('binding takes the eight-digit code from 我的账号 and says why it was refused', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': mpLogin,
      'POST /api/mp/staff-binding': () => ({ status: 429, body: { title: '绑定尝试次数过多，请15分钟后再试' } }),
    })
    const page = render(bindPage)
    screen(page, 'agent-bind')
    expect(page.dom.innerHTML).toContain('我的账号')
    page.instance.onInput({ detail: { value: '123456' } })
    await page.instance.onBind()
    expect(page.data.error).toBe('请输入8位数字绑定码')
    expect(server.calls.some((c) => c.url === '/api/mp/staff-binding')).toBe(false)
    page.instance.onInput({ detail: { value: ' 12345678 ' } })
    await page.instance.onBind()
    expect(server.calls.find((c) => c.url === '/api/mp/staff-binding').data).toEqual({ code: '12345678' })
    expect(page.data.error).toBe('绑定尝试次数过多，请15分钟后再试')
  })

  test('a log entry needs content and is posted with its flags', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': mpLogin,
      'POST /api/staff/auth/mini-program': staffSession,
      'GET /api/staff/cases/7': () => ({ body: { caseNumber: 'DB1', modeName: '代办', statusName: '办理中',
        items: [{ code: 'S3-03', name: '施工许可', statusName: '审查中', dueOn: '2026-03-10' }],
        header: { nextDueOn: '2026-03-10', workingDaysLeft: 5 } } }),
      'POST /api/staff/cases/7/logs': () => ({ body: {} }),
    })
    const page = render(casePage)
    await page.instance.onLoad({ id: '7' })
    screen(page, 'agent-case')
    expect(page.dom.innerHTML).toContain('3月10日到期')
    // The header's working days from the server, as the console's case header says them.
    expect(page.dom.textContent).toContain('最近到期：3月10日（剩5个工作日）')
    await page.instance.onSaveLog()
    expect(page.data.error).toBe('请填写办理情况')
    page.instance.onLogInput({ detail: { value: '与住建局沟通审图意见' } })
    page.instance.onMilestone({ detail: { value: true } })
    await page.instance.onSaveLog()
    expect(server.calls.find((c) => c.url === '/api/staff/cases/7/logs').data).toEqual({ content: '与住建局沟通审图意见', milestone: true, visibleToEnterprise: true })
    expect(page.data.log.content).toBe('')
  })

  test('an overdue case says by how many working days, from the server\'s figure', async () => {
    fakeServer({
      'POST /api/mp/auth/login': mpLogin,
      'POST /api/staff/auth/mini-program': staffSession,
      'GET /api/staff/cases/8': () => ({ body: { caseNumber: 'DB2', modeName: '代办', statusName: '办理中', items: [],
        header: { nextDueOn: '2025-12-01', workingDaysLeft: -21 } } }),
    })
    const page = render(casePage)
    await page.instance.onLoad({ id: '8' })
    expect(page.dom.textContent).toContain('最近到期：12月1日（已逾期21个工作日）')
    expect(page.data.overdue).toBe(true)
  })

  test('a hand-off shows the whole transcript and the reply is appended', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': mpLogin,
      'POST /api/staff/auth/mini-program': staffSession,
      'GET /api/staff/consultations?status=HandedOff': () => ({ body: [{ id: 3, handoffReason: '用户要求转人工', channel: 'CustomerService' }] }),
      'GET /api/staff/consultations/3': () => ({ body: { id: 3, channel: 'CustomerService', canReplyInWeChat: true, messages: [
        { id: 1, author: 'User', text: '施工证要多久？' }, { id: 2, author: 'Bot', text: '承诺3个工作日' }, { id: 3, author: 'User', text: '转人工' }] } }),
      'POST /api/staff/consultations/3/replies': (data) => ({ body: { id: 4, author: 'Agent', text: data.text } }),
    })
    const page = render(consultationsPage)
    await page.instance.onShow()
    await page.instance.onOpen({ currentTarget: { dataset: { id: 3 } } })
    screen(page, 'agent-consultations')
    expect(page.dom.innerHTML).toContain('施工证要多久？')
    page.instance.onReplyInput({ detail: { value: '您好，我是代办员赵刚' } })
    await page.instance.onSend()
    expect(server.calls.find((c) => c.url.endsWith('/replies')).data).toEqual({ text: '您好，我是代办员赵刚' })
    expect(page.data.current.messages.map((m) => m.author)).toEqual(['User', 'Bot', 'User', 'Agent'])
  })
})
