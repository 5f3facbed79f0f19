const api = require('../../../utils/api')

// A staff member ties this WeChat to their account with the eight-digit code from the console's 我的账号, once.
Page({
  data: { code: '', error: '' },

  onInput(e) {
    this.setData({ code: e.detail.value.trim(), error: '' })
  },

  async onBind() {
    if (!/^\d{8}$/.test(this.data.code)) {
      this.setData({ error: '请输入8位数字绑定码' })
      return
    }
    try {
      await api.request({ url: '/api/mp/staff-binding', method: 'POST', data: { code: this.data.code } })
      wx.removeStorageSync(api.STAFF_TOKEN_KEY)
      wx.redirectTo({ url: '/pages/agent/cases/cases' })
    } catch (e) {
      this.setData({ error: e.message })
    }
  },
})
