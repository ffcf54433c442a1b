// The user's own font files (e.g. simfang.ttf, simhei.ttf, simkai.ttf from their Windows machine),
// kept in the browser's IndexedDB per role and read by the PDF worker at export time.
import type { FontRoleName } from '../../core/index.ts';

const DB_NAME = 'nianbao-fonts';
const STORE = 'user-fonts';

export interface StoredFont {
  role: FontRoleName;
  /** File name as the user picked it, for display. */
  name: string;
  bytes: Uint8Array;
}

/** A file that is not a single TrueType/OpenType font; the message is Chinese. */
export class UserFontError extends Error {}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'role' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = act(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** Checks the font signature: TrueType (1.0 or 'true') or OpenType/CFF ('OTTO'); collections are refused. */
export function checkFontSignature(bytes: Uint8Array, name: string): void {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === 'ttcf') throw new UserFontError(`${name} 是字体集文件（.ttc），请选择其中单个字体的 .ttf 或 .otf 文件`);
  const truetype = bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0;
  if (!truetype && tag !== 'true' && tag !== 'OTTO') throw new UserFontError(`${name} 不是 TrueType（.ttf）或 OpenType（.otf）字体文件`);
}

/** Stores a font file for a role (replacing an earlier one); the PDF export uses it from then on. */
export async function saveUserFont(role: FontRoleName, file: Blob & { name?: string }): Promise<void> {
  const name = file.name ?? `${role}.ttf`;
  const bytes = new Uint8Array(await file.arrayBuffer());
  checkFontSignature(bytes, name);
  await withStore('readwrite', (s) => s.put({ role, name, bytes } satisfies StoredFont));
}

export async function removeUserFont(role: FontRoleName): Promise<void> {
  await withStore('readwrite', (s) => s.delete(role));
}

export async function listUserFonts(): Promise<{ role: FontRoleName; name: string; size: number }[]> {
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<StoredFont[]>);
  return all.map((f) => ({ role: f.role, name: f.name, size: f.bytes.length }));
}

/** The stored fonts by role, as the renderer takes them. */
export async function loadUserFonts(): Promise<Partial<Record<FontRoleName, Uint8Array>>> {
  if (typeof indexedDB === 'undefined') return {};
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<StoredFont[]>);
  return Object.fromEntries(all.map((f) => [f.role, f.bytes]));
}
