// The 政务公开 office's console (审核员 only, over its agency's subtree): the progress board, an agency's page, 催办,
// the roll-up with its files, the cycle's timeline, the publication register and kept bulk checks. Clerks' side of
// reminders: reminderRoutes.
import { Hono } from 'hono';
import { z } from 'zod';
import { bulkCheckRequest, ROLLUP_INCLUDE, type Rollup, type RollupCell, reminderRequest } from '../../api/oversight.ts';
import { isCellId, reportYearSchema } from '../../core/index.ts';
import { renderRollupCsv, renderRollupXlsx } from '../../export/rollup.ts';
import { XLSX_MEDIA_TYPE } from '../../export/xlsx.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppContext, AppEnv, SessionUser } from '../context.ts';
import { readJson } from '../http/body.ts';
import { forbidden } from '../http/errors.ts';
import { oversightAgency } from '../oversight/agency.ts';
import { oversightBoard } from '../oversight/board.ts';
import { keepBulkCheck, keptBulkCheck, listBulkChecks } from '../oversight/bulk-checks.ts';
import { currentReportYear } from '../oversight/calendar.ts';
import { publicationRegister, registerZip } from '../oversight/register.ts';
import { inAppDelivery, listReminders, type ReminderDelivery, sendReminders, sentReminders, setDismissed } from '../oversight/reminders.ts';
import { cellContributions, loadRollup } from '../oversight/rollup.ts';
import { oversightTimeline } from '../oversight/timeline.ts';
import { query } from './reports.ts';

const yearQuery = z.object({ year: z.coerce.number().pipe(reportYearSchema).optional() });
const includeList = z
  .string()
  .default('approved,published')
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(ROLLUP_INCLUDE)).min(1, '请至少选择一种状态'));
const rollupQuery = yearQuery.extend({ include: includeList, format: z.enum(['json', 'csv', 'xlsx']).default('json') });
const cellQuery = yearQuery.extend({ include: includeList, cell: z.string().refine(isCellId, { message: '未知的单元格编号' }) });
const unreadQuery = z.object({ unread: z.enum(['0', '1']).optional() });
const dismissSchema = z.strictObject({ dismissed: z.boolean() });
/** A kept bulk check carries every file's findings and cells: a province's thousands of files fit. */
const BULK_CHECK_BODY_LIMIT = 64 * 1024 * 1024;

/** The office is a 审核员: it oversees its agency and every agency below it. */
function office(c: AppContext): SessionUser {
  const user = currentUser(c);
  if (user.role !== 'reviewer') throw forbidden('只有审核员可以查看各单位年报进度');
  return user;
}

const yearOf = (q: { year?: number | undefined }) => q.year ?? currentReportYear();

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function oversightRoutes(delivery: ReminderDelivery = inAppDelivery) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = office(c);
      return c.json(await oversightBoard(c.get('db'), user.agencyId, yearOf(query(yearQuery, c.req.query()))));
    })
    .get('/agencies/:id', async (c) => {
      const user = office(c);
      return c.json(await oversightAgency(c.get('db'), user.agencyId, c.req.param('id')));
    })
    .post('/bulk-checks', async (c) => {
      const user = office(c);
      const body = await readJson(c, bulkCheckRequest, BULK_CHECK_BODY_LIMIT);
      return c.json({ bulkCheck: await keepBulkCheck(c.get('db'), user, body) }, 201);
    })
    .get('/bulk-checks', async (c) => {
      const user = office(c);
      const year = yearOf(query(yearQuery, c.req.query()));
      return c.json({ year, bulkChecks: await listBulkChecks(c.get('db'), user, year) });
    })
    .get('/bulk-checks/:id', async (c) => {
      const user = office(c);
      return c.json(await keptBulkCheck(c.get('db'), user, c.req.param('id')));
    })
    .get('/rollup', async (c) => {
      const user = office(c);
      const q = query(rollupQuery, c.req.query());
      const data = await loadRollup(c.get('db'), user.agencyId, yearOf(q), q.include);
      const name = `${data.office}${data.year}年度政府信息公开工作年度报告汇总`;
      if (q.format === 'csv') {
        return c.body(renderRollupCsv(data), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(`${name}.csv`) });
      }
      if (q.format === 'xlsx') {
        const bytes = renderRollupXlsx(data);
        return c.body(Buffer.from(bytes), 200, { 'Content-Type': XLSX_MEDIA_TYPE, 'Content-Disposition': attachment(`${name}.xlsx`) });
      }
      const { year, included, excluded, cells, findings } = data;
      return c.json({ year, include: q.include, included, excluded, cells, findings } satisfies Rollup);
    })
    .get('/rollup/cell', async (c) => {
      const user = office(c);
      const q = query(cellQuery, c.req.query());
      const data = await loadRollup(c.get('db'), user.agencyId, yearOf(q), q.include);
      return c.json({ cell: q.cell, contributions: cellContributions(data, q.cell) } satisfies RollupCell);
    })
    .get('/reminders', async (c) => {
      const user = office(c);
      const year = yearOf(query(yearQuery, c.req.query()));
      return c.json({ year, reminders: await sentReminders(c.get('db'), user.agencyId, year) });
    })
    .post('/reminders', async (c) => {
      const user = office(c);
      const body = await readJson(c, reminderRequest);
      return c.json({ reminders: await sendReminders(c.get('db'), user, body, delivery) }, 201);
    })
    .get('/timeline', async (c) => {
      const user = office(c);
      return c.json(await oversightTimeline(c.get('db'), user.agencyId, yearOf(query(yearQuery, c.req.query()))));
    })
    .get('/publications', async (c) => {
      const user = office(c);
      const year = yearOf(query(yearQuery, c.req.query()));
      return c.json({ year, publications: await publicationRegister(c.get('db'), user.agencyId, year) });
    })
    .get('/publications.zip', async (c) => {
      const user = office(c);
      const db = c.get('db');
      const year = yearOf(query(yearQuery, c.req.query()));
      const entries = await publicationRegister(db, user.agencyId, year);
      return c.body(registerZip(db, entries), 200, { 'Content-Type': 'application/zip', 'Content-Disposition': attachment(`${year}年度已发布年报.zip`) });
    });
}

/** The reminders sent to the signed-in user's agency; each person dismisses them for themselves. */
export const reminderRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = currentUser(c);
    if (user.role === 'admin') throw forbidden('管理员没有催办消息');
    const q = query(unreadQuery, c.req.query());
    return c.json({ reminders: await listReminders(c.get('db'), user, q.unread === '1') });
  })
  .patch('/:id', async (c) => {
    const user = currentUser(c);
    if (user.role === 'admin') throw forbidden('管理员没有催办消息');
    const body = await readJson(c, dismissSchema);
    return c.json({ reminder: await setDismissed(c.get('db'), user, c.req.param('id'), body.dismissed) });
  });
