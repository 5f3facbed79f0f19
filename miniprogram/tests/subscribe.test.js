const { loadPage, render, fakeServer, until } = require('./helpers')
const subscribe = require('../utils/subscribe')

const applyPage = loadPage('pages/apply/apply')
const casePage = loadPage('pages/case/case')
const login = () => ({ body: { token: 'tok' } })

// The server's enterprise notice keys (NoticeKeys.ToEnterprises) and their ids as GET /api/mp/subscriptions gives them.
const KEYS = ['case-registered', 'agent-assigned', 'plan-to-agree', 'materials-needed', 'item-approved', 'results-ready',
  'delivery-sent', 'case-closed', 'evaluation-invite']
const idOf = (key) => 'demo-' + key
const subscriptions = () => ({ body: KEYS.map((k) => ({ templateKey: k, templateId: idOf(k), remaining: 0 })) })

// Records what had been sent when the prompt came: WeChat shows it only straight from the tap.
function promptRecorder(server, answer = 'accept') {
  const prompts = []
  wx.requestSubscribeMessage = jest.fn(({ tmplIds, success }) => {
    prompts.push({ tmplIds, callsBefore: server.calls.map((c) => c.method + ' ' + c.url) })
    const result = { errMsg: 'requestSubscribeMessage:ok' }
    for (const id of tmplIds) result[id] = answer
    success(result)
  })
  return prompts
}

beforeEach(() => subscribe.reset())

test('each step asks for at most three keys, and every enterprise key is asked for at some tap', () => {
  const asked = new Set()
  for (const keys of Object.values(subscribe.STEPS).concat(Object.values(subscribe.NEXT_BY_STATUS))) {
    expect(keys.length).toBeLessThanOrEqual(3)
    for (const k of keys) { expect(KEYS).toContain(k); asked.add(k) }
  }
  expect([...asked].sort()).toEqual([...KEYS].sort())
  // 帮办/代办 never agree a plan: their own taps still lead to these.
  const helpTaps = [subscribe.STEPS.apply, subscribe.STEPS.upload, subscribe.STEPS.confirmReceipt].flat()
  for (const k of ['materials-needed', 'delivery-sent', 'evaluation-invite']) expect(helpTaps).toContain(k)
})

test('ids come from the server; the choices are reported; without ids nothing is asked', async () => {
  const server = fakeServer({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/subscriptions': subscriptions,
    'POST /api/mp/subscriptions': () => ({ body: [] }),
  })
  const prompts = promptRecorder(server)
  await subscribe.ask('agreePlan') // not loaded yet: no ids, no prompt
  expect(prompts).toHaveLength(0)

  await subscribe.load()
  await subscribe.ask('agreePlan')
  expect(prompts[0].tmplIds).toEqual(['demo-materials-needed', 'demo-item-approved', 'demo-results-ready'])
  expect(server.calls.find((c) => c.method === 'POST' && c.url === '/api/mp/subscriptions').data).toEqual({
    results: { 'demo-materials-needed': 'accept', 'demo-item-approved': 'accept', 'demo-results-ready': 'accept' },
  })
})

async function appliedWith(mode) {
  const server = fakeServer({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/subscriptions': subscriptions,
    'POST /api/mp/subscriptions': () => ({ body: [] }),
    'GET /api/mp/enterprises': () => ({ body: [{ contactId: 7, enterpriseId: 3, enterpriseName: '海岸', status: 'Confirmed' }] }),
    'POST /api/mp/cases': () => ({ status: 201, body: { id: 42 } }),
  })
  const prompts = promptRecorder(server)
  const page = render(applyPage)
  await page.instance.onLoad()
  await subscribe.load()
  page.instance.onMode({ currentTarget: { dataset: { value: mode } } })
  page.instance.onStage({ currentTarget: { dataset: { value: 3 } } })
  page.instance.onNext()
  page.setData({ project: { name: '海岸研发楼', location: '乳山市经济开发区', investmentType: 'Social', kind: 'Industrial', floorAreaSquareMeters: '' } })
  await page.instance.onSubmit()
  expect(prompts).toHaveLength(1)
  expect(prompts[0].callsBefore).not.toContain('POST /api/mp/cases') // from the tap, not after the reply
  expect(server.calls.some((c) => c.method === 'POST' && c.url === '/api/mp/cases')).toBe(true)
  return prompts[0].tmplIds
}

