-- connectly-delivery-tracking: one row per WhatsApp message sent through Connectly.
-- Portable SQL, run as is on H2 2.x and PostgreSQL 14+ (the Kamelet creates it when missing unless createTable=false).
-- Times are first-seen times: a repeated status never moves them; status only moves forward (status_rank).

CREATE TABLE IF NOT EXISTS connectly_message (
    message_id     VARCHAR(128) NOT NULL PRIMARY KEY,  -- Connectly's id: the send's answer, statusUpdate.id later
    recipient      VARCHAR(128),                       -- the customer, E.164 (or a business-scoped user id)
    sender         VARCHAR(32),                        -- the business number (from the send, else from a status)
    sent_as        VARCHAR(16),                        -- session or template
    template_name  VARCHAR(512),                       -- the template, when sent as one
    callback_data  VARCHAR(2048),                      -- the callbackData JSON sent (Connectly allows 1024 bytes)
    status         VARCHAR(20)  NOT NULL,              -- accepted, sent, delivered, read or delivery_failed
    status_rank    INTEGER      NOT NULL,              -- 0 accepted, 1 sent, 2 delivered, 3 read, 4 delivery_failed
    error_code     VARCHAR(128),                       -- Connectly's error code of delivery_failed
    accepted_at    TIMESTAMP WITH TIME ZONE,           -- Connectly accepted the send
    sent_at        TIMESTAMP WITH TIME ZONE,
    delivered_at   TIMESTAMP WITH TIME ZONE,
    read_at        TIMESTAMP WITH TIME ZONE,
    failed_at      TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS connectly_message_recipient ON connectly_message (recipient, accepted_at);
