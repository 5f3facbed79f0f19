const api = require('../../utils/api')
const format = require('../../utils/format')
const { requestConsent } = require('../../utils/subscribe')

// One case as the enterprise follows it: progress, each item's due date, the plan to agree, materials to supply,
// results to sign for, the evaluation and the archive.
Page({
  data: {
    id: 0,
    view: null,
    items: [],
    planComment: '',
    signedBy: '',
    signed: false,
    materials: [],
    busy: false,
  },

  onLoad(options) {
    this.setData({ id: Number(options.id) })
    return this.load()
  },

  async load() {
    try {
      const view = await api.request({ url: '/api/mp/cases/' + this.data.id })
      const items = view.items.map((i) => ({ code: i.code, name: i.name, statusName: i.statusName, due: format.day(i.dueOn), document: i.resultDocumentNo }))
      this.setData({ view, items })
    } catch (e) {
      api.showError(e)
    }
  },

  onPlanComment(e) {
    this.setData({ planComment: e.detail.value })
  },

  onAgree() {
    return this.decide(true)
  },

  onReject() {
    if (!this.data.planComment.trim()) {
      wx.showToast({ title: '退回方案时请写明原因', icon: 'none' })
      return Promise.resolve()
    }
    return this.decide(false)
  },

  async decide(agree) {
    if (this.data.busy) return
    this.setData({ busy: true })
    try {
      const view = await api.request({ url: `/api/mp/cases/${this.data.id}/plan-decision`, method: 'POST', data: { agree, comment: this.data.planComment.trim() || null } })
      this.setData({ view })
      // After agreeing, the enterprise wants to hear when materials are needed and when results are sent.
      if (agree) await requestConsent(['materials-needed', 'delivery-sent', 'evaluation-invite'])
      await this.load()
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ busy: false })
    }
  },

  onUpload() {
    return new Promise((resolve) => wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'],
      success: async ({ tempFiles }) => {
        const file = tempFiles[0]
        try {
          const material = await api.upload(`/api/mp/cases/${this.data.id}/materials`, file.path, { name: file.name.replace(/\.[^.]+$/, '') })
          this.setData({ materials: this.data.materials.concat([material]) })
          wx.showToast({ title: '已提交，代办员会尽快审查', icon: 'none' })
          await this.load()
        } catch (e) {
          api.showError(e)
        }
        resolve()
      },
      fail: () => resolve(),
    }))
  },

  onSignedBy(e) {
    this.setData({ signedBy: e.detail.value })
  },

  onSignature(e) {
    this.setData({ signed: e.detail.signed })
  },

  /** Confirms receipt of mailed results: the signature is uploaded as a material, then referenced by the receipt. */
  async onConfirmReceipt() {
    if (!this.data.signedBy.trim()) {
      wx.showToast({ title: '请填写签收人姓名', icon: 'none' })
      return
    }
    if (this.data.busy) return
    this.setData({ busy: true })
    try {
      const image = await this.selectComponent('#signature').exportImage()
      const signature = await api.upload(`/api/mp/cases/${this.data.id}/materials`, image, { name: '签收签名' })
      const view = await api.request({ url: `/api/mp/cases/${this.data.id}/receipt`, method: 'POST', data: { signedBy: this.data.signedBy.trim(), signatureReference: 'material:' + signature.id } })
      this.setData({ view })
      wx.showToast({ title: '已确认签收', icon: 'success' })
      await this.load()
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ busy: false })
    }
  },

  onEvaluate() {
    wx.navigateTo({ url: '/pages/evaluate/evaluate?id=' + this.data.id })
  },
})
