-- Mails given up on, counted for the sourcewire.mail.outbox.failed meter at every scrape (sent rows are most rows).
create index mail_outbox_failed_idx on mail_outbox (id) where status = 'FAILED';
