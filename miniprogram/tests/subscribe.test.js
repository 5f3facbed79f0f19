const { fakeServer } = require('./helpers')
const config = require('../config')
const { requestConsent } = require('../utils/subscribe')

test('consent is asked for the configured templates (at most three) and the choices are reported', async () => {
  Object.assign(config.templates, { 'case-registered': 'TPL_A', 'agent-assigned': 'TPL_B', 'plan-to-agree': 'TPL_C', 'delivery-sent': 'TPL_D' })
  const server = fakeServer({
    'POST /api/mp/auth/login': () => ({ body: { token: 't' } }),
    'POST /api/mp/subscriptions': () => ({ body: [] }),
  })
  wx.requestSubscribeMessage = jest.fn(({ success }) => success({ errMsg: 'requestSubscribeMessage:ok', TPL_A: 'accept', TPL_B: 'reject', TPL_C: 'accept' }))

  await requestConsent(['case-registered', 'agent-assigned', 'plan-to-agree', 'delivery-sent'])

  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['TPL_A', 'TPL_B', 'TPL_C'])
  expect(server.calls.find((c) => c.url === '/api/mp/subscriptions').data).toEqual({ results: { TPL_A: 'accept', TPL_B: 'reject', TPL_C: 'accept' } })
})
