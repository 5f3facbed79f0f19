// Starts the real Daiban host (the Release build that `dotnet test` just made) on a free loopback port, with the
// embedded SQLite database, the demo team and a known password, and waits until /health answers.
const { spawn } = require('child_process')
const fs = require('fs')
const net = require('net')
const os = require('os')
const path = require('path')

const ROOT = path.join(__dirname, '..', '..')
const HOST = path.join(ROOT, 'src', 'Daiban.Web')

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

module.exports = async () => {
  const dll = path.join(HOST, 'bin', 'Release', 'net10.0', 'Daiban.Web.dll')
  if (!fs.existsSync(dll)) throw new Error(`Build the host first (dotnet build -c Release): ${dll} is missing`)
  const port = await freePort()
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'daiban-e2e-'))
  const base = `http://127.0.0.1:${port}`
  const log = fs.openSync(path.join(data, 'host.log'), 'w')
  const child = spawn('dotnet', [dll, '--urls', base], {
    cwd: HOST,
    env: Object.assign({}, process.env, {
      ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__MySql: '',
      ConnectionStrings__Redis: '',
      Database__SqlitePath: path.join(data, 'e2e.db'),
      Database__SeedDemoData: 'true',
      Demo__StaffPassword: 'Daiban-e2e-2026',
      Logging__LogLevel__Default: 'Warning',
    }),
    stdio: ['ignore', log, log],
  })
  globalThis.__DAIBAN_HOST__ = { child, data }
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error('The host exited early; see ' + path.join(data, 'host.log'))
    try {
      const r = await fetch(base + '/health')
      if (r.ok) break
    } catch (e) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500))
  }
  process.env.E2E_BASE = base
  process.env.E2E_PASSWORD = 'Daiban-e2e-2026'
  process.env.E2E_SCREENSHOTS = process.env.E2E_SCREENSHOTS || path.join(ROOT, '.test-run', 'screenshots')
  fs.mkdirSync(process.env.E2E_SCREENSHOTS, { recursive: true })
}
