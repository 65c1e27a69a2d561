import { combineHandlers, createRouter } from '../router';
import type { Logger } from '../router';
import { alertHandlers } from './alerts';
import { appHandlers } from './app';
import { customersHandlers } from './customers';
import { dashboardHandlers } from './dashboard';
import { eventHandlers } from './events';
import { forecastHandlers } from './forecast';
import { importHandlers } from './import';
import { productHandlers } from './products';
import type { HandlerContext } from './context';
import { jobHandlers } from './jobs';
import { settingsHandlers } from './settings';
import { workspaceHandlers } from './workspace';
import { planHandlers } from './plan';
import { purchaseOrderHandlers } from './purchase-orders';
import { reportHandlers } from './reports';
import { modelHandlers } from './models';

/** Every domain's handlers; add one entry per domain. */
export function allHandlers() {
  return combineHandlers<HandlerContext>(
    appHandlers,
    workspaceHandlers,
    jobHandlers,
    settingsHandlers,
    forecastHandlers,
    planHandlers,
    purchaseOrderHandlers,
    reportHandlers,
    productHandlers,
    eventHandlers,
    alertHandlers,
    dashboardHandlers,
    importHandlers,
    modelHandlers,
    customersHandlers,
  );
}

export function createAppRouter(logger?: Logger) {
  return createRouter<HandlerContext>(allHandlers(), logger);
}
