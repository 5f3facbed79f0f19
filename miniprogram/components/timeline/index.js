const format = require('../../utils/format')

// The case's progress as the enterprise sees it: the log lines meant for it, newest first, milestones marked.
Component({
  properties: {
    entries: { type: Array, value: [] },
  },
  data: { rows: [], milestones: 0 },
  observers: {
    entries(entries) {
      const rows = (entries || []).slice().reverse().map((e, i) => ({
        key: i,
        when: format.dateTime(e.at),
        content: e.content,
        milestone: e.kind === 'Milestone',
      }))
      this.setData({ rows, milestones: rows.filter((r) => r.milestone).length })
    },
  },
})
