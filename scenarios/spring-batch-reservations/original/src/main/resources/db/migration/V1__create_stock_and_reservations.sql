CREATE TABLE stock_levels (
    id           BIGSERIAL PRIMARY KEY,
    warehouse_id VARCHAR(32)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    on_hand      INTEGER      NOT NULL,
    reserved     INTEGER      NOT NULL DEFAULT 0,
    UNIQUE (warehouse_id, sku)
);

CREATE TABLE reservations (
    id           BIGSERIAL PRIMARY KEY,
    order_id     VARCHAR(64)  NOT NULL,
    warehouse_id VARCHAR(32)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    quantity     INTEGER      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX idx_reservations_order_id ON reservations (order_id);
CREATE INDEX idx_reservations_status_expires_at ON reservations (status, expires_at);
