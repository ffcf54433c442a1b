-- The stored finding counts now include the cross-year checks against last year's report, as the
-- editor and the review screen count them (src/server/oversight/revision-summary.ts). The newest
-- revision of every report is recounted at startup; older revisions keep their counts, which
-- only the newest revision is read (board, lists, roll-up).
update revisions v set errors = null, warnings = null from reports r where v.report_id = r.id and v.number = r.head;

-- Bulk-check results an office chose to keep (issue 12): the browser reads and checks the files; the
-- server stores only what it is sent — the summary rows and `nianbao check --json`'s results — under
-- the office's agency and the report year it chose.
create table bulk_checks (
  id text primary key,
  agency_id text not null references agencies (id),
  year integer not null,
  saved_by text not null references users (id),
  saved_at timestamptz not null default now(),
  files integer not null check (files >= 0),
  with_errors integer not null check (with_errors >= 0),
  unreadable integer not null check (unreadable >= 0),
  -- json, not jsonb: kept as sent, key order included, so a download is what the browser exported.
  summary json not null,
  results json not null
);
create index bulk_checks_agency on bulk_checks (agency_id, year, saved_at);
