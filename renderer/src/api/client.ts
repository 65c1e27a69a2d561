import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '../../../core/contract';
import type { ApiErrorData, ErrorCode } from '../../../core/contract/errors';
import { bridge } from './bridge';

/** An `ok: false` answer, thrown by `call` so screens can catch it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.details = data.details;
  }
}

let inFlight = 0;

/**
 * The workspace the screens show (its path; null: none), sent with every command so that the
 * main process can refuse a change meant for another workspace than the open one. Undefined
 * until the app has learned which workspace is open.
 */
let shownWorkspace: string | null | undefined;

/** Called once the screens show `path` (after React has committed them). */
export function setShownWorkspace(path: string | null): void {
  shownWorkspace = path;
}

/** <html data-busy="N">: commands still waiting for an answer (tests wait for 0 before looking). */
function track(delta: number): void {
  inFlight += delta;
  document.documentElement.dataset.busy = String(inFlight);
}

/** Calls a command of the contract; typed by its input and output schemas. */
export async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  track(1);
  try {
    const envelope = await bridge.invoke(name, input, shownWorkspace);
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.value as CommandOutput<K>;
  } finally {
    track(-1);
  }
}

export function subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, (payload) => callback(payload as EventPayload<E>));
}
