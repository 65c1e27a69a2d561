import type { EventName, EventPayload } from '../contract';

export interface DialogFilter {
  name: string;
  extensions: string[];
}

/**
 * What the host (Electron main, the browser test host, the CLI) provides to the core.
 * Dialog methods return absolute paths chosen by the user; only these (and dropped files)
 * are ever granted to the UI as file handles.
 */
export interface Platform {
  host: 'electron' | 'browser' | 'cli';
  /** Folder for app-wide state: recent workspaces, logs. */
  configDir: string;
  /** Folder where new and demo workspaces are created when the user does not choose. */
  defaultWorkspaceDir: string;
  pickOpen?(options: { title: string; multiple: boolean; filters: DialogFilter[] }): Promise<string[]>;
  pickSave?(options: { title: string; defaultName: string; filters: DialogFilter[] }): Promise<string | null>;
  print?(): Promise<void>;
  /** Hands a generated file (a PDF report) to the system to print or view. */
  printFile?(path: string): Promise<void>;
  notify?(title: string, body: string): void;
}

export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
