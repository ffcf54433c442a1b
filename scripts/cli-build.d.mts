// Types of scripts/cli-build.mjs, for the tests and the bench.
export function buildCli(root?: string): Promise<void>;
export function freshCliEntry(root?: string): string | null;
export function loadBuiltCli(entry: string): { main: (args: string[]) => Promise<number>; fromCache: boolean };
