import type { z } from 'zod';
import { alertCommands } from './commands/alerts';
import { appCommands } from './commands/app';
import { customersCommands } from './commands/customers';
import { dashboardCommands } from './commands/dashboard';
import { modelCommands } from './commands/models';
import { eventCommands } from './commands/events';
import { forecastCommands } from './commands/forecast';
import { importCommands } from './commands/import';
import { productDetailCommands } from './commands/product-detail';
import { productCommands } from './commands/products';
import { settingsCommands } from './commands/settings';
import { jobCommands, workspaceCommands } from './commands/workspace';
import { planCommands } from './commands/plan';
import { purchaseOrderCommands } from './commands/purchase-orders';
import { reportCommands } from './commands/reports';

/**
 * Every command of the API, declared once. Electron's IPC binding, the preload's allow-list,
 * the browser host, the CLI and the renderer's typed client all derive from this object.
 * Each domain declares its commands in commands/<domain>.ts; add one spread line here.
 */
export const commands = {
  ...appCommands,
  ...workspaceCommands,
  ...jobCommands,
  ...settingsCommands,
  ...forecastCommands,
  ...planCommands,
  ...purchaseOrderCommands,
  ...reportCommands,
  ...productCommands,
  ...productDetailCommands,
  ...eventCommands,
  ...alertCommands,
  ...dashboardCommands,
  ...importCommands,
  ...modelCommands,
  ...customersCommands,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;
export type CommandResult<K extends CommandName> = z.input<Commands[K]['output']>;
export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export { events, EVENT_NAMES } from './events';
export type { EventName, EventPayload, JobEvent } from './events';
export * from './errors';
export type { CommandSpec } from './spec';

/**
 * Commands that change the open workspace's data (or start a job that does). The renderer
 * sends with every command the workspace its screen shows; the main process refuses these
 * with `conflict` when another workspace has been opened since (another window or browser
 * tab, or the menu), so a click on a screen of one shop never lands in another shop's file.
 * (settings.update is not here: the Settings form names in its input the workspace it was
 * read from, and the handler refuses the change with the form's own message.)
 */
export const WORKSPACE_CHANGES: ReadonlySet<CommandName> = new Set<CommandName>([
  'alerts.acknowledge',
  'alerts.refresh',
  'alerts.markOneOff',
  'alerts.removeOneOff',
  'customers.run',
  'events.create',
  'events.update',
  'events.delete',
  'forecast.start',
  'import.commit',
  'import.undo',
  'models.train',
  'models.promote',
  'plan.start',
  'plan.decide',
  'plan.decideMany',
  'plan.createPurchaseOrders',
  'products.columns.set',
  'products.overrides.add',
  'products.overrides.remove',
  'po.transition',
  'po.updateLine',
  'workspace.backup',
  'workspace.restore',
]);
