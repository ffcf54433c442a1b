-- The stored finding counts now include the cross-year checks against last year's report, as the
-- editor and the review screen count them (src/server/oversight/revision-summary.ts). The newest
-- revision of every report is recounted at startup; older revisions keep their counts, which
-- only the newest revision is read (board, lists, roll-up).
update revisions v set errors = null, warnings = null from reports r where v.report_id = r.id and v.number = r.head;
