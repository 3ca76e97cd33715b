-- The example's tables; runs at every start and creates what is missing. Plain SQL that H2 and PostgreSQL both accept.

-- The database flow: a new row (status NEW) sends the order_shipped template; the row is claimed first
-- (status SENDING), then records the message id, the delivery status and the customer's reply.
CREATE TABLE IF NOT EXISTS orders (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    customer_name    VARCHAR(200)  NOT NULL,
    phone            VARCHAR(32)   NOT NULL,
    status           VARCHAR(16)   DEFAULT 'NEW' NOT NULL,
    claimed_by       VARCHAR(100),
    message_id       VARCHAR(100),
    delivery_status  VARCHAR(32),
    delivery_rank    INTEGER       DEFAULT 0 NOT NULL,
    error            VARCHAR(1000),
    reply_text       VARCHAR(4096),
    replied_at       TIMESTAMP,
    created_at       TIMESTAMP     DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP
);
CREATE INDEX IF NOT EXISTS orders_status ON orders (status);

-- Which flow last wrote to a customer, recorded before each send: a customer's plain text reply quotes no message,
-- so it goes to the flow (and record) of the customer's latest thread, even when it comes back within milliseconds.
CREATE TABLE IF NOT EXISTS whatsapp_threads (
    customer    VARCHAR(64)   NOT NULL,
    flow        VARCHAR(16)   NOT NULL,
    ref         VARCHAR(255)  NOT NULL,
    started_at  TIMESTAMP     DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS whatsapp_threads_customer ON whatsapp_threads (customer, started_at);

-- The email flow: each mail forwarded to WhatsApp, so the customer's reply can be mailed back to its sender.
CREATE TABLE IF NOT EXISTS mail_threads (
    ref          VARCHAR(255)  NOT NULL PRIMARY KEY,
    sender       VARCHAR(320)  NOT NULL,
    subject      VARCHAR(998),
    customer     VARCHAR(64)   NOT NULL,
    received_at  TIMESTAMP     DEFAULT CURRENT_TIMESTAMP NOT NULL
);
