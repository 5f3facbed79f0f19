const api = require('../../../utils/api')
const format = require('../../../utils/format')

// The agent on the road: the case's items and due dates, and the 代办日志 written where the work happens.
Page({
  data: {
    id: 0, view: null, due: '', overdue: false, items: [],
    log: { content: '', milestone: false, visibleToEnterprise: true }, error: '', saving: false,
  },

  onLoad(options) {
    this.setData({ id: Number(options.id) })
    return this.load()
  },

  async load() {
    try {
      const view = await api.staffRequest({ url: '/api/staff/cases/' + this.data.id })
      const header = view.header || {}
      // The nearest due date with the server's working days, as the console's case header says it.
      const due = header.nextDueOn ? `${format.day(header.nextDueOn)}（${format.dueIn(header.workingDaysLeft)}）` : ''
      this.setData({
        view, due, overdue: header.workingDaysLeft < 0,
        items: view.items.map((i) => ({
          code: i.code, name: i.name, statusName: i.statusName, due: format.day(i.dueOn),
        })),
      })
    } catch (e) {
      api.showError(e)
    }
  },

  onLogInput(e) {
    this.setData({ 'log.content': e.detail.value, error: '' })
  },

  onMilestone(e) {
    this.setData({ 'log.milestone': e.detail.value })
  },

  onVisible(e) {
    this.setData({ 'log.visibleToEnterprise': e.detail.value })
  },

  async onSaveLog() {
    const log = this.data.log
    if (!log.content.trim()) {
      this.setData({ error: '请填写办理情况' })
      return
    }
    if (this.data.saving) return
    this.setData({ saving: true })
    try {
      await api.staffRequest({ url: `/api/staff/cases/${this.data.id}/logs`, method: 'POST', data: { content: log.content.trim(), milestone: log.milestone, visibleToEnterprise: log.visibleToEnterprise } })
      this.setData({ log: { content: '', milestone: false, visibleToEnterprise: true } })
      wx.showToast({ title: '日志已记录', icon: 'success' })
      await this.load()
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ saving: false })
    }
  },
})
