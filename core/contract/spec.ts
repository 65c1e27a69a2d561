import type { z } from 'zod';

/** One command of the API: validated input, validated output, a line of documentation. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export function command<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): CommandSpec<I, O> {
  return { input, output, summary };
}
