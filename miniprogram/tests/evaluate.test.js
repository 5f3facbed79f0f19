const { loadPage, render, fakeServer, screen } = require('./helpers')

const pageId = loadPage('pages/evaluate/evaluate')

describe('evaluation form', () => {
  test('needs an overall level, and a reason for a bad one; posts the five-level form', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': () => ({ body: { token: 'tok' } }),
      'POST /api/mp/cases/42/evaluation': () => ({ body: {} }),
    })
    const page = render(pageId)
    page.instance.onLoad({ id: '42' })

    await page.instance.onSubmit()
    screen(page, 'evaluate')
    expect(page.data.error).toBe('请选择总体评价')

    page.instance.onPick({ currentTarget: { dataset: { field: 'overall', value: 'Dissatisfied' } } })
    await page.instance.onSubmit()
    expect(page.dom.innerHTML).toContain('请写下原因')
    expect(server.calls.some((c) => c.url.endsWith('/evaluation'))).toBe(false)

    page.instance.onText({ currentTarget: { dataset: { field: 'comment' } }, detail: { value: '材料来回跑了三次' } })
    page.instance.onPick({ currentTarget: { dataset: { field: 'attitude', value: 'Satisfied' } } })
    await page.instance.onSubmit()
    expect(server.calls.find((c) => c.url.endsWith('/evaluation')).data).toEqual({
      overall: 'Dissatisfied', attitude: 'Satisfied', efficiency: null, expertise: null, coordination: null, comment: '材料来回跑了三次', suggestions: null,
    })
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/case/case?id=42' })
  })

  test('a bad aspect under a fair overall level needs the reason too', async () => {
    const server = fakeServer({
      'POST /api/mp/auth/login': () => ({ body: { token: 'tok' } }),
      'POST /api/mp/cases/42/evaluation': () => ({ body: {} }),
    })
    const page = render(pageId)
    page.instance.onLoad({ id: '42' })
    page.instance.onPick({ currentTarget: { dataset: { field: 'overall', value: 'Satisfied' } } })
    page.instance.onPick({ currentTarget: { dataset: { field: 'attitude', value: 'VeryDissatisfied' } } })

    await page.instance.onSubmit()

    expect(page.data.error).toBe('选择不满意时，请写下原因，便于我们核实整改')
    expect(server.calls.some((c) => c.url.endsWith('/evaluation'))).toBe(false)
  })
})
