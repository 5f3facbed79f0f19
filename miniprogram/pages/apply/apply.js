const api = require('../../utils/api')
const subscribe = require('../../utils/subscribe')

const MODES = [
  { value: 'Help', name: '帮办', hint: '讲政策、帮填表、帮备材料，双向免费邮寄' },
  { value: 'Agency', name: '代办', hint: '代为办理一个或几个事项、某一阶段' },
  { value: 'FullService', name: '包办', hint: '四个阶段全程包办，先商定服务方案' },
]
// Each stage in the words of someone who has not been through it yet.
const STAGES = [
  { value: 1, name: '立项用地规划许可', hint: '项目立项（审批、核准或备案）、选址和用地，办建设用地规划许可证' },
  { value: 2, name: '工程建设许可', hint: '设计方案审查，办建设工程规划许可证' },
  { value: 3, name: '施工许可', hint: '施工图审查、消防和人防设计审查，办施工许可证' },
  { value: 4, name: '竣工验收', hint: '规划、消防、人防等联合验收和竣工验收备案' },
]
// The server's InvestmentType and ProjectKind (Core/Projects), as the applicant knows them.
const INVESTMENT_TYPES = [
  { value: 'Social', name: '社会投资', hint: '企业自有资金投资' },
  { value: 'Government', name: '政府投资', hint: '使用财政资金' },
]
const KINDS = [
  { value: 'Industrial', name: '工业项目', hint: '厂房、仓库等' },
  { value: 'Civil', name: '民用建筑', hint: '住宅、商业、学校、医院等' },
  { value: 'SimpleLowRisk', name: '简易低风险项目', hint: '3000平方米以内、功能单一的小型建筑' },
  { value: 'Linear', name: '线性工程', hint: '道路、管线等市政基础设施' },
]
const STEP_NAMES = ['企业', '服务', '项目']
// The server names the field at fault by its label: its reason is shown beside that field, not in a toast.
const FIELD_LABELS = {
  企业名称: 'enterpriseName', 统一社会信用代码: 'creditCode', 联系人姓名: 'contactName', 联系人: 'contactName',
  项目名称: 'name', 建设地点: 'location',
}
// 统一社会信用代码: 18 characters, digits and capitals without I, O, S, V, Z (the server checks the check digit).
const CREDIT_CODE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/

