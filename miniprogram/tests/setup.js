// miniprogram-simulate has no App/getApp/Page: give the code under test what it expects.
global.getApp = () => ({ globalData: { apiBase: '' } })
global.getCurrentPages = () => []
