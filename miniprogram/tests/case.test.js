const { loadPage, render, fakeServer } = require('./helpers')

const pageId = loadPage('pages/case/case')
const login = () => ({ body: { token: 'tok' } })

function caseView(overrides) {
  return Object.assign({
    id: 42, caseNumber: 'DB20260302-000042', modeName: '包办', status: 'InProgress', statusName: '办理中', agentName: '赵刚',
    items: [{ code: 'S3-03', name: '建筑工程施工许可证核发', statusName: '审查中', dueOn: '2026-03-10', resultDocumentNo: null }],
    plan: null, canEvaluate: false,
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
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled() // no template ids configured in this build
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

  test('a case the user may not see shows the server\'s message', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login })
    const page = render(pageId)
    await page.instance.onLoad({ id: '99' })
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未找到请求的内容' }))
    expect(page.data.view).toBeNull()
  })
})
