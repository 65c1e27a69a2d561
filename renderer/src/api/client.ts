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

/** Calls a command of the contract; typed by its input and output schemas. */
export async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  const envelope = await bridge.invoke(name, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as CommandOutput<K>;
}

export function subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, (payload) => callback(payload as EventPayload<E>));
}
