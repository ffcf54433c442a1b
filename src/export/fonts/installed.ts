// Installed packages' folders and files in Node, found on Node's lookup path without resolving
// through a package's "exports": that resolution loads Node's ES module resolver, which cost a CLI
// PDF export ~5 ms for the four shipped font files (whose packages export them as they lie).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** An installed package's folder: the first node_modules folder on Node's lookup path that holds it. */
export function packageDir(name: string): string {
  const dir = require.resolve.paths(name)?.find((modules) => existsSync(join(modules, name, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed`);
  return join(dir, name);
}

/** A file of an installed package by its specifier (`@scope/name/path` or `name/path`). */
export function packageFile(specifier: string): string {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  return join(packageDir(parts.slice(0, nameLength).join('/')), ...parts.slice(nameLength));
}
