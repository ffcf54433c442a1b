-- The 政务公开 office's console (issue 12).
-- Each revision's finding counts and its cells (totals derived) as numbers in CELL_IDS order, stored
-- when it is saved: the office's board and roll-up read them in one query instead of checking or
-- parsing every report's document per request. Null until computed: revisions stored before this
-- migration are summarized by the rule engine at startup (src/server/oversight/revision-summary.ts).
-- A template that changes the cell ids must recompute cell_values in its migration.
alter table revisions
  add column errors integer check (errors >= 0),
  add column warnings integer check (warnings >= 0),
  add column cell_values double precision[];
create index revisions_uncounted on revisions (report_id, number) where errors is null;

-- Reminders (催办) an office sends to the agencies below it: the record of who sent what to whom
-- and when. Each recipient's clerks dismiss it for themselves.
create table reminders (
  id text primary key,
  year integer not null,
  agency_id text not null references agencies (id),
  message text not null,
  sent_by text not null references users (id),
  sent_at timestamptz not null default now()
);
create index reminders_agency on reminders (agency_id, year, sent_at);

create table reminder_dismissals (
  reminder_id text not null references reminders (id),
  user_id text not null references users (id),
  dismissed_at timestamptz not null default now(),
  primary key (reminder_id, user_id)
);

-- The board and the roll-up select one year's reports.
create index reports_year on reports (year, agency_id) where deleted_at is null;
create index agencies_parent on agencies (parent_id);
