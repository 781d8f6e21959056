-- Retention: finished webhook messages are removed by age (delivery.WebhookRetention); pending ones never are.
create index webhook_message_finished_idx on webhook_message (created_at) where status <> 'PENDING';
