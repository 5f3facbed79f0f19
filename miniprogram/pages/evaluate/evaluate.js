const api = require('../../utils/api')

// 好差评 five levels (5 非常满意 … 1 非常不满意), as the server names them.
const LEVELS = [
  { value: 'VerySatisfied', name: '非常满意' },
  { value: 'Satisfied', name: '满意' },
  { value: 'Neutral', name: '基本满意' },
  { value: 'Dissatisfied', name: '不满意' },
  { value: 'VeryDissatisfied', name: '非常不满意' },
]
// The policy's 帮办代办包办评价表: besides the overall level, four aspects of the agent's service.
const ASPECTS = [
  { key: 'attitude', name: '服务态度' },
  { key: 'efficiency', name: '办理效率' },
  { key: 'expertise', name: '业务水平' },
  { key: 'coordination', name: '沟通协调' },
]

Page({
  data: {
    id: 0,
    levels: LEVELS,
    aspects: ASPECTS,
    form: { overall: '', attitude: '', efficiency: '', expertise: '', coordination: '', comment: '', suggestions: '' },
    error: '',
    submitting: false,
  },

  onLoad(options) {
    this.setData({ id: Number(options.id) })
  },

  onPick(e) {
    const { field, value } = e.currentTarget.dataset
    this.setData({ ['form.' + field]: value, error: '' })
  },

  onText(e) {
    this.setData({ ['form.' + e.currentTarget.dataset.field]: e.detail.value })
  },

  async onSubmit() {
    const f = this.data.form
    if (!f.overall) {
      this.setData({ error: '请选择总体评价' })
      return
    }
    // A bad aspect is a bad review too (the server opens a callback for it): it needs the reason as well.
    const isBad = (level) => level === 'Dissatisfied' || level === 'VeryDissatisfied'
    const bad = [f.overall].concat(ASPECTS.map((a) => f[a.key])).some(isBad)
    if (bad && !f.comment.trim()) {
      this.setData({ error: '选择不满意时，请写下原因，便于我们核实整改' })
      return
    }
    if (this.data.submitting) return
    this.setData({ submitting: true })
    try {
      await api.request({
        url: `/api/mp/cases/${this.data.id}/evaluation`,
        method: 'POST',
        data: {
          overall: f.overall, attitude: f.attitude || null, efficiency: f.efficiency || null, expertise: f.expertise || null,
          coordination: f.coordination || null, comment: f.comment.trim() || null, suggestions: f.suggestions.trim() || null,
        },
      })
      wx.showToast({ title: bad ? '已收到，工作人员会回访' : '感谢您的评价', icon: 'none' })
      wx.redirectTo({ url: '/pages/case/case?id=' + this.data.id })
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ submitting: false })
    }
  },
})
