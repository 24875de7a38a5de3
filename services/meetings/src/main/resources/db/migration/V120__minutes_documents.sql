-- Documents the host attached to a meeting's minutes (ADR 0009), from MinutesDocumentsAttachedEvent: a read model,
-- rebuilt by a replay of meetings-meetings. Whoever may read the minutes may read them.

CREATE TABLE minutes_document (
  document_id UUID         NOT NULL PRIMARY KEY,
  meeting_id  UUID         NOT NULL,
  host_id     VARCHAR(255) NOT NULL,
  name        VARCHAR(255) NOT NULL,
  media_type  VARCHAR(255) NOT NULL,
  size_bytes  BIGINT       NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  attached_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX minutes_document_meeting_idx ON minutes_document (meeting_id, attached_at);
