// A handwritten signature for the 办结单 / receipt: strokes drawn on a canvas, exported as a PNG to upload.
Component({
  properties: {
    width: { type: Number, value: 600 },
    height: { type: Number, value: 240 },
  },
  data: { strokes: 0, signed: false },
  lifetimes: {
    ready() {
      this.ctx = wx.createCanvasContext ? wx.createCanvasContext('signature', this) : null
      this.points = []
    },
  },
  methods: {
    onStart(e) {
      const t = e.touches && e.touches[0]
      if (!t) return
      this.last = { x: t.x, y: t.y }
    },
    onMove(e) {
      const t = e.touches && e.touches[0]
      if (!t || !this.last) return
      if (this.ctx) {
        this.ctx.setStrokeStyle('#1d2129')
        this.ctx.setLineWidth(4)
        this.ctx.setLineCap('round')
        this.ctx.moveTo(this.last.x, this.last.y)
        this.ctx.lineTo(t.x, t.y)
        this.ctx.stroke()
        this.ctx.draw(true)
      }
      this.last = { x: t.x, y: t.y }
      this.moved = true
    },
    onEnd() {
      if (!this.moved) return
      this.moved = false
      this.last = null
      const strokes = this.data.strokes + 1
      this.setData({ strokes, signed: true })
      this.triggerEvent('change', { signed: true, strokes })
    },
    clear() {
      if (this.ctx) { this.ctx.clearRect(0, 0, this.data.width, this.data.height); this.ctx.draw() }
      this.setData({ strokes: 0, signed: false })
      this.triggerEvent('change', { signed: false, strokes: 0 })
    },
    /** The signature as a temporary PNG file path (rejects when nothing was signed). */
    exportImage() {
      if (!this.data.signed) return Promise.reject(new Error('请先在框内签名'))
      return new Promise((resolve, reject) => wx.canvasToTempFilePath({
        canvasId: 'signature', fileType: 'png',
        success: (r) => resolve(r.tempFilePath),
        fail: () => reject(new Error('签名保存失败，请重试')),
      }, this))
    },
  },
})
