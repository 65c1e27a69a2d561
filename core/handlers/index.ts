import { combineHandlers, createRouter } from '../router';
import type { Logger } from '../router';
import { appHandlers } from './app';
import { customersHandlers } from './customers';
import type { HandlerContext } from './context';
import { jobHandlers } from './jobs';
import { settingsHandlers } from './settings';
import { workspaceHandlers } from './workspace';

/** Every domain's handlers; add one entry per domain. */
export function allHandlers() {
  return combineHandlers<HandlerContext>(appHandlers, workspaceHandlers, jobHandlers, settingsHandlers, customersHandlers);
}

export function createAppRouter(logger?: Logger) {
  return createRouter<HandlerContext>(allHandlers(), logger);
}
