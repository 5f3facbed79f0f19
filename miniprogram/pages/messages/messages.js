const api = require('../../utils/api')
const format = require('../../utils/format')

const TAB = 2 // the 消息 tab

// Every notice the service sent, including those WeChat could not deliver as a subscribe message. Opening one marks
// it read; the tab shows how many are unread.
Page({
  data: { messages: [], unread: 0, loaded: false },

  onShow() {
    return this.load()
  },

  async load() {
    try {
      const messages = await api.request({ url: '/api/mp/messages' })
      this.show(messages.map((m) => ({
        id: m.id, title: m.title, detail: m.detail || '', when: format.dateTime(m.createdAt),
        caseId: m.caseId, read: m.read,
      })))
    } catch (e) {
      api.showError(e)
      this.setData({ loaded: true })
    }
  },

  show(messages) {
    const unread = messages.filter((m) => !m.read).length
    this.setData({ messages, unread, loaded: true })
    if (unread > 0) wx.setTabBarBadge({ index: TAB, text: unread > 99 ? '99+' : String(unread) })
    else wx.removeTabBarBadge({ index: TAB })
  },

  async onOpen(e) {
    const { id, case: caseId } = e.currentTarget.dataset
    const message = this.data.messages.find((m) => m.id === id)
    if (message && !message.read) {
      // Shown read at once; the server is told on the way (a failure only leaves it unread for next time).
      this.show(this.data.messages.map((m) => (m.id === id ? Object.assign({}, m, { read: true }) : m)))
      api.request({ url: `/api/mp/messages/${id}/read`, method: 'POST', data: {} }).catch(() => {})
    }
    if (caseId) wx.navigateTo({ url: '/pages/case/case?id=' + caseId })
  },

  // Staff who bound this WeChat reach their agent pages here; that page offers binding to anyone else.
  onStaff() {
    wx.navigateTo({ url: '/pages/agent/cases/cases' })
  },

  async onReadAll() {
    try {
      await api.request({ url: '/api/mp/messages/read-all', method: 'POST', data: {} })
      this.show(this.data.messages.map((m) => Object.assign({}, m, { read: true })))
    } catch (e) {
      api.showError(e)
    }
  },
})
