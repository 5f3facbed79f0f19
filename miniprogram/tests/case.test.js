const { loadPage, render, fakeServer, until } = require('./helpers')

const pageId = loadPage('pages/case/case')
const login = () => ({ body: { token: 'tok' } })

function caseView(overrides) {
  return Object.assign({
    id: 42, caseNumber: 'DB20260302-000042', modeName: '包办', status: 'InProgress', statusName: '办理中', agentName: '赵刚',
    items: [{ code: 'S3-03', name: '建筑工程施工许可证核发', statusName: '审查中', dueOn: '2026-03-10', resultDocumentNo: null }],
    plan: null, canEvaluate: false, canWithdraw: true,
    timeline: [
      { at: '2026-03-02T01:00:00Z', kind: 'Work', content: '接收材料：施工合同', itemCode: null },
      { at: '2026-03-03T01:00:00Z', kind: 'Milestone', content: '施工许可申请已受理', itemCode: 'S3-03' },
    ],
  }, overrides)
}

describe('case page', () => {
  test('shows progress: items with due dates and the timeline, newest first', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView() }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    const html = page.dom.innerHTML
    expect(html).toContain('建筑工程施工许可证核发')
    expect(html).toContain('3月10日前办结')
    expect(html).toContain('代办员 赵刚')
    expect(html.indexOf('施工许可申请已受理')).toBeLessThan(html.indexOf('接收材料：施工合同'))
    expect(html).toContain('关键节点')
  })

  test('rejecting a plan needs a reason; agreeing posts the decision and asks for subscriptions', async () => {
    let view = caseView({ status: 'PlanProposed', statusName: '方案待确认', plan: { version: 1, summary: '全程包办', steps: [{ order: 1, description: '报送联合审图', targetDate: '2026-03-10' }], decision: 'Pending' } })
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/cases/42': () => ({ body: view }),
      'POST /api/mp/cases/42/plan-decision': (data) => { view = caseView({ status: data.agree ? 'PlanAgreed' : 'Assigned' }); return { body: view } },
    })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    expect(page.dom.innerHTML).toContain('服务方案待您确认')

    await page.instance.onReject()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '退回方案时请写明原因' }))
    expect(server.calls.some((c) => c.url.endsWith('/plan-decision'))).toBe(false)

    page.instance.onPlanComment({ detail: { value: '同意' } })
    await page.instance.onAgree()
    expect(server.calls.find((c) => c.url.endsWith('/plan-decision')).data).toEqual({ agree: true, comment: '同意' })
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled() // the server offered no template ids here
    expect(page.data.view.status).toBe('PlanAgreed')
  })

  test('confirming receipt uploads the signature, then references it', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/cases/42': () => ({ body: caseView({ status: 'ResultsReady', statusName: '结果已出' }) }),
      'UPLOAD /api/mp/cases/42/materials': () => ({ status: 201, body: { id: 77, name: '签收签名' } }),
      'POST /api/mp/cases/42/receipt': () => ({ body: caseView({ status: 'Delivered', canEvaluate: true }) }),
    })
    wx.canvasToTempFilePath = jest.fn(({ success }) => success({ tempFilePath: 'wxfile://sig.png' }))
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })

    page.instance.onSignedBy({ detail: { value: '孙海' } })
    await page.instance.onConfirmReceipt()   // not signed yet
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先在框内签名' }))

    const pad = page.querySelector('#signature')
    pad.instance.onStart({ touches: [{ x: 1, y: 1 }] })
    pad.instance.onMove({ touches: [{ x: 30, y: 20 }] })
    pad.instance.onEnd()
    expect(page.data.signed).toBe(true)
    await page.instance.onConfirmReceipt()

    const upload = server.calls.find((c) => c.method === 'UPLOAD')
    expect(upload.data).toEqual({ name: '签收签名' })
    expect(server.calls.find((c) => c.url.endsWith('/receipt')).data).toEqual({ signedBy: '孙海', signatureReference: 'material:77' })
  })

  test('materials mailed to the agent are recorded with carrier and tracking number; papers mailed back are signed for', async () => {
    let parcels = [{ id: 5, direction: 'ToEnterprise', contents: '土地证原件', carrier: '邮政EMS', trackingNumber: 'EMS001', sentBy: '赵刚', sentAt: '2026-03-04T01:00:00Z', receivedBy: null, receivedAt: null }]
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/cases/42': () => ({ body: caseView({ parcels, canMailMaterials: true }) }),
      'POST /api/mp/cases/42/parcels': (data) => {
        parcels = parcels.concat([{ id: 6, direction: 'ToService', contents: data.contents, carrier: data.carrier, trackingNumber: data.trackingNumber, sentAt: '2026-03-05T01:00:00Z', receivedAt: null }])
        return { body: caseView({ parcels, canMailMaterials: true }) }
      },
      'POST /api/mp/cases/42/parcels/5/received': () => {
        parcels = parcels.map((p) => (p.id === 5 ? Object.assign({}, p, { receivedAt: '2026-03-06T01:00:00Z' }) : p))
        return { body: caseView({ parcels, canMailMaterials: true }) }
      },
    })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    expect(page.dom.innerHTML).toContain('代办员寄回：土地证原件')
    expect(page.dom.innerHTML).toContain('待您签收')

    page.instance.onParcelField({ currentTarget: { dataset: { field: 'contents' } }, detail: { value: '施工合同原件' } })
    page.instance.onParcelField({ currentTarget: { dataset: { field: 'carrier' } }, detail: { value: '顺丰速运' } })
    await page.instance.onMailMaterials()   // no tracking number yet
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写运单号' }))
    expect(server.calls.some((c) => c.method === 'POST' && c.url.endsWith('/parcels'))).toBe(false)

    page.instance.onParcelField({ currentTarget: { dataset: { field: 'trackingNumber' } }, detail: { value: ' SF1234567890 ' } })
    await page.instance.onMailMaterials()
    expect(server.calls.find((c) => c.method === 'POST' && c.url.endsWith('/parcels')).data).toEqual({ contents: '施工合同原件', carrier: '顺丰速运', trackingNumber: 'SF1234567890' })
    expect(page.dom.innerHTML).toContain('寄给代办员：施工合同原件')
    expect(page.data.parcel.trackingNumber).toBe('')

    await page.instance.onConfirmParcel({ currentTarget: { dataset: { id: 5 } } })
    expect(server.calls.some((c) => c.url === '/api/mp/cases/42/parcels/5/received')).toBe(true)
    expect(page.dom.innerHTML).toContain('已签收')
    expect(page.dom.innerHTML).not.toContain('待您签收')
  })

  test('withdrawing needs a reason and a confirmation; afterwards the case offers it no more', async () => {
    let view = caseView()
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/cases/42': () => ({ body: view }),
      'POST /api/mp/cases/42/withdrawal': () => { view = caseView({ status: 'Withdrawn', statusName: '已撤回', canWithdraw: false }); return { body: view } },
    })
    const answers = [false, true]
    wx.showModal = jest.fn(({ success }) => success({ confirm: answers.shift() }))
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    expect(page.dom.innerHTML).toContain('撤回申请')

    await page.instance.onWithdraw()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写撤回原因' }))
    page.instance.onWithdrawReason({ detail: { value: ' 项目暂缓 ' } })
    await page.instance.onWithdraw() // not confirmed
    expect(server.calls.some((c) => c.url.endsWith('/withdrawal'))).toBe(false)
    await page.instance.onWithdraw()

    expect(server.calls.find((c) => c.url.endsWith('/withdrawal')).data).toEqual({ reason: '项目暂缓' })
    expect(page.data.view.canWithdraw).toBe(false)
    expect(page.dom.innerHTML).not.toContain('撤回申请')
  })

  test('a case the user may not see shows the server\'s message', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login })
    const page = render(pageId)
    await page.instance.onLoad({ id: '99' })
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未找到请求的内容' }))
    expect(page.data.view).toBeNull()
  })

  test('the agent is shown with 联系代办员, which dials the phone, and the working-hours hint', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView({ agentPhone: '0631-6651234' }) }) })
    wx.makePhoneCall = jest.fn()
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    const html = page.dom.innerHTML
    expect(html).toContain('您的代办员：赵刚')
    expect(html).toContain('0631-6651234')
    expect(html).toContain('工作日工作时间可直接致电代办员')
    page.querySelector('.call').dispatchEvent('click')
    await until(() => wx.makePhoneCall.mock.calls.length > 0)
    expect(wx.makePhoneCall.mock.calls[0][0].phoneNumber).toBe('0631-6651234')
  })

  test('without an agent there is nobody to call', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView({ status: 'Submitted', agentName: null }) }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    expect(page.dom.innerHTML).toContain('正在安排代办员')
    expect(page.dom.innerHTML).not.toContain('联系代办员')
  })
})
