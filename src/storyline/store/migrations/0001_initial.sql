-- The ledger: documents and every fact found in them, each fact pointing at its evidence
-- (doc_id + character span into documents.text).
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    published     TEXT NOT NULL,
    title         TEXT,
    outlet        TEXT,
    url           TEXT,
    source        TEXT,
    meta_json     TEXT NOT NULL DEFAULT '{}',
    text          TEXT NOT NULL,
    analysis_json TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE times (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    mod        TEXT,
    range_from TEXT,
    range_to   TEXT
);
CREATE INDEX times_doc ON times(doc_id);

CREATE TABLE entities (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,
    actor_name TEXT,
    actor_code TEXT
);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_code ON entities(actor_code);

CREATE TABLE quotes (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    kind          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    content       TEXT NOT NULL,
    speaker_name  TEXT,
    speaker_role  TEXT,
    speaker_org   TEXT,
    speaker_code  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue_text      TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    said_on       TEXT,
    said_on_from  TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_said_on ON quotes(said_on);

CREATE TABLE events (
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             TEXT,
    source_name      TEXT,
    source_code      TEXT,
    target_name      TEXT,
    target_code      TEXT,
    location_name    TEXT,
    location_country TEXT,
    lat              REAL,
    lon              REAL,
    date             TEXT,
    date_from        TEXT,
    fatalities       INTEGER,
    negated          INTEGER NOT NULL DEFAULT 0,
    hypothetical     INTEGER NOT NULL DEFAULT 0,
    background       INTEGER NOT NULL DEFAULT 0,
    quote_id         TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

-- scope 'document': found by analysing one document (both sides in a_doc == b_doc);
-- scope 'corpus': found by resolve across the store, recomputed after each ingest.
CREATE TABLE conflicts (
    id     INTEGER PRIMARY KEY,
    scope  TEXT NOT NULL CHECK (scope IN ('document', 'corpus')),
    kind   TEXT NOT NULL,
    a_doc  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    a      TEXT NOT NULL,
    b_doc  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    b      TEXT NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (kind, a_doc, a, b_doc, b)
);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE quotes_fts USING fts5(content, speaker_name, content='quotes', content_rowid='rowid');

CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content, speaker_name) VALUES (new.rowid, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name)
    VALUES ('delete', old.rowid, old.content, old.speaker_name);
END;
