import type { FileRef } from '../../../../core/contract/common';
import type { FileSummary, Inspection, Mapping } from '../../../../core/contract/commands/import';

export type FilePhase = 'inspecting' | 'ready' | 'importing' | 'done' | 'error';

/** One dropped or picked file on the Import screen, from inspection to its summary. */
export interface FileEntry {
  key: string;
  file: FileRef;
  phase: FilePhase;
  inspection?: Inspection;
  mapping?: Mapping;
  replace: boolean;
  remember: boolean;
  summary?: FileSummary;
  error?: string;
  /** Progress of the running import while this file is being read. */
  progress?: { fraction: number; message: string };
}

export type EntryUpdate = (key: string, change: Partial<FileEntry> | ((entry: FileEntry) => Partial<FileEntry>)) => void;
