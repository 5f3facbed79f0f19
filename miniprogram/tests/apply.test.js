const { loadPage, render, fakeServer, until, screen } = require('./helpers')

const pageId = loadPage('pages/apply/apply')
const login = () => ({ body: { token: 'tok' } })

describe('apply wizard', () => {
  test('binds the enterprise first, refusing a malformed credit code before any request', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [] }),
      'POST /api/mp/enterprises': () => ({ body: { contactId: 7, enterpriseId: 3, enterpriseName: '乳山市海岸新材料有限公司', status: 'Pending', statusName: '待确认' } }),
    })
    const page = render(pageId)
    await page.instance.onLoad()
    screen(page, 'apply-bind')
    expect(page.data.step).toBe(0)

    page.setData({ enterprise: { enterpriseName: '乳山市海岸新材料有限公司', creditCode: '12345', contactName: '孙海' } })
    await page.instance.onBind()
    expect(page.data.errors.creditCode).toBe('统一社会信用代码应为18位')
    expect(page.dom.innerHTML).toContain('统一社会信用代码应为18位')
    expect(server.calls.filter((c) => c.method === 'POST' && c.url === '/api/mp/enterprises')).toHaveLength(0)

    page.setData({ 'enterprise.creditCode': '91110000802100433b' })
    await page.instance.onBind()
    const bind = server.calls.find((c) => c.method === 'POST' && c.url === '/api/mp/enterprises')
    expect(bind.data.creditCode).toBe('91110000802100433B')
    expect(page.data.step).toBe(1)
  })

  test('a retried submission sends the same idempotency key, then asks for subscriptions and opens the case', async () => {
    let attempts = 0
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [{ contactId: 7, enterpriseId: 3, enterpriseName: '海岸', status: 'Confirmed' }] }),
      'POST /api/mp/cases': () => (++attempts === 1 ? { fail: true } : { status: 201, body: { id: 42, caseNumber: 'DB20260302-000042' } }),
    })
    const page = render(pageId)
    await page.instance.onLoad()
    screen(page, 'apply-form')
    expect(page.data.step).toBe(1)

    page.querySelector('.option').dispatchEvent('tap') // 帮办
    await until(() => Boolean(page.data.mode))
    page.instance.onStage({ currentTarget: { dataset: { value: 3 } } })
    page.instance.onNext()
    expect(page.data.step).toBe(2)
    page.setData({ project: { name: '海岸研发楼', location: '乳山市经济开发区', investmentType: 'Social', kind: 'Industrial', floorAreaSquareMeters: '9000' } })

    await page.instance.onSubmit()   // the network drops
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不可用，请检查网络后重试' }))
    await page.instance.onSubmit()   // the user taps again

    const posts = server.calls.filter((c) => c.url === '/api/mp/cases')
    expect(posts).toHaveLength(2)
    expect(posts[0].header['Idempotency-Key']).toBeTruthy()
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key'])
    expect(posts[1].data).toMatchObject({ contactId: 7, mode: 'Help', stages: [3], project: { name: '海岸研发楼', floorAreaSquareMeters: 9000 } })
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/case/case?id=42' })
  })

  test('the steps are shown on top; 上一步 keeps what was filled in; investment type and category are chosen', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [{ contactId: 7, enterpriseId: 3, enterpriseName: '海岸', status: 'Confirmed' }] }),
      'POST /api/mp/cases': () => ({ status: 201, body: { id: 42, caseNumber: 'DB20260302-000042' } }),
    })
    const page = render(pageId)
    await page.instance.onLoad()
    expect(page.querySelector('.step-dot.on').dom.textContent).toBe('2 服务')
    expect(page.dom.innerHTML).toContain('施工图审查、消防和人防设计审查，办施工许可证')
    // Bound already: the enterprise step is behind, and no 上一步 leads back to it.
    expect(page.querySelector('.back')).toBeUndefined()
    page.instance.onStage({ currentTarget: { dataset: { value: 3 } } })
    page.instance.onNext()
    page.instance.onProjectInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: '海岸仓库' } })
    page.instance.onProjectInput({ currentTarget: { dataset: { field: 'location' } }, detail: { value: '乳山市' } })
    screen(page, 'apply-project')
    expect(page.querySelector('.step-dot.on').dom.textContent).toBe('3 项目')
    const labels = page.querySelectorAll('.label').map((l) => l.dom.textContent)
    expect(labels).toEqual(expect.arrayContaining(['项目名称', '建设地点', '投资类型', '项目类别']))

    page.instance.onBack()
    expect(page.data.step).toBe(1)
    expect(page.data.selectedStages).toEqual([3])
    page.instance.onNext()
    expect(page.data.project.name).toBe('海岸仓库')

    page.querySelectorAll('.investment')[1].dispatchEvent('tap')
    page.querySelectorAll('.kind')[2].dispatchEvent('tap')
    await until(() => page.data.project.kind === 'SimpleLowRisk')
    await page.instance.onSubmit()
    expect(server.calls.find((c) => c.url === '/api/mp/cases').data.project)
      .toMatchObject({ name: '海岸仓库', investmentType: 'Government', kind: 'SimpleLowRisk' })
  })

  test('包办 covers all four stages; other modes need at least one', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/enterprises': () => ({ body: [{ contactId: 1 }] }) })
    const page = render(pageId)
    await page.instance.onLoad()
    page.instance.onNext()
    expect(page.data.errors.stages).toBe('请至少选择一个阶段，或选“不清楚”')
    page.instance.onMode({ currentTarget: { dataset: { value: 'FullService' } } })
    page.instance.onNext()
    expect(page.data.selectedStages).toEqual([1, 2, 3, 4])
  })

  test('不清楚 leaves the approvals to the agent: no stage is sent, and picking a stage takes it back', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [{ contactId: 7, enterpriseId: 3, enterpriseName: '海岸', status: 'Confirmed' }] }),
      'POST /api/mp/cases': () => ({ status: 201, body: { id: 43, caseNumber: 'DB20260302-000043' } }),
    })
    const page = render(pageId)
    await page.instance.onLoad()
    expect(page.dom.innerHTML).toContain('不清楚，由代办员帮我确定')

    page.instance.onStage({ currentTarget: { dataset: { value: 3 } } })
    page.querySelector('.stage-unknown').dispatchEvent('tap')
    await until(() => page.data.scopeLeftToAgent)
    expect(page.data.selectedStages).toEqual([])
    expect(page.querySelector('.stage-unknown.on')).toBeDefined()
    page.instance.onNext()
    expect(page.data.errors.stages).toBeUndefined()
    expect(page.data.step).toBe(2)
    page.setData({ project: { name: '银滩度假酒店', location: '乳山市银滩', investmentType: 'Social', kind: 'Civil', floorAreaSquareMeters: '' } })
    await page.instance.onSubmit()
    const post = server.calls.find((c) => c.url === '/api/mp/cases')
    expect(post.data).toMatchObject({ stages: [], scopeLeftToAgent: true })

    const again = render(pageId)
    await again.instance.onLoad()
    again.instance.onScopeUnknown()
    again.instance.onStage({ currentTarget: { dataset: { value: 2 } } })
    expect(again.data.scopeLeftToAgent).toBe(false)
    expect(again.data.selectedStages).toEqual([2])
  })

  test('a refusal naming a field is shown beside it; one naming none is a toast', async () => {
    let answer = { status: 422, body: { title: '项目名称含有无法显示的字符，请删除后重新填写。', fieldLabel: '项目名称' } }
    fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [{ contactId: 7, enterpriseId: 3, enterpriseName: '海岸', status: 'Confirmed' }] }),
      'POST /api/mp/cases': () => answer,
    })
    const page = render(pageId)
    await page.instance.onLoad()
    page.instance.onStage({ currentTarget: { dataset: { value: 3 } } })
    page.instance.onNext()
    page.setData({ project: { name: '海岸\u0007仓库', location: '乳山市', investmentType: 'Social', kind: 'Industrial', floorAreaSquareMeters: '' } })

    await page.instance.onSubmit()
    expect(page.data.errors.name).toBe('项目名称含有无法显示的字符，请删除后重新填写。')
    expect(page.dom.innerHTML).toContain('项目名称含有无法显示的字符')
    expect(wx.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('无法显示') }))

    answer = { status: 409, body: { title: '该企业今天提交的申请已达上限' } }
    await page.instance.onSubmit()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该企业今天提交的申请已达上限' }))
  })

  test('a pending user sees 待窗口确认 and what the window still needs, and provides it here', async () => {
    const pending = {
      contactId: 7, enterpriseId: 3, enterpriseName: '乳山市海岸新材料有限公司', status: 'Pending', statusName: '待窗口确认',
      phoneVerified: false, letterUploaded: false, stillNeeded: ['验证微信绑定的手机号', '上传加盖企业公章的授权委托书（或请法定代表人联系综合窗口确认）'],
    }
    let current = pending
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [current] }),
      'POST /api/mp/me/phone': () => {
        current = { ...current, phoneVerified: true, stillNeeded: current.stillNeeded.slice(1) }
        return { body: { userId: 1, phone: '138****8888' } }
      },
      'UPLOAD /api/mp/contacts/7/authorization-letter': () => ({ body: { ...current, letterUploaded: true, stillNeeded: [] } }),
    })
    wx.chooseMessageFile = jest.fn(({ success }) => success({ tempFiles: [{ path: 'wxfile://letter.pdf', name: '授权委托书.pdf' }] }))
    const page = render(pageId)
    await page.instance.onLoad()
    const html = page.dom.innerHTML
    screen(page, 'apply-pending-contact')
    expect(html).toContain('待窗口确认')
    expect(html).toContain('还需：验证微信绑定的手机号')
    expect(html).toContain('还需：上传加盖企业公章的授权委托书')
    expect(html).toContain('验证微信手机号')

    await page.instance.onPhone({ detail: { code: 'phone-code-1' } })
    expect(server.calls.find((c) => c.url === '/api/mp/me/phone').data).toEqual({ code: 'phone-code-1' })
    expect(page.dom.innerHTML).not.toContain('还需：验证微信绑定的手机号')

    await page.instance.onUploadLetter()
    const upload = server.calls.find((c) => c.method === 'UPLOAD')
    expect(upload.url).toBe('/api/mp/contacts/7/authorization-letter')
    expect(page.dom.innerHTML).toContain('授权委托书已上传，等待综合窗口核验')
    expect(page.dom.innerHTML).not.toContain('还需：')
  })

  test('the phone waits for the privacy popup: agreeing lets WeChat go on, refusing says what else works', async () => {
    fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/enterprises': () => ({ body: [{ contactId: 7, enterpriseId: 3, enterpriseName: '海岸', status: 'Pending', statusName: '待窗口确认', phoneVerified: false, stillNeeded: [] }] }),
    })
    let needAuthorization = null
    wx.onNeedPrivacyAuthorization = jest.fn((handler) => { needAuthorization = handler })
    wx.openPrivacyContract = jest.fn()
    const page = render(pageId)
    await page.instance.onLoad()
    expect(page.dom.innerHTML).not.toContain('用户隐私保护提示')

    // The user taps 验证微信手机号 before agreeing: WeChat asks the page for its popup.
    const resolve = jest.fn()
    needAuthorization(resolve)
    await until(() => page.dom.innerHTML.includes('用户隐私保护提示'))
    expect(page.dom.innerHTML).toContain('《用户隐私保护指引》')
    page.querySelector('.privacy-contract').dispatchEvent('tap')
    await until(() => wx.openPrivacyContract.mock.calls.length > 0)
    expect(wx.openPrivacyContract).toHaveBeenCalled()
    page.querySelector('.privacy-agree').dispatchEvent('agreeprivacyauthorization')
    await until(() => resolve.mock.calls.length > 0)
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'agree-privacy', event: 'agree' })
    await until(() => !page.dom.innerHTML.includes('用户隐私保护提示'))
    expect(page.dom.innerHTML).not.toContain('用户隐私保护提示')

    const refused = jest.fn()
    needAuthorization(refused)
    await until(() => page.dom.innerHTML.includes('用户隐私保护提示'))
    page.querySelector('.privacy-disagree').dispatchEvent('tap')
    await until(() => refused.mock.calls.length > 0)
    expect(refused).toHaveBeenCalledWith({ event: 'disagree' })
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('授权委托书') }))
  })

  test('app.json turns the privacy check on', () => {
    expect(require('../app.json').__usePrivacyCheck__).toBe(true)
  })
})
