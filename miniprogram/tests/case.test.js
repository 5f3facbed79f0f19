const { loadPage, render, fakeServer, until, screen } = require('./helpers')

const pageId = loadPage('pages/case/case')
const login = () => ({ body: { token: 'tok' } })

function caseView(overrides) {
  return Object.assign({
    id: 42, caseNumber: 'DB20260302-000042', modeName: '包办', status: 'InProgress', statusName: '办理中', agentName: '赵刚',
    items: [{ code: 'S3-03', name: '建筑工程施工许可证核发', stage: 3, stageName: '施工许可', status: 'SubmittedToDepartment', statusName: '审查中', dueOn: '2026-03-10', resultDocumentNo: null }],
    plan: null, canEvaluate: false, canWithdraw: true,
    timeline: [
      { at: '2026-03-02T01:00:00Z', kind: 'Work', content: '接收材料：施工合同', itemCode: null },
      { at: '2026-03-03T01:00:00Z', kind: 'Milestone', content: '施工许可申请已受理', itemCode: 'S3-03' },
    ],
  }, overrides)
}

const MAILED = { method: 'Mail', methodName: '邮寄送达', documents: '施工许可证正本', carrier: '中国邮政EMS', trackingNumber: 'EMS1234567890', mailedAt: '2026-03-20T01:00:00Z', signed: false }

