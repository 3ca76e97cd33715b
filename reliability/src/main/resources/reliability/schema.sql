-- The application's own tables; the dedupe table (CONNECTLY_WEBHOOK_DEDUPE) is created by the repository at start.

-- One row each time the application processed an event, committed with the event's completed dedupe mark.
-- Deliberately no unique constraint: an event processed twice must show as two rows, not be hidden by an error.
CREATE TABLE reliability_processed_events (
  event_key    VARCHAR(255) NOT NULL,  -- the event's own identity (the simulator's key), not the dedupe key
  dedupe_key   VARCHAR(255) NOT NULL,  -- CamelConnectlyDedupeKey
  instance     VARCHAR(64)  NOT NULL,
  lease_owner  VARCHAR(64)  NOT NULL,  -- the instance's dedupe lease owner id (new at each start): lets the run watch
                                       -- the leases one instance holds
  processed_at TIMESTAMP    NOT NULL
);

-- The fault injection's attempt counter: how many times the route started on an event, on any instance.
CREATE TABLE reliability_route_attempts (
  event_key VARCHAR(255) PRIMARY KEY,
  attempts  INT          NOT NULL
);
