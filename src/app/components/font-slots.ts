// The distinct fonts of the page style, each with the roles set in it: one file serves them all
// (body's 仿宋 also sets the tables). Shared by the clerk's own PDF fonts and the administrator's.
import { type FontRoleName, getTemplate } from '../../core/index.ts';

const ROLE_NAMES: Partial<Record<FontRoleName, string>> = { title: '标题', body: '正文', heading1: '一级标题', heading2: '二级标题', table: '表格', pageNumber: '页码' };

export interface FontSlot {
  role: FontRoleName;
  font: string;
  uses: string;
}

/** Each distinct font of the page style, with the roles that use it; keyed by its first role. */
export function fontSlots(): FontSlot[] {
  const byFont = new Map<string, FontRoleName[]>();
  for (const [role, r] of Object.entries(getTemplate().pageStyle.roles) as [FontRoleName, { font: string }][]) byFont.set(r.font, [...(byFont.get(r.font) ?? []), role]);
  return [...byFont].map(([font, roles]) => ({
    role: roles[0]!,
    font,
    uses: roles
      .map((r) => ROLE_NAMES[r])
      .filter(Boolean)
      .join('、'),
  }));
}
