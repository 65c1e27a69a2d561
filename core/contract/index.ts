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
