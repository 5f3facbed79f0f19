const api = require('../../utils/api')
const format = require('../../utils/format')

// Every notice the service sent, including those WeChat could not deliver as a subscribe message.
Page({
  data: { messages: [], loaded: false },

  onShow() {
    return this.load()
  },

  async load() {
    try {
      const messages = await api.request({ url: '/api/mp/messages' })
      this.setData({ messages: messages.map((m) => ({ id: m.id, title: m.title, when: format.dateTime(m.createdAt), caseId: m.caseId, read: m.read })), loaded: true })
    } catch (e) {
      api.showError(e)
      this.setData({ loaded: true })
    }
  },

  onOpen(e) {
    const caseId = e.currentTarget.dataset.case
    if (caseId) wx.navigateTo({ url: '/pages/case/case?id=' + caseId })
  },
})
