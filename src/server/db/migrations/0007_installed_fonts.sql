-- Font files an administrator installs once for the whole server (e.g. the office's licensed
-- 仿宋_GB2312), one per page-style role: publishing and everyone's PDF exports use them instead of
-- the shipped open substitutes. In the database, so several app instances share them.
create table installed_fonts (
  role text primary key,
  file_name text not null,
  family text not null,
  bytes bytea not null,
  installed_by text not null references users(id),
  installed_at timestamptz not null default now()
);
