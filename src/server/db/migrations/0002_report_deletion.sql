-- Deleting a draft marks it instead of removing it: its audit entries (including the deletion,
-- with agency and year) keep pointing at a row that still exists. Every query ignores deleted
-- reports, and the one-report-per-agency-and-year rule holds among the live ones only, so the
-- year can be created again.
alter table reports add column deleted_at timestamptz;
alter table reports drop constraint reports_agency_id_year_key;
create unique index reports_agency_year_live on reports (agency_id, year) where deleted_at is null;