// The application in three steps shown on top (企业 · 服务 · 项目), each with 上一步: who (bind the enterprise once),
// what (mode and stages, explained in plain words), the project (with its investment type and category).
Page({
  data: {
    step: 0,
    modes: MODES,
    stages: STAGES,
    investmentTypes: INVESTMENT_TYPES,
    kinds: KINDS,
    stepNames: STEP_NAMES,
    enterprises: [],
    // The first binding while the window has not confirmed it (it says what is still needed).
    binding: null,
    enterprise: { enterpriseName: '', creditCode: '', contactName: '' },
    mode: 'Agency',
    selectedStages: [],
    // 不清楚，由代办员帮我确定: the agent settles the approvals with the enterprise.
    scopeLeftToAgent: false,
    project: { name: '', location: '', investmentType: 'Social', kind: 'Industrial', floorAreaSquareMeters: '' },
    request: '',
    errors: {},
    submitting: false,
    privacyShown: false,
  },

  async onLoad() {
    subscribe.load()
    // With __usePrivacyCheck__ WeChat holds back getPhoneNumber until the user agrees to the privacy guide; it asks
    // us to show our popup and waits for its answer.
    if (wx.onNeedPrivacyAuthorization) {
      wx.onNeedPrivacyAuthorization((resolve) => {
        this.privacyResolve = resolve
        this.setData({ privacyShown: true })
      })
    }
    try {
      const enterprises = await api.request({ url: '/api/mp/enterprises' })
      this.setData({ enterprises, binding: enterprises[0] || null, step: enterprises.length ? 1 : 0 })
    } catch (e) {
      api.showError(e)
    }
  },

  onEnterpriseInput(e) {
    this.setData({ ['enterprise.' + e.currentTarget.dataset.field]: e.detail.value })
  },

  async onBind() {
    const { enterpriseName, creditCode, contactName } = this.data.enterprise
    const errors = {}
    if (!enterpriseName.trim()) errors.enterpriseName = '请填写企业名称'
    if (!CREDIT_CODE.test(creditCode.trim().toUpperCase())) errors.creditCode = '统一社会信用代码应为18位'
    if (!contactName.trim()) errors.contactName = '请填写联系人姓名'
    this.setData({ errors })
    if (Object.keys(errors).length) return
    try {
      const binding = await api.request({ url: '/api/mp/enterprises', method: 'POST', data: { enterpriseName: enterpriseName.trim(), creditCode: creditCode.trim().toUpperCase(), contactName: contactName.trim() } })
      this.setData({ enterprises: [binding], binding, step: 1 })
    } catch (e) {
      this.showRefusal(e)
    }
  },

  /** WeChat's phone verification: the window sees a verified phone instead of one typed in. */
  async onPhone(e) {
    if (!e.detail || !e.detail.code) return
    try {
      await api.request({ url: '/api/mp/me/phone', method: 'POST', data: { code: e.detail.code } })
      const enterprises = await api.request({ url: '/api/mp/enterprises' })
      this.setData({ enterprises, binding: enterprises[0] || null })
    } catch (err) {
      api.showError(err)
    }
  },

  onOpenPrivacy() {
    wx.openPrivacyContract({})
  },

  /** The agree button (open-type agreePrivacyAuthorization) tells WeChat itself; the pending call then goes on. */
  onAgreePrivacy() {
    this.answerPrivacy({ buttonId: 'agree-privacy', event: 'agree' })
  },

  onDisagreePrivacy() {
    this.answerPrivacy({ event: 'disagree' })
    wx.showToast({ title: '未同意隐私保护指引，无法验证手机号；可上传授权委托书', icon: 'none' })
  },

  answerPrivacy(answer) {
    if (this.privacyResolve) this.privacyResolve(answer)
    this.privacyResolve = null
    this.setData({ privacyShown: false })
  },

  /** The 授权委托书 (a scan or photo with the company seal) for the window to check. */
  onUploadLetter() {
    const binding = this.data.binding
    return new Promise((resolve) => wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf', 'jpg', 'jpeg', 'png', 'docx'],
      success: async ({ tempFiles }) => {
        try {
          const updated = await api.upload(`/api/mp/contacts/${binding.contactId}/authorization-letter`, tempFiles[0].path, {})
          this.setData({ binding: updated, enterprises: [updated].concat(this.data.enterprises.slice(1)) })
          wx.showToast({ title: '已上传，等待综合窗口核验', icon: 'none' })
        } catch (err) {
          api.showError(err)
        }
        resolve()
      },
      fail: () => resolve(),
    }))
  },

  /** 上一步: back one step, keeping what was filled in; the binding step only while there is no enterprise. */
  onBack() {
    const first = this.data.enterprises.length ? 1 : 0
    this.setData({ step: Math.max(first, this.data.step - 1), errors: {} })
  },

  onInvestmentType(e) {
    this.setData({ 'project.investmentType': e.currentTarget.dataset.value })
  },

  onKind(e) {
    this.setData({ 'project.kind': e.currentTarget.dataset.value })
  },

  onMode(e) {
    this.setData({ mode: e.currentTarget.dataset.value })
  },

  onStage(e) {
    const value = Number(e.currentTarget.dataset.value)
    const selected = this.data.selectedStages.includes(value)
      ? this.data.selectedStages.filter((s) => s !== value)
      : this.data.selectedStages.concat([value]).sort()
    this.setData({ selectedStages: selected, scopeLeftToAgent: false })
  },

  onScopeUnknown() {
    this.setData({ scopeLeftToAgent: !this.data.scopeLeftToAgent, selectedStages: [] })
  },

  onNext() {
    const stages = this.data.mode === 'FullService' ? [1, 2, 3, 4] : this.data.selectedStages
    const leftToAgent = this.data.mode !== 'FullService' && this.data.scopeLeftToAgent
    if (stages.length === 0 && !leftToAgent) {
      this.setData({ errors: { stages: '请至少选择一个阶段，或选“不清楚”' } })
      return
    }
    this.setData({ selectedStages: stages, scopeLeftToAgent: leftToAgent, errors: {}, step: 2 })
  },

  showRefusal(e) {
    const key = api.fieldOf(e, FIELD_LABELS)
    if (key) this.setData({ ['errors.' + key]: e.message })
    else api.showError(e)
  },

  onProjectInput(e) {
    this.setData({ ['project.' + e.currentTarget.dataset.field]: e.detail.value })
  },

  onRequestInput(e) {
    this.setData({ request: e.detail.value })
  },

  async onSubmit() {
    const p = this.data.project
    const errors = {}
    if (!p.name.trim()) errors.name = '请填写项目名称'
    if (!p.location.trim()) errors.location = '请填写建设地点'
    this.setData({ errors })
    if (Object.keys(errors).length || this.data.submitting) return
    // Straight from the tap (WeChat shows the prompt only then): registration, the agent, and the next step.
    const consent = subscribe.ask(this.data.mode === 'FullService' ? 'applyFullService' : 'apply')
    // One key per filled-in form: a double tap or a retry after a timeout creates one application.
    this.idempotencyKey = this.idempotencyKey || api.newIdempotencyKey()
    this.setData({ submitting: true })
    try {
      const created = await api.request({
        url: '/api/mp/cases',
        method: 'POST',
        header: { 'Idempotency-Key': this.idempotencyKey },
        data: {
          contactId: this.data.enterprises[0].contactId,
          mode: this.data.mode,
          stages: this.data.selectedStages,
          scopeLeftToAgent: this.data.scopeLeftToAgent,
          request: this.data.request.trim() || null,
          project: {
            name: p.name.trim(), location: p.location.trim(), investmentType: p.investmentType, kind: p.kind,
            floorAreaSquareMeters: p.floorAreaSquareMeters ? Number(p.floorAreaSquareMeters) : null,
          },
        },
      })
      await consent
      wx.redirectTo({ url: '/pages/case/case?id=' + created.id })
    } catch (e) {
      this.showRefusal(e)
    } finally {
      this.setData({ submitting: false })
    }
  },
})
