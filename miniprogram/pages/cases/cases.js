const api = require('../../utils/api')

Page({
  data: { cases: [], loaded: false },

  onShow() {
    return this.load()
  },

  async onPullDownRefresh() {
    await this.load()
    wx.stopPullDownRefresh && wx.stopPullDownRefresh()
  },

  async load() {
    try {
      const cases = await api.request({ url: '/api/mp/cases' })
      this.setData({ cases, loaded: true })
    } catch (e) {
      api.showError(e)
      this.setData({ loaded: true })
    }
  },

  onOpen(e) {
    wx.navigateTo({ url: '/pages/case/case?id=' + e.currentTarget.dataset.id })
  },

  onApply() {
    wx.navigateTo({ url: '/pages/apply/apply' })
  },
})
