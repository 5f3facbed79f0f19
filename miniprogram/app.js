App({
  globalData: {
    // Set to override config.apiBase at run time (e.g. from an ext.json in a third-party deployment).
    apiBase: '',
  },
})
