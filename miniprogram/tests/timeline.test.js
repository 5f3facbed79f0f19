const { loadComponent, render } = require('./helpers')

const id = loadComponent('components/timeline/index')

test('timeline: newest first, milestones counted and marked, dates in China time', () => {
  const comp = render(id, {
    entries: [
      { at: '2026-03-02T01:00:00Z', kind: 'Work', content: '接收材料' },
      { at: '2026-03-03T16:30:00Z', kind: 'Milestone', content: '施工许可证已核发' },
    ],
  })
  expect(comp.data.rows.map((r) => r.content)).toEqual(['施工许可证已核发', '接收材料'])
  expect(comp.data.rows[0].when).toBe('3月4日 00:30')
  expect(comp.data.milestones).toBe(1)
  expect(comp.dom.querySelectorAll('[data-milestone="true"]').length).toBe(1)
  comp.setData({ entries: [] })
  expect(comp.dom.innerHTML).toContain('暂无办理记录')
})
