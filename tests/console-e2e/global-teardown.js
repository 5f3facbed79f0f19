const fs = require('fs')

module.exports = async () => {
  const host = globalThis.__DAIBAN_HOST__
  if (!host) return
  host.child.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 500))
  if (host.child.exitCode === null) host.child.kill('SIGKILL')
  fs.rmSync(host.data, { recursive: true, force: true })
}
