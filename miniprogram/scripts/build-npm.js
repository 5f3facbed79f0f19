// What WeChat DevTools' "Build npm" does: copy each dependency's mini-program folder to miniprogram_npm/.
// Run before tests (npm pretest) and before opening the project; the output is not committed.
const fs = require('fs')
const path = require('path')

const root = path.join(__dirname, '..')
const pkg = require(path.join(root, 'package.json'))
for (const name of Object.keys(pkg.dependencies || {})) {
  const dir = path.join(root, 'node_modules', name)
  const manifest = require(path.join(dir, 'package.json'))
  const source = path.join(dir, manifest.miniprogram || 'miniprogram_dist')
  const target = path.join(root, 'miniprogram_npm', name)
  fs.rmSync(target, { recursive: true, force: true })
  fs.cpSync(source, target, { recursive: true })
}