test('applying asks from the tap for registration, the agent and the next step of the mode', async () => {
  expect(await appliedWith('Agency')).toEqual(['demo-case-registered', 'demo-agent-assigned', 'demo-materials-needed'])
  expect(await appliedWith('FullService')).toEqual(['demo-case-registered', 'demo-agent-assigned', 'demo-plan-to-agree'])
})

function caseServer(view, extra = {}) {
  return fakeServer(Object.assign({
    'POST /api/mp/auth/login': login,
    'GET /api/mp/subscriptions': subscriptions,
    'POST /api/mp/subscriptions': () => ({ body: [] }),
    'GET /api/mp/cases/42': () => ({ body: view }),
  }, extra))
}

const view = (status) => ({
  id: 42, caseNumber: 'DB20260302-000042', modeName: '代办', status, statusName: status, agentName: '赵刚', items: [],
  plan: { version: 1, summary: '全程包办', steps: [], decision: 'Pending' }, canEvaluate: false, canWithdraw: false, timeline: [],
})

test('agreeing the plan asks from the tap, before the decision is sent', async () => {
  const server = caseServer(view('PlanProposed'), { 'POST /api/mp/cases/42/plan-decision': () => ({ body: view('PlanAgreed') }) })
  const prompts = promptRecorder(server)
  const page = render(casePage)
  await page.instance.onLoad({ id: '42' })
  await subscribe.load()
  await page.instance.onAgree()
  expect(prompts[0].tmplIds).toEqual(['demo-materials-needed', 'demo-item-approved', 'demo-results-ready'])
  expect(prompts[0].callsBefore.some((c) => c.endsWith('/plan-decision'))).toBe(false)
  expect(server.calls.some((c) => c.url.endsWith('/plan-decision'))).toBe(true)
})

test('uploading asks first, then where the file comes from, then opens the file chooser', async () => {
  const server = caseServer(view('AwaitingMaterials'), { 'UPLOAD /api/mp/cases/42/materials': () => ({ status: 201, body: { id: 5, name: '施工合同' } }) })
  const prompts = promptRecorder(server)
  const order = []
  wx.requestSubscribeMessage.mockImplementation(({ tmplIds, success }) => { order.push('prompt'); prompts.push({ tmplIds }); success({}) })
  wx.showActionSheet = jest.fn(({ success }) => { order.push('sheet'); success({ tapIndex: 2 }) })
  wx.chooseMessageFile = jest.fn(({ success }) => { order.push('chooser'); success({ tempFiles: [{ path: 'wxfile://a.pdf', name: '施工合同.pdf' }] }) })
  const page = render(casePage)
  await page.instance.onLoad({ id: '42' })
  await subscribe.load()
  await page.instance.onUpload()
  expect(order).toEqual(['prompt', 'sheet', 'chooser'])
  expect(prompts[0].tmplIds).toEqual(['demo-materials-needed', 'demo-item-approved', 'demo-delivery-sent'])
})

test('接收进度提醒 asks for what the case state leads to, and is not offered once nothing is left', async () => {
  const server = caseServer(view('ResultsReady'))
  const prompts = promptRecorder(server)
  const page = render(casePage)
  await page.instance.onLoad({ id: '42' })
  await subscribe.load()
  expect(page.dom.innerHTML).toContain('接收进度提醒')
  page.querySelector('.follow').dispatchEvent('click')
  await until(() => prompts.length > 0)
  expect(prompts[0].tmplIds).toEqual(['demo-delivery-sent', 'demo-evaluation-invite'])

  caseServer(view('Evaluated'))
  const done = render(casePage)
  await done.instance.onLoad({ id: '42' })
  expect(done.dom.innerHTML).not.toContain('接收进度提醒')
})
