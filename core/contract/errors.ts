/**
 * The closed set of error codes that may cross the API boundary. Callers branch on
 * `code`, never on the message text; the message is written for a shop owner.
 */
export const ERROR_CODES = [
  'input.invalid',
  'output.invalid',
  'command.unknown',
  'workspace.none_open',
  'workspace.not_found',
  'workspace.corrupt',
  'workspace.not_sqlite',
  'workspace.too_new',
  'workspace.migration_changed',
  'workspace.locked',
  'file.not_granted',
  'file.unreadable',
  'csv.bad_header',
  'csv.unreadable',
  'csv.unknown_kind',
  'import.already_imported',
  'import.not_found',
  'forecast.insufficient_history',
  'forecast.no_run',
  'plan.no_recommendations',
  'plan.invalid_transition',
  'po.invalid_transition',
  'not_found',
  'conflict',
  'job.not_found',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** An error a core function throws on purpose; the router turns it into `ok: false`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into error data that is safe to send to the UI. */
export function toErrorData(err: unknown): ApiErrorData {
  if (err instanceof AppError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  if (err instanceof Error && err.name === 'AbortError') {
    return { code: 'cancelled', message: 'The operation was cancelled.' };
  }
  return { code: 'internal', message: 'Something went wrong inside Shelfcast. The details are in the log.' };
}
