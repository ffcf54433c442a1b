import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Wrong arguments: the CLI prints the message and the help, and exits 2. */
export class UsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`参数有误：${(e as Error).message}`);
  }
}