describe('case page', () => {
  test('shows progress: items with due dates and the timeline, newest first', async () => {
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView() }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    screen(page, 'case-in-progress')
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
    screen(page, 'case-plan-proposed')
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
      'GET /api/mp/cases/42': () => ({ body: caseView({ status: 'ResultsReady', statusName: '结果已出', delivery: MAILED }) }),
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
  test('the now card says what the enterprise must do, with 上传 for each material asked for', async () => {
    const next = {
      action: 'SupplyMaterials', needsEnterprise: true, title: '请补充2项材料', detail: '可拍照、从相册或聊天记录选择文件上传，也可以免费邮寄纸质材料。',
      owed: [
        { itemCode: '', itemName: '', material: '营业执照复印件', needsCorrection: false, note: null },
        { itemCode: 'S3-03', itemName: '建筑工程施工许可证核发', material: '施工场地已具备施工条件的说明', needsCorrection: true, note: '缺少建设单位盖章' },
      ],
    }
    const server = fakeServer({
      'POST /api/mp/auth/login': login,
      'GET /api/mp/cases/42': () => ({ body: caseView({ status: 'AwaitingMaterials', projectName: '海岸研发楼', next }) }),
      'UPLOAD /api/mp/cases/42/materials': () => ({ status: 201, body: { id: 8, name: '施工场地已具备施工条件的说明' } }),
    })
    wx.showActionSheet = jest.fn(({ itemList, success }) => { expect(itemList).toEqual(['拍照', '从手机相册选择', '从微信聊天记录选择文件']); success({ tapIndex: 0 }) })
    wx.chooseMedia = jest.fn(({ sourceType, success }) => { expect(sourceType).toEqual(['camera']); success({ tempFiles: [{ tempFilePath: 'wxfile://photo.jpg' }] }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    screen(page, 'case-materials-asked')
    const html = page.dom.innerHTML
    expect(html).toContain('待您处理')
    expect(html).toContain('请补充2项材料')
    expect(html).toContain('营业执照复印件')
    expect(html).toContain('需补正：缺少建设单位盖章')
    expect(page.querySelector('.project').dom.textContent).toBe('海岸研发楼')
    // The card comes before the items and the timeline.
    expect(html.indexOf('请补充2项材料')).toBeLessThan(html.indexOf('办理事项'))

    await page.instance.onUploadFor({ currentTarget: { dataset: { name: '施工场地已具备施工条件的说明', item: 'S3-03' } } })
    const upload = server.calls.find((c) => c.method === 'UPLOAD')
    expect(upload.data).toEqual({ name: '施工场地已具备施工条件的说明', itemCode: 'S3-03' })
    expect(wx.uploadFile.mock.calls[0][0].filePath).toBe('wxfile://photo.jpg')
  })

  test('a cancelled choice of where the file comes from uploads nothing', async () => {
    const server = fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView({ status: 'AwaitingMaterials' }) }) })
    wx.showActionSheet = jest.fn(({ fail }) => fail({ errMsg: 'showActionSheet:fail cancel' }))
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    await page.instance.onUploadFor({ currentTarget: { dataset: { name: '营业执照复印件', item: '' } } })
    expect(server.calls.some((c) => c.method === 'UPLOAD')).toBe(false)
  })

  test('the materials supplied show their review; one sent back says why', async () => {
    const materials = [
      { id: 1, name: '施工合同', itemCode: 'S3-03', receivedAt: '2026-03-03T01:00:00Z', review: 'Passed', reviewName: '通过', reviewNote: null, uploaded: true },
      { id: 2, name: '质量安全保证措施', itemCode: 'S3-03', receivedAt: '2026-03-03T02:00:00Z', review: 'NeedsCorrection', reviewName: '需补正', reviewNote: '请补充监理单位意见', uploaded: true },
    ]
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView({ materials }) }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    screen(page, 'case-materials-reviewed')
    const rows = page.querySelectorAll('.material').map((r) => r.dom.textContent.replace(/\s+/g, ''))
    expect(rows[0]).toContain('施工合同')
    expect(rows[0]).toContain('通过')
    expect(rows[1]).toContain('需补正：请补充监理单位意见')
  })

  test('results are signed for only once mailed, and the card shows carrier and tracking number', async () => {
    let view = caseView({ status: 'ResultsReady', delivery: null })
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: view }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    expect(page.dom.innerHTML).not.toContain('收到办理结果后请签收')

    view = caseView({ status: 'ResultsReady', delivery: MAILED })
    await page.instance.load()
    screen(page, 'case-sign-for-results')
    expect(page.dom.innerHTML).toContain('收到办理结果后请签收')
    expect(page.querySelector('.delivery').dom.textContent).toBe('中国邮政EMS 运单号 EMS1234567890')

    view = caseView({ status: 'Delivered', delivery: { ...MAILED, method: 'InPerson', carrier: null, trackingNumber: null, signed: true } })
    await page.instance.load()
    expect(page.dom.innerHTML).not.toContain('收到办理结果后请签收')
  })

  test('the agreed plan stays on the page after agreement', async () => {
    const plan = { version: 2, summary: '施工许可阶段全程包办', steps: [{ order: 1, description: '报送联合审图', targetDate: '2026-03-10' }], decision: 'Agreed' }
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView({ status: 'InProgress', plan }) }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    screen(page, 'case-plan-agreed')
    const html = page.dom.innerHTML
    expect(html).toContain('服务方案（第2版，您已确认）')
    expect(html).toContain('报送联合审图')
    expect(html).not.toContain('同意方案')
  })

  test('items are grouped by stage with how many are done', async () => {
    const items = [
      { code: 'S1-01', name: '建设项目用地预审与选址意见书', stage: 1, stageName: '立项用地规划许可', status: 'Approved', statusName: '已批准', dueOn: null, resultDocumentNo: '预审2026-1' },
      { code: 'S3-03', name: '建筑工程施工许可证核发', stage: 3, stageName: '施工许可', status: 'SubmittedToDepartment', statusName: '审查中', dueOn: '2026-03-10', resultDocumentNo: null },
      { code: 'S1-02', name: '建设用地规划许可证', stage: 1, stageName: '立项用地规划许可', status: 'Preparing', statusName: '准备材料', dueOn: null, resultDocumentNo: null },
    ]
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView({ items }) }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    screen(page, 'case-stages')
    const stages = page.querySelectorAll('.stage-name').map((n) => n.dom.textContent)
    expect(stages).toEqual(['立项用地规划许可（1/2项已办结）', '施工许可（0/1项已办结）'])
  })

  test('approvals left to the agent say so until the agent settles them', async () => {
    const waiting = caseView({ status: 'Assigned', statusName: '已指派', items: [], scopeToSettle: true })
    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: waiting }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    screen(page, 'case-scope-to-settle')
    expect(page.querySelector('.scope-to-settle').dom.textContent).toContain('代办员了解项目后会和您一起确定要办的审批')

    fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: caseView() }) })
    const settled = render(pageId)
    await settled.instance.onLoad({ id: '42' })
    expect(settled.querySelector('.scope-to-settle')).toBeUndefined()
  })

  test('coming back to the page reads the case again (评价 done elsewhere disappears)', async () => {
    let view = caseView({ status: 'Delivered', next: { action: 'Evaluate', needsEnterprise: true, title: '请评价本次服务', detail: '', owed: [] } })
    const server = fakeServer({ 'POST /api/mp/auth/login': login, 'GET /api/mp/cases/42': () => ({ body: view }) })
    const page = render(pageId)
    await page.instance.onLoad({ id: '42' })
    await page.instance.onShow()
    expect(server.calls.filter((c) => c.url === '/api/mp/cases/42').length).toBe(1)
    expect(page.dom.innerHTML).toContain('评价本次服务')

    view = caseView({ status: 'Evaluated', next: { action: 'None', needsEnterprise: false, title: '服务已完成', detail: '', owed: [] } })
    await page.instance.onShow()
    expect(server.calls.filter((c) => c.url === '/api/mp/cases/42').length).toBe(2)
    expect(page.dom.innerHTML).not.toContain('评价本次服务')
    wx.stopPullDownRefresh = jest.fn()
    await page.instance.onPullDownRefresh()
    expect(wx.stopPullDownRefresh).toHaveBeenCalled()
  })
})
