-- The documents uploaded with appeals (ADR 0009): what identifies each file; the bytes are in the object store under
-- appeals/documents/<document_id>. Fed by AppealProjection; rebuildable from the event store.

CREATE TABLE appeal_document (
  document_id   UUID         NOT NULL PRIMARY KEY,
  appeal_id     UUID         NOT NULL,
  enterprise_id VARCHAR(18)  NOT NULL,
  attached_with VARCHAR(16)  NOT NULL,
  name          VARCHAR(255) NOT NULL,
  media_type    VARCHAR(128) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  attached_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX appeal_document_by_appeal ON appeal_document (appeal_id, attached_at);
