const { loadPage, render, fakeServer, until, screen } = require('./helpers')

const pageId = loadPage('pages/index/index')

const login = () => ({ body: { token: 'tok-1' } })

describe('chat page (the front door)', () => {
  test('asks the bot and shows the answer with its sources', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/chat': () => ({ body: { status: 'Bot', agentName: null, messages: [] } }),
      'POST /api/chat/ask': (data) => ({
        body: { answer: '【建筑工程施工许可证核发】承诺办结时限3个工作日', handoff: false, intent: 'item_time_limit', status: 'Bot', agentName: null,
          sources: [{ title: '审批事项目录：建筑工程施工许可证核发', id: 'item:S3-03' }] },
      }),
    })
    const page = render(pageId)
    await page.instance.onLoad()

    page.instance.onInput({ detail: { value: '施工证要多久？' } })
    await page.instance.onSend()

    const ask = server.calls.find((c) => c.url === '/api/chat/ask')
    screen(page, 'chat-answer')
    expect(ask.data).toEqual({ question: '施工证要多久？' })
    expect(ask.header.Authorization).toBe('Bearer tok-1')
    expect(page.data.messages.map((m) => m.author)).toEqual(['User', 'Bot'])
    expect(page.dom.innerHTML).toContain('承诺办结时限3个工作日')
    expect(page.dom.innerHTML).toContain('来源：审批事项目录：建筑工程施工许可证核发')
    expect(page.data.input).toBe('')
    expect(page.data.handedOff).toBe(false)
  })

  test('a hand-off shows who has it, polls, and the agent\'s reply appears', async () => {
    let history = []
    fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/chat/messages*': (d, h, url) => ({ body: url.includes('after=') ? history : [] }),
      'POST /api/chat/ask': () => ({ body: { answer: '好的，已为您转接人工服务', handoff: true, intent: 'handoff', status: 'HandedOff', agentName: '赵刚', sources: [] } }),
    })
    const page = render(pageId)
    await page.instance.onLoad()
    await page.instance.ask('转人工')
    screen(page, 'chat-handoff')
    expect(page.data.handedOff).toBe(true)
    expect(page.dom.innerHTML).toContain('已转人工：赵刚')
    expect(page.instance.timer).toBeTruthy()

    history = [{ id: 9, author: 'Bot', text: '旧的', sources: [] }, { id: 10, author: 'Agent', text: '您好，我是代办员赵刚', sources: [] }]
    await page.instance.poll()
    expect(page.data.messages.map((m) => m.author)).toEqual(['User', 'Bot', 'Agent'])
    expect(page.dom.innerHTML).toContain('您好，我是代办员赵刚')
    expect(wx.request.mock.calls.at(-1)[0].url).toContain('/api/mp/chat/messages?after=0')

    page.instance.onUnload()
    expect(page.instance.timer).toBeNull()
  })

  test('a refused question keeps the text and shows the server\'s Chinese title', async () => {
    fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/chat': () => ({ body: { status: 'Bot', agentName: null, messages: [] } }),
      'POST /api/chat/ask': () => ({ status: 429, body: { title: '提问过于频繁，请一分钟后再试' } }),
    })
    const page = render(pageId)
    await page.instance.ask('代办收费吗')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '提问过于频繁，请一分钟后再试' }))
    expect(page.data.input).toBe('代办收费吗')
    expect(page.data.sending).toBe(false)
  })

  test('a suggestion chip asks that question', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'POST /api/chat/ask': () => ({ body: { answer: '免费', handoff: false, intent: 'consult', status: 'Bot', sources: [] } }),
    })
    const page = render(pageId)
    page.querySelector('.chip').dispatchEvent('tap')
    await until(() => server.calls.some((c) => c.url === '/api/chat/ask'))
    expect(server.calls.find((c) => c.url === '/api/chat/ask').data.question).toBe('代办收费吗？')
  })
  test('reopened after a hand-off: the banner and the polling come back, replies are signed, the newest is shown', async () => {
    fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/chat': () => ({ body: { status: 'HandedOff', agentName: '赵刚', messages: [
        { id: 1, author: 'User', text: '转人工', sources: [], at: '2026-03-02T02:00:00Z' },
        { id: 2, author: 'Bot', text: '好的，已为您转接人工服务', intent: 'handoff', sources: [], at: '2026-03-02T02:00:01Z' },
        { id: 3, author: 'Agent', authorName: '王敏', text: '您好，请问项目在哪个园区？', sources: [], at: '2026-03-02T02:30:00Z' },
      ] } }),
      'GET /api/mp/chat/messages*': () => ({ body: [] }),
    })
    wx.pageScrollTo = jest.fn()
    const page = render(pageId)
    await page.instance.onLoad()
    screen(page, 'chat-reopened')
    expect(page.data.handedOff).toBe(true)
    expect(page.dom.innerHTML).toContain('已转人工：赵刚')
    expect(page.instance.timer).toBeTruthy()
    expect(page.querySelector('.by').dom.textContent).toBe('王敏 · 3月2日 10:30')
    expect(wx.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#newest' }))
    await page.instance.poll()
    expect(wx.request.mock.calls.at(-1)[0].url).toContain('/api/mp/chat/messages?after=3')
    page.instance.onUnload()
  })
})
