// Login attempt limits, counted in the database so they hold across app instances. Limits are per
// username-and-address (guessing one account), and per address (spraying many accounts); a correct
// password does not get through while a limit is reached.
//
// An attempt is reserved (written as a failure) before the password is hashed, in one serialized
// transaction with the count: parallel requests cannot all read the count before any is written.
// A correct password then clears the reservation.
import type { Db } from '../db/adapter.ts';
import { HttpError } from '../http/errors.ts';

const WINDOW_MINUTES = 15;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_ADDRESS = 30;
const RESERVE_LOCK = 7_242_024;

export async function reserveLoginAttempt(db: Db, username: string, address: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [RESERVE_LOCK]);
    const [row] = await tx.query<{ account: number; address: number }>(
      `select count(*) filter (where username = $1)::int as account, count(*)::int as address
         from login_failures where address = $2 and at > now() - make_interval(mins => $3)`,
      [username, address, WINDOW_MINUTES],
    );
    if ((row?.account ?? 0) >= MAX_PER_ACCOUNT || (row?.address ?? 0) >= MAX_PER_ADDRESS) {
      throw new HttpError(429, 'too_many_attempts', `登录失败次数过多，请 ${WINDOW_MINUTES} 分钟后再试`);
    }
    await tx.query("delete from login_failures where at < now() - interval '1 day'");
    await tx.query('insert into login_failures (username, address) values ($1, $2)', [username, address]);
  });
}

export async function clearLoginFailures(db: Db, username: string, address: string): Promise<void> {
  await db.query('delete from login_failures where username = $1 and address = $2', [username, address]);
}
