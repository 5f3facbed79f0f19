const api = require('../../utils/api')
const format = require('../../utils/format')
const subscribe = require('../../utils/subscribe')

// One case as the enterprise follows it. The "now" card on top says what the enterprise must do (the server's
// next step: agree the plan, supply the materials asked for, sign for mailed results, evaluate) or what the service
// is doing; below, the plan (kept after it is agreed), the items by stage, the materials supplied with their review,
// free mailing, and the timeline. Reloaded on return to the page and by pulling down.
Page({
  data: {
    id: 0,
    view: null,
    groups: [],
    materials: [],
    planComment: '',
    signedBy: '',
    signed: false,
    parcels: [],
    parcel: { contents: '', carrier: '', trackingNumber: '' },
    withdrawReason: '',
    busy: false,
    canFollow: false,
  },

  onLoad(options) {
    subscribe.load()
    this.setData({ id: Number(options.id) })
    return this.load()
  },

  /** Back from 评价 or another page: what the server holds now (onLoad already read it the first time). */
  onShow() {
    if (!this.shown) {
      this.shown = true
      return Promise.resolve()
    }
    return this.load()
  },

  async onPullDownRefresh() {
    await this.load()
    wx.stopPullDownRefresh && wx.stopPullDownRefresh()
  },

  async load() {
    try {
      const view = await api.request({ url: '/api/mp/cases/' + this.data.id })
      const groups = byStage(view.items)
      const materials = (view.materials || []).map((m) => ({
        id: m.id, name: m.name, review: m.reviewName, note: m.reviewNote, sentBack: m.review === 'NeedsCorrection',
        at: format.dateTime(m.receivedAt),
      }))
      const parcels = (view.parcels || []).map((p) => ({
        id: p.id,
        inbound: p.direction === 'ToService',
        label: (p.direction === 'ToService' ? '寄给代办员：' : '代办员寄回：') + p.contents,
        tracking: p.carrier + ' ' + p.trackingNumber,
        state: p.receivedAt ? (p.direction === 'ToService' ? '代办员已收到' : '已签收') : (p.direction === 'ToService' ? '运输中' : '待您签收'),
        canConfirm: p.direction === 'ToEnterprise' && !p.receivedAt,
      }))
      const delivery = view.delivery
      const awaitingReceipt = !!delivery && delivery.method === 'Mail' && !delivery.signed
      this.setData({
        view, groups, materials, parcels, awaitingReceipt,
        canFollow: subscribe.keysFor('next', view.status).length > 0,
      })
    } catch (e) {
      api.showError(e)
    }
  },

  onPlanComment(e) {
    this.setData({ planComment: e.detail.value })
  },

  onAgree() {
    const consent = subscribe.ask('agreePlan')
    return this.decide(true).then(() => consent)
  },

  /** 联系代办员: the agent's work phone, dialled by the phone itself. */
  onCall() {
    wx.makePhoneCall({ phoneNumber: this.data.view.agentPhone, fail: () => {} })
  },

  /** 接收进度提醒: consent for what this case's state leads to next, in every mode. */
  onFollow() {
    return subscribe.ask('next', this.data.view.status)
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
      await this.load()
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ busy: false })
    }
  },

  /** 上传 beside a material asked for: the file goes in under that material's name (and item). */
  onUploadFor(e) {
    const { name, item } = e.currentTarget.dataset
    return this.upload(name, item || null)
  },

  /** 上传其他材料: a file under its own name. */
  onUpload() {
    return this.upload(null, null)
  },

  /**
   * The subscribe prompt first, straight from the tap; then where the file comes from (camera, album or a file from
   * a chat), then the upload. A cancelled choice uploads nothing.
   */
  upload(name, itemCode) {
    return subscribe.ask('upload').then(() => chooseFile()).then(async (file) => {
      if (!file) return
      try {
        const form = { name: name || file.name.replace(/\.[^.]+$/, '') }
        if (itemCode) form.itemCode = itemCode
        await api.upload(`/api/mp/cases/${this.data.id}/materials`, file.path, form)
        wx.showToast({ title: '已提交，代办员会尽快审查', icon: 'none' })
        await this.load()
      } catch (err) {
        api.showError(err)
      }
    })
  },

  onParcelField(e) {
    this.setData({ ['parcel.' + e.currentTarget.dataset.field]: e.detail.value })
  },

  /** Records paper materials mailed to the agent (free two-way mailing): what, the carrier, the tracking number. */
  async onMailMaterials() {
    const parcel = this.data.parcel
    const missing = [['contents', '请填写寄送的材料'], ['carrier', '请填写快递公司'], ['trackingNumber', '请填写运单号']].find(([k]) => !parcel[k].trim())
    if (missing) {
      wx.showToast({ title: missing[1], icon: 'none' })
      return
    }
    if (this.data.busy) return
    const consent = subscribe.ask('upload')
    this.setData({ busy: true })
    try {
      const data = { contents: parcel.contents.trim(), carrier: parcel.carrier.trim(), trackingNumber: parcel.trackingNumber.trim() }
      await api.request({ url: `/api/mp/cases/${this.data.id}/parcels`, method: 'POST', data })
      this.setData({ parcel: { contents: '', carrier: '', trackingNumber: '' } })
      wx.showToast({ title: '已通知代办员', icon: 'success' })
      await this.load()
      await consent
    } catch (e) {
      api.showError(e)
    } finally {
      this.setData({ busy: false })
    }
  },

  async onConfirmParcel(e) {
    try {
      await api.request({ url: `/api/mp/cases/${this.data.id}/parcels/${e.currentTarget.dataset.id}/received`, method: 'POST', data: {} })
      wx.showToast({ title: '已签收', icon: 'success' })
      await this.load()
    } catch (err) {
      api.showError(err)
    }
  },

  onWithdrawReason(e) {
    this.setData({ withdrawReason: e.detail.value })
  },

  onWithdraw() {
    const reason = this.data.withdrawReason.trim()
    if (!reason) {
      wx.showToast({ title: '请填写撤回原因', icon: 'none' })
      return Promise.resolve()
    }
    return new Promise((resolve) => wx.showModal({
      title: '撤回申请',
      content: '撤回后本次帮办代办服务结束，如需办理请重新申请。确定撤回吗？',
      success: async ({ confirm }) => {
        if (confirm) {
          try {
            await api.request({ url: `/api/mp/cases/${this.data.id}/withdrawal`, method: 'POST', data: { reason } })
            wx.showToast({ title: '已撤回', icon: 'success' })
            await this.load()
          } catch (e) {
            api.showError(e)
          }
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
    // Only for a tap that signs: an unsigned pad is refused below without a prompt.
    const consent = this.data.signed ? subscribe.ask('confirmReceipt') : Promise.resolve({})
    this.setData({ busy: true })
    try {
      const image = await this.selectComponent('#signature').exportImage()
      const signature = await api.upload(`/api/mp/cases/${this.data.id}/materials`, image, { name: '签收签名' })
      const view = await api.request({ url: `/api/mp/cases/${this.data.id}/receipt`, method: 'POST', data: { signedBy: this.data.signedBy.trim(), signatureReference: 'material:' + signature.id } })
      this.setData({ view })
      wx.showToast({ title: '已确认签收', icon: 'success' })
      await this.load()
      await consent
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

const SOURCES = ['拍照', '从手机相册选择', '从微信聊天记录选择文件']

/** Asks where the file comes from and lets the user pick it: { path, name }, or null when cancelled. */
function chooseFile() {
  return new Promise((resolve) => wx.showActionSheet({
    itemList: SOURCES,
    success: ({ tapIndex }) => {
      if (tapIndex === 2) {
        wx.chooseMessageFile({
          count: 1,
          type: 'file',
          extension: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'],
          success: ({ tempFiles }) => resolve({ path: tempFiles[0].path, name: tempFiles[0].name }),
          fail: () => resolve(null),
        })
        return
      }
      wx.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sourceType: [tapIndex === 0 ? 'camera' : 'album'],
        sizeType: ['compressed'],
        success: ({ tempFiles }) => resolve({ path: tempFiles[0].tempFilePath, name: tapIndex === 0 ? '拍照' : '图片' }),
        fail: () => resolve(null),
      })
    },
    fail: () => resolve(null),
  }))
}

/** The items in stage order, each stage with how many of its items are done. */
function byStage(items) {
  const groups = []
  for (const i of items) {
    let g = groups.find((x) => x.stage === i.stage)
    if (!g) groups.push(g = { stage: i.stage, name: i.stageName, items: [], done: 0 })
    g.items.push({ code: i.code, name: i.name, statusName: i.statusName, due: format.day(i.dueOn), document: i.resultDocumentNo })
    if (i.status === 'Approved' || i.status === 'Refused') g.done++
  }
  return groups.sort((a, b) => a.stage - b.stage)
}
