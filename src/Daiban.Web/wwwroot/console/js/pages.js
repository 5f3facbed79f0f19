// The page registry: every page of the console in menu order, with the roles that may open it. A page is
// `render(view, param)`: for the address #id/param it fills `view` (an empty element, its id view-<id>) and may
// throw; the router shows the error as a toast. `hidden` pages are reached from links on other pages, not the menu.
import { accountPage } from './pages/account.js';
import { adminPage } from './pages/admin.js';
import { caseReadPage } from './pages/case-read.js';
import { casesPage, findPage } from './pages/cases.js';
import { chatsPage } from './pages/chats.js';
import { dashboardPage } from './pages/dashboard.js';
import { dispatchPage } from './pages/dispatch.js';
import { issuesPage } from './pages/issues.js';
import { messagesPage } from './pages/messages.js';
import { overduePage } from './pages/overdue.js';
import { typicalCasesPage } from './pages/typical-cases.js';

const EVERYONE = ['WindowClerk', 'Agent', 'DepartmentLiaison', 'Supervisor', 'Admin'];

export const PAGES = [
  { id: 'dispatch', name: '派件', roles: ['WindowClerk', 'Admin'], render: dispatchPage },
  { id: 'cases', name: '我的案件', roles: ['Agent', 'Admin'], render: casesPage },
  { id: 'find', name: '案件查找', roles: ['WindowClerk', 'Supervisor'], render: findPage },
  { id: 'chats', name: '咨询转人工', roles: ['WindowClerk', 'Agent', 'Admin'], render: chatsPage },
  { id: 'overdue', name: '逾期看板', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: overduePage },
  { id: 'dashboard', name: '监督看板', roles: ['Supervisor', 'Admin'], render: dashboardPage },
  { id: 'issues', name: '联审与台账', roles: EVERYONE, render: issuesPage },
  { id: 'cases-published', name: '典型案例', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: typicalCasesPage },
  { id: 'admin', name: '系统管理', roles: ['Admin'], render: adminPage },
  { id: 'messages', name: '消息', roles: EVERYONE, render: messagesPage },
  { id: 'account', name: '我的账号', roles: EVERYONE, render: accountPage },
  // Reached from the overdue board and the dashboard, not from the menu.
  { id: 'case', name: '案件', roles: ['WindowClerk', 'Supervisor', 'Admin'], render: caseReadPage, hidden: true },
];
