// Administrators manage agencies (a hierarchy: a government and its departments) and accounts.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { type Agency, agencyCreateRequest, agencyPatchRequest, type User, userCreateRequest, userPatchRequest } from '../../api/accounts.ts';
import { isWithin, requireRole, SUBTREE_SQL } from '../access.ts';
import { audit } from '../audit.ts';
import { hashPassword } from '../auth/password.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv } from '../context.ts';
import type { Queryable } from '../db/adapter.ts';
import { readJson } from '../http/body.ts';
import { badRequest, HttpError, notFound } from '../http/errors.ts';
import { type AgencyRow, agencyOut, USER_COLUMNS, type UserRow, userOut } from '../serialize.ts';

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}

async function agencyExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('select 1 from agencies where id = $1', [id])).length > 0;
}

const AGENCY_COLUMNS = 'id, name, kind, parent_id';

export const agencyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const rows =
      user.role === 'admin'
        ? await db.query<AgencyRow>(`select ${AGENCY_COLUMNS} from agencies order by created_at, name`)
        : user.role === 'reviewer'
          ? await db.query<AgencyRow>(`${SUBTREE_SQL} select ${AGENCY_COLUMNS} from agencies where id in (select id from subtree) order by created_at, name`, [user.agencyId])
          : await db.query<AgencyRow>(`select ${AGENCY_COLUMNS} from agencies where id = $1`, [user.agencyId]);
    return c.json({ agencies: rows.map(agencyOut) } satisfies { agencies: Agency[] });
  })
  .post('/', async (c) => {
    const user = currentUser(c);
    requireRole(user, 'admin');
    const db = c.get('db');
    const body = await readJson(c, agencyCreateRequest);
    if (body.parentId && !(await agencyExists(db, body.parentId))) throw badRequest('invalid_body', '上级单位不存在');
    const id = randomUUID();
    await insertOrDuplicate(
      () =>
        db.transaction(async (tx) => {
          await tx.query('insert into agencies (id, name, kind, parent_id) values ($1, $2, $3, $4)', [id, body.name, body.kind, body.parentId]);
          await audit(tx, { actorId: user.id, action: 'agency.create', detail: { agencyId: id, name: body.name } });
        }),
      '单位名称已被使用',
    );
    return c.json({ agency: { id, name: body.name, kind: body.kind, parentId: body.parentId } } satisfies { agency: Agency }, 201);
  })
  .patch('/:id', async (c) => {
    const user = currentUser(c);
    requireRole(user, 'admin');
    const db = c.get('db');
    const id = c.req.param('id');
    const body = await readJson(c, agencyPatchRequest);
    const [row] = await db.query<AgencyRow>(`select ${AGENCY_COLUMNS} from agencies where id = $1`, [id]);
    if (!row) throw notFound('未找到该单位');
    if (body.parentId) {
      if (!(await agencyExists(db, body.parentId))) throw badRequest('invalid_body', '上级单位不存在');
      if (await isWithin(db, body.parentId, id)) throw badRequest('invalid_body', '上级单位不能是本单位或其下属单位');
    }
    const next = { name: body.name ?? row.name, kind: body.kind ?? row.kind, parent_id: body.parentId === undefined ? row.parent_id : body.parentId };
    await insertOrDuplicate(
      () =>
        db.transaction(async (tx) => {
          await tx.query('update agencies set name = $2, kind = $3, parent_id = $4 where id = $1', [id, next.name, next.kind, next.parent_id]);
          await audit(tx, { actorId: user.id, action: 'agency.update', detail: { agencyId: id, ...body } });
        }),
      '单位名称已被使用',
    );
    return c.json({ agency: agencyOut({ id, ...next }) } satisfies { agency: Agency });
  });

export const userRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    requireRole(currentUser(c), 'admin');
    const rows = await c.get('db').query<UserRow>(`select ${USER_COLUMNS} from users order by created_at, username`);
    return c.json({ users: rows.map(userOut) } satisfies { users: User[] });
  })
  .post('/', async (c) => {
    const admin = currentUser(c);
    requireRole(admin, 'admin');
    const db = c.get('db');
    const body = await readJson(c, userCreateRequest);
    if (!(await agencyExists(db, body.agencyId))) throw badRequest('invalid_body', '所属单位不存在');
    const id = randomUUID();
    const hash = await hashPassword(body.password);
    await insertOrDuplicate(
      () =>
        db.transaction(async (tx) => {
          await tx.query('insert into users (id, username, display_name, password_hash, role, agency_id) values ($1, $2, $3, $4, $5, $6)', [
            id,
            body.username,
            body.displayName,
            hash,
            body.role,
            body.agencyId,
          ]);
          await audit(tx, { actorId: admin.id, action: 'user.create', detail: { userId: id, username: body.username, role: body.role, agencyId: body.agencyId } });
        }),
      '用户名已被使用',
    );
    return c.json({ user: userOut({ id, username: body.username, display_name: body.displayName, role: body.role, agency_id: body.agencyId, disabled: false }) } satisfies { user: User }, 201);
  })
  .patch('/:id', async (c) => {
    const admin = currentUser(c);
    requireRole(admin, 'admin');
    const db = c.get('db');
    const id = c.req.param('id');
    const body = await readJson(c, userPatchRequest);
    if (body.agencyId && !(await agencyExists(db, body.agencyId))) throw badRequest('invalid_body', '所属单位不存在');
    const hash = body.password ? await hashPassword(body.password) : null;
    const updated = await db.transaction(async (tx) => {
      // Serialize account changes so two admins cannot demote each other into having no admin.
      await tx.query('select pg_advisory_xact_lock(7242022)');
      const [row] = await tx.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
      if (!row) throw notFound('未找到该用户');
      const next = {
        ...row,
        display_name: body.displayName ?? row.display_name,
        role: body.role ?? row.role,
        agency_id: body.agencyId ?? row.agency_id,
        disabled: body.disabled ?? row.disabled,
      };
      if (row.role === 'admin' && !row.disabled && (next.role !== 'admin' || next.disabled)) {
        const [{ n } = { n: 0 }] = await tx.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and not disabled");
        if (n <= 1) throw new HttpError(409, 'last_admin', '不能停用或降级唯一的管理员');
      }
      await tx.query('update users set display_name = $2, role = $3, agency_id = $4, disabled = $5, password_hash = coalesce($6, password_hash) where id = $1', [
        id,
        next.display_name,
        next.role,
        next.agency_id,
        next.disabled,
        hash,
      ]);
      // Any change of password, role, agency or access ends the user's sessions.
      if (hash || body.role || body.agencyId || body.disabled) await tx.query('delete from sessions where user_id = $1', [id]);
      const { password: _omit, ...logged } = body;
      await audit(tx, { actorId: admin.id, action: 'user.update', detail: { userId: id, ...logged, passwordChanged: hash !== null } });
      return next;
    });
    return c.json({ user: userOut(updated) } satisfies { user: User });
  });

/** Runs an insert or update; a unique violation becomes a 409 naming the field in Chinese. */
async function insertOrDuplicate(run: () => Promise<unknown>, taken: string): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw new HttpError(409, 'duplicate', taken);
    throw e;
  }
}
