/**
 * Pure CPU tasks that may run in a worker thread of the pool. Each domain registers its
 * tasks in its own module; this file lists those modules so the worker entry loads them.
 * A task takes a structured-cloneable payload and returns a structured-cloneable result.
 */
export type TaskFn = (payload: never) => unknown | Promise<unknown>;

const registry = new Map<string, TaskFn>();

export function registerTask<P, R>(name: string, fn: (payload: P) => R | Promise<R>): void {
  if (registry.has(name)) throw new Error(`Task ${name} is registered twice`);
  registry.set(name, fn as TaskFn);
}

export function getTask(name: string): ((payload: unknown) => unknown) | undefined {
  return registry.get(name) as ((payload: unknown) => unknown) | undefined;
}

export function taskNames(): string[] {
  return [...registry.keys()];
}

registerTask('echo', (payload: unknown) => payload);
