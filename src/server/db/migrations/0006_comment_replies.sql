-- Replies in a review comment's thread (issue 14): the report's clerks and its reviewers answer a
-- comment instead of only marking it 已处理. The comment opens the thread; replies follow in the
-- order they were written (the serial id, which two replies in one instant do not share).
create table comment_replies (
  id serial primary key,
  comment_id text not null references comments (id),
  author_id text not null references users (id),
  body text not null,
  created_at timestamptz not null default now()
);
create index comment_replies_comment on comment_replies (comment_id, id);
