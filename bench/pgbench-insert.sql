-- pgbench: one update per transaction into a table shaped like InboxUpdates (same unique key, the raw bytes as bytea).
\set id random(1, 9000000000000)
INSERT INTO bench_inbox ("TenantId", "BotId", "UpdateId", "ChatId", "Payload", "ReceivedAt", "Attempts")
VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', :id, 1001,
        convert_to('{"update_id":1,"message":{"message_id":1,"date":1700000000,"chat":{"id":1001,"type":"private","first_name":"B"},"text":"/help"}}', 'UTF8'), now(), 0)
ON CONFLICT DO NOTHING;
