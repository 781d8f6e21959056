-- Bucket4j's token buckets (bucket4j_jdk17-postgresql, SELECT ... FOR UPDATE variant) for the mails that anyone can
-- trigger: sign-up, verification re-send, password reset. One row per key ('email:<address>', 'address:<client>');
-- state is Bucket4j's serialised bucket; expires_at (epoch milliseconds) is when the bucket is full again and can go.
create table mail_rate_limit (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index mail_rate_limit_expires_at_idx on mail_rate_limit (expires_at);
