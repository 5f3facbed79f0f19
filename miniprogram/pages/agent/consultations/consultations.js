const api = require('../../../utils/api')

// Hand-offs from the consultation bot: the whole transcript, and a reply that reaches the enterprise
// (in its chat, and on WeChat within 48 hours of its last message).
Page({
  data: { list: [], current: null, reply: '', sending: false },

  onShow() {
    return this.load()
  },

  async load() {
    try {
      const list = await api.staffRequest({ url: '/api/staff/consultations?status=HandedOff' })
      this.setData({ list })
    } catch (e) {
      api.showError(e)
    }
  },

  async onOpen(e) {
    try {
      const current = await api.staffRequest({ url: '/api/staff/consultations/' + e.currentTarget.dataset.id })
      this.setData({ current, reply: '' })
    } catch (err) {
      api.showError(err)
    }
  },

  onReplyInput(e) {
    this.setData({ reply: e.detail.value })
  },

  async onSend() {
    const text = this.data.reply.trim()
    if (!text || !this.data.current || this.data.sending) return
    this.setData({ sending: true })
    try {
      const message = await api.staffRequest({ url: `/api/staff/consultations/${this.data.current.id}/replies`, method: 'POST', data: { text } })
      this.setData({ 'current.messages': this.data.current.messages.concat([message]), reply: '' })
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ sending: false })
    }
  },

  onClose() {
    this.setData({ current: null })
    return this.load()
  },
})
