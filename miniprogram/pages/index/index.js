const api = require('../../utils/api')
const format = require('../../utils/format')

const SUGGESTIONS = ['代办收费吗？', '帮办、代办、包办有什么区别？', '施工许可证要多久？', '我的案件进度', '转人工']
const POLL_MS = 10000

// The front door: ask the consultation bot; a person takes over when asked (or when the bot is unsure twice),
// and their replies appear here, named and timed, while the page is open. Reopened, the page reads the
// conversation's state again: a hand-off keeps its banner and its polling. The newest message is scrolled to.
Page({
  data: {
    messages: [],
    input: '',
    sending: false,
    handedOff: false,
    agentName: '',
    suggestions: SUGGESTIONS,
  },

  onLoad() {
    return this.loadHistory()
  },

  onShow() {
    if (this.data.handedOff) this.startPolling()
  },

  onHide() {
    this.stopPolling()
  },

  onUnload() {
    this.stopPolling()
  },

  async loadHistory() {
    try {
      const chat = await api.request({ url: '/api/mp/chat' })
      const history = chat.messages || []
      this.lastId = history.length ? history[history.length - 1].id : 0
      const handedOff = chat.status === 'HandedOff'
      this.setData({ messages: history.map(toView), handedOff, agentName: chat.agentName || '' })
      if (handedOff) this.startPolling()
      this.scrollToNewest()
    } catch (e) {
      // No history yet, or offline: the page still works for new questions.
    }
  },

  scrollToNewest() {
    if (this.data.messages.length && wx.pageScrollTo) wx.pageScrollTo({ selector: '#newest', duration: 200 })
  },

  onInput(e) {
    this.setData({ input: e.detail.value })
  },

  onSuggestion(e) {
    return this.ask(e.currentTarget.dataset.q)
  },

  onSend() {
    return this.ask(this.data.input)
  },

  async ask(text) {
    const question = (text || '').trim()
    if (!question || this.data.sending) return
    this.setData({ sending: true, input: '', messages: this.data.messages.concat([{ key: 'u' + Date.now(), author: 'User', text: question, sources: [] }]) })
    this.scrollToNewest()
    try {
      const r = await api.request({ url: '/api/chat/ask', method: 'POST', data: { question } })
      const bot = { key: 'b' + Date.now(), author: 'Bot', text: r.answer, intent: r.intent, sources: r.sources || [] }
      this.setData({ messages: this.data.messages.concat([bot]), handedOff: r.status === 'HandedOff', agentName: r.agentName || '' })
      if (r.handoff || r.status === 'HandedOff') this.startPolling()
      this.scrollToNewest()
    } catch (e) {
      api.showError(e)
      this.setData({ input: question })
    } finally {
      this.setData({ sending: false })
    }
  },

  startPolling() {
    if (this.timer) return
    this.timer = setInterval(() => this.poll(), POLL_MS)
  },

  stopPolling() {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  },

  /** New messages since the last one seen: only a person's replies are added (the bot's are already shown). */
  async poll() {
    try {
      const fresh = await api.request({ url: '/api/mp/chat/messages?after=' + (this.lastId || 0) })
      if (fresh.length) this.lastId = fresh[fresh.length - 1].id
      const replies = fresh.filter((m) => m.author === 'Agent').map(toView)
      if (replies.length) {
        this.setData({ messages: this.data.messages.concat(replies) })
        this.scrollToNewest()
      }
    } catch (e) {
      // Try again at the next tick.
    }
  },

  onApply() {
    wx.navigateTo({ url: '/pages/apply/apply' })
  },
})

/** A message as shown; a person's reply is signed with who wrote it and when. */
function toView(m) {
  const by = m.author === 'Agent' ? `${m.authorName || '代办员'} · ${format.dateTime(m.at)}` : ''
  return { key: 'm' + m.id, author: m.author, text: m.text, intent: m.intent, sources: m.sources || [], by }
}
