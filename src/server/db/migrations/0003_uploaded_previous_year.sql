-- In an agency's first year with Nianbao, last year's report exists only as a published file. The
-- report created from it keeps the imported document (and the file's name), so the cross-year
-- checks and the diff against last year work until (unless) that year is entered on the server.
alter table reports
  add column previous_document jsonb,
  add column previous_file_name text,
  add constraint reports_previous_upload check ((previous_document is null) = (previous_file_name is null));
