const { fakeServer } = require('./helpers')
const api = require('../utils/api')

describe('api', () => {
  test('logs in once, and again after a 401, retrying the call', async () => {
    let logins = 0
    const server = fakeServer({
      'POST /api/mp/auth/login': () => ({ body: { token: 'tok-' + logins++ } }),
      'GET /api/mp/cases': (d, header) => (header.Authorization === 'Bearer tok-0' ? { status: 401, body: { title: '请先登录' } } : { body: [] }),
    })
    await expect(api.request({ url: '/api/mp/cases' })).resolves.toEqual([])
    expect(server.calls.map((c) => c.url)).toEqual(['/api/mp/auth/login', '/api/mp/cases', '/api/mp/auth/login', '/api/mp/cases'])
  })

  test('an error carries the server\'s Chinese title and status', async () => {
    fakeServer({ 'POST /api/mp/auth/login': () => ({ body: { token: 't' } }), 'POST /api/mp/cases': () => ({ status: 422, body: { title: '请先绑定企业，再以该企业名义申请。' } }) })
    await expect(api.request({ url: '/api/mp/cases', method: 'POST', data: {} })).rejects.toMatchObject({ message: '请先绑定企业，再以该企业名义申请。', status: 422 })
  })

  test('the base URL comes from config unless the app overrides it', async () => {
    fakeServer({ 'GET /health': () => ({ body: {} }) })
    await api.send({ url: '/health' })
    expect(wx.request.mock.calls[0][0].url).toBe('http://127.0.0.1:5080/health')
    const saved = global.getApp
    global.getApp = () => ({ globalData: { apiBase: 'https://daiban.example.gov.cn' } })
    await api.send({ url: '/health' })
    expect(wx.request.mock.calls[1][0].url).toBe('https://daiban.example.gov.cn/health')
    global.getApp = saved
  })
})
