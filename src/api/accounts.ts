// Wire contract of sessions, agencies and accounts (docs/api.md), shared by the server and the app.
// Pure types and zod schemas: no React, no Node APIs.
import { z } from 'zod';
import { AGENCY_KINDS, type AgencyKind, GOV_2021 } from '../core/index.ts';

export const ROLES = ['clerk', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { clerk: '填报员', reviewer: '审核员', admin: '管理员' };

export { AGENCY_KINDS };
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = GOV_2021.format.agencyKinds;

export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  parentId: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  disabled: boolean;
}

/** The signed-in person as the app sees them: the account with its agency. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agency: Agency;
}

/** POST and GET /api/session. */
export interface SessionAnswer {
  user: CurrentUser;
  csrfToken: string;
}

export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符` })
  .max(200);
// Bidirectional controls (RLO and the like) make a name display as something else: "‮gpj.exe".
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const noBidi = { message: '不能包含文字方向控制字符' };
export const nameSchema = z
  .string()
  .trim()
  .min(1, { message: '不能为空' })
  .max(100)
  .refine((s) => !BIDI_CONTROLS.test(s), noBidi);
export const usernameSchema = z
  .string()
  .trim()
  .min(2, { message: '用户名至少 2 个字符' })
  .max(64)
  .regex(/^[^\s]+$/, { message: '用户名不能包含空格' })
  .refine((s) => !BIDI_CONTROLS.test(s), noBidi);
const kindSchema = z.enum(AGENCY_KINDS);
const roleSchema = z.enum(ROLES);
const idSchema = z.string().uuid({ message: '编号格式不正确' });

/** POST /api/session */
export const signInRequest = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type SignInRequest = z.input<typeof signInRequest>;

/** PUT /api/session/password */
export const passwordChangeRequest = z.strictObject({ currentPassword: z.string().max(200), newPassword: passwordSchema });
export type PasswordChangeRequest = z.input<typeof passwordChangeRequest>;

/** POST /api/agencies */
export const agencyCreateRequest = z.strictObject({ name: nameSchema, kind: kindSchema, parentId: idSchema.nullable() });
export type AgencyCreateRequest = z.input<typeof agencyCreateRequest>;

/** PATCH /api/agencies/:id */
export const agencyPatchRequest = z.strictObject({ name: nameSchema.optional(), kind: kindSchema.optional(), parentId: idSchema.nullable().optional() });
export type AgencyPatchRequest = z.input<typeof agencyPatchRequest>;

/** POST /api/users */
export const userCreateRequest = z.strictObject({ username: usernameSchema, displayName: nameSchema, password: passwordSchema, role: roleSchema, agencyId: idSchema });
export type UserCreateRequest = z.input<typeof userCreateRequest>;

/** PATCH /api/users/:id */
export const userPatchRequest = z.strictObject({
  displayName: nameSchema.optional(),
  password: passwordSchema.optional(),
  role: roleSchema.optional(),
  agencyId: idSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UserPatchRequest = z.input<typeof userPatchRequest>;
