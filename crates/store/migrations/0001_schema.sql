-- buig-monitor schema, shared by SQLite and PostgreSQL: only types and
-- syntax both understand (TEXT and BIGINT only, so sqlx Any decodes alike; ISO dates as TEXT; money as
-- BIGINT cents; ON CONFLICT upserts). Append-only: never edit a migration
-- that has been released, add a new numbered file.

CREATE TABLE instellingen (
    sleutel TEXT PRIMARY KEY,
    waarde  TEXT NOT NULL
);

-- Every gemeente 2015-2026 (bundled reference data plus fictional demo codes).
CREATE TABLE gemeenten (
    code            TEXT PRIMARY KEY,          -- GM0150
    naam            TEXT NOT NULL,
    geldig_van      BIGINT NOT NULL,          -- first year it existed on 1 January
    geldig_tot      BIGINT,                   -- last year it existed (part of); NULL = exists
    opgegaan_in     TEXT,                      -- successor after a herindeling
    opheffingsdatum TEXT,                      -- date the successor took over
    bron            TEXT NOT NULL
);

CREATE TABLE import_historie (
    id        BIGINT PRIMARY KEY,
    soort     TEXT NOT NULL,                   -- uitkeringen | realisatie | budget | inwoners | demo | referentie
    bestand   TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    gemeenten TEXT NOT NULL,                   -- comma-separated codes the import touched
    periode   TEXT,                            -- e.g. 2023-01..2023-12
    rijen     BIGINT NOT NULL,
    status    TEXT NOT NULL,                   -- actief | vervangen | ongewijzigd
    vervangt  TEXT,                            -- ids of the imports it replaced
    tijdstip  TEXT NOT NULL                    -- UTC, RFC 3339
);

-- Inhabitants on 1 January.
CREATE TABLE inwoners (
    gemeente  TEXT NOT NULL,
    jaar      BIGINT NOT NULL,
    aantal    BIGINT NOT NULL,
    bron      TEXT NOT NULL,
    import_id BIGINT,
    PRIMARY KEY (gemeente, jaar)
);

-- National macrobudget per year and decision.
CREATE TABLE macrobudget (
    jaar        BIGINT NOT NULL,
    beschikking TEXT NOT NULL,
    bedrag_cent BIGINT NOT NULL,
    status      TEXT NOT NULL,
    bron        TEXT NOT NULL,
    opmerking   TEXT NOT NULL,
    PRIMARY KEY (jaar, beschikking)
);

-- Budget decisions: voorlopig, nader_voorlopig, definitief.
CREATE TABLE budgetbeschikkingen (
    gemeente         TEXT NOT NULL,
    jaar             BIGINT NOT NULL,
    soort            TEXT NOT NULL,
    datum            TEXT,
    bedrag_cent      BIGINT NOT NULL,
    blks_cent        BIGINT,
    macrobudget_cent BIGINT,
    aandeel          TEXT,                     -- percent as exact decimal text, e.g. 0.62
    bron             TEXT NOT NULL,
    import_id        BIGINT,
    PRIMARY KEY (gemeente, jaar, soort)
);

-- Realisation per month.
CREATE TABLE realisatie (
    gemeente    TEXT NOT NULL,
    jaar        BIGINT NOT NULL,
    maand       BIGINT NOT NULL,
    lasten_cent BIGINT NOT NULL,
    baten_cent  BIGINT NOT NULL,
    lks_cent    BIGINT,
    import_id   BIGINT,
    PRIMARY KEY (gemeente, jaar, maand)
);

-- Benefit spells; client is a keyed hash, never the raw identifier.
CREATE TABLE uitkeringen (
    gemeente      TEXT NOT NULL,
    client        TEXT NOT NULL,
    regeling      TEXT NOT NULL,
    startdatum    TEXT NOT NULL,
    einddatum     TEXT,
    reden_einde   TEXT,
    geboortedatum TEXT,
    huishouden    TEXT,
    import_id     BIGINT NOT NULL
);
CREATE INDEX uitkeringen_gemeente ON uitkeringen (gemeente, import_id);
