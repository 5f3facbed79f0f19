const api = require('../../../utils/api')
const { byUrgency } = require('../../../utils/urgency')

Page({
  data: { cases: [], handoffs: 0, loaded: false, unbound: false },

  onShow() {
    return this.load()
  },

  async onPullDownRefresh() {
    await this.load()
    wx.stopPullDownRefresh && wx.stopPullDownRefresh()
  },

  async load() {
    try {
      const [cases, handoffs] = await Promise.all([
        api.staffRequest({ url: '/api/staff/cases' }),
        api.staffRequest({ url: '/api/staff/consultations?status=HandedOff' }),
      ])
      this.setData({ cases: byUrgency(cases), handoffs: handoffs.length, loaded: true })
    } catch (e) {
      if (e.status === 403) this.setData({ unbound: true, loaded: true })
      else api.showError(e)
    }
  },

  onOpen(e) {
    wx.navigateTo({ url: '/pages/agent/case/case?id=' + e.currentTarget.dataset.id })
  },

  onHandoffs() {
    wx.navigateTo({ url: '/pages/agent/consultations/consultations' })
  },

  onBind() {
    wx.navigateTo({ url: '/pages/agent/bind/bind' })
  },
})
