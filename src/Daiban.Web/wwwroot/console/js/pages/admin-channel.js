// 系统管理, the messaging side: the WeChat message channel, the background-job dashboard, the message templates.
import { act } from '../actions.js';
import { el, table } from '../lib/dom.js';
import { dateTime, pushChannelName } from '../lib/format.js';

/** Pushes waiting and given up (with their last error, never their content), notifications, how long kept. */
export function channelPanel(channel) {
  return el('section', { className: 'panel', id: 'message-channel' }, el('h2', {}, '微信消息通道'),
    el('p', {}, `最近一次推送：${channel.lastPushAt ? dateTime(channel.lastPushAt) : '—'}；`
      + `待处理推送 ${channel.pushesWaiting} 条`
      + (channel.oldestWaitingSince ? `（最早 ${dateTime(channel.oldestWaitingSince)}）` : '')
      + `；已放弃 ${channel.pushesGivenUp} 条。`
      + `待发送通知 ${channel.notificationsWaiting} 条，发送失败 ${channel.notificationsFailed} 条，`
      + `近24小时仅站内可见 ${channel.notificationsInAppOnlyToday} 条。`),
    el('p', { className: 'muted', id: 'push-retention' }, channel.pushRecordsKeptDays > 0
      ? `推送记录在处理完成或放弃 ${channel.pushRecordsKeptDays} 天后自动删除（含用户发送的内容），请及时查看已放弃的推送。`
      : '推送记录长期保留（未设置保留天数）。'),
    el('h3', {}, '最近放弃的推送'),
    table(['编号', '渠道', '类型', '尝试次数', '最后错误', '收到时间'], channel.recentlyGivenUp.map((m) => el('tr', {},
      el('td', {}, String(m.id)), el('td', {}, pushChannelName(m.channel)),
      el('td', {}, m.event ? `${m.msgType}/${m.event}` : m.msgType), el('td', {}, String(m.attempts)),
      el('td', {}, m.lastError || '—'), el('td', {}, dateTime(m.receivedAt)))), 'pushes-given-up'));
}

/** Hangfire's dashboard, opened with a one-hour cookie traded for the staff token. */
export function jobsPanel() {
  return el('section', { className: 'panel', id: 'background-jobs' }, el('h2', {}, '后台任务'),
    el('p', { className: 'muted' },
      '提醒、通知发送、推送记录清理等定时任务的运行情况、失败重试与手动触发（Hangfire 面板，一小时内有效，仅管理员）。'),
    el('button', {
      id: 'open-dashboard',
      onclick: () => act('/api/staff/dashboard-session', { after: (session) => location.assign(session.path) }),
    }, '打开后台任务面板'));
}

export function templatesPanel(templates) {
  return el('section', { className: 'panel' }, el('h2', {}, '消息模板'),
    el('p', { className: 'muted' }, '模板编号在服务器配置 WeChat:Templates 中维护。'),
    table(['用途', '模板编号'], templates.map((t) => el('tr', {}, el('td', {}, t.key), el('td', {}, t.templateId))),
      'templates'));
}
