// Arranging through the staff API what a browser test does not click through: signing in, registering a walk-in case.

/** What the enterprise asked for in a walk-in case this module registers. */
const REQUEST = '土地已摘牌，年后想开工，先办施工许可'

/** The demo agents' user names by display name, as the dispatch suggestion names them. */
const AGENTS = { 李强: 'liqiang', 张丽: 'zhangli', 赵刚: 'zhaogang' }

/** A staff API call as <userName>, for arranging what the test does not click through. */
async function staffApi(userName) {
  const base = process.env.E2E_BASE
  const login = await fetch(base + '/api/staff/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password: process.env.E2E_PASSWORD }),
  }).then((r) => r.json())
  return async (path, body) => {
    const r = await fetch(base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + login.token },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
}

/** A valid 统一社会信用代码 ending in <n> (GB 32100 check character). */
function creditCode(n) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const first17 = '91371083MA' + String(n).padStart(7, '0')
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0)
  return first17 + alphabet[(31 - (sum % 31)) % 31]
}

/** A walk-in 代办 application the window typed in; answers the case. */
async function walkIn(enterpriseName, creditCode, phone) {
  const clerk = await staffApi('wangmin')
  return clerk('/api/staff/cases', {
    enterpriseName, creditCode, contactName: '刘页眉', contactPhone: phone, mode: 'Agency',
    items: ['S3-01', 'S3-03'], request: REQUEST,
    project: { name: enterpriseName.replace('有限公司', '新厂房'), location: '乳山市', investmentType: 'Social', kind: 'Industrial' },
  })
}

module.exports = { AGENTS, REQUEST, staffApi, creditCode, walkIn }
