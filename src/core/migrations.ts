// Documents carry a schemaVersion; older ones are upgraded step by step before validation.
// To change the schema: bump SCHEMA_VERSION and add MIGRATIONS[old] turning version old into old + 1.
import { SCHEMA_VERSION } from './document.ts';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Record<number, Migration> = {};

export class MigrationError extends Error {}

export function migrate(raw: Record<string, unknown>, migrations: Record<number, Migration> = MIGRATIONS, target = SCHEMA_VERSION): Record<string, unknown> {
  let doc = raw;
  let version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new MigrationError('缺少 schemaVersion（文档版本号）');
  if (version > target) throw new MigrationError(`文档版本 ${version} 比本程序支持的版本 ${target} 新，请升级年报系统`);
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new MigrationError(`无法从文档版本 ${version} 升级`);
    doc = { ...step(doc), schemaVersion: version + 1 };
    version += 1;
  }
  return doc;
}
