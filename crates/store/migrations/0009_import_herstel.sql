-- Imports that can be undone and that keep readers and logins going
-- (issue "Hardening", points 3 and 6).
--
-- Spells are kept per import. An import writes its rows first, invisible,
-- in short transactions; one short transaction then points each gemeente
-- of the file at them (uitkeringen_actief). The rows it replaced stay, so
-- `buig herstel` can point back; older versions are cleared afterwards
-- (uitkeringen_opruimen: what is still to be cleared, should that be
-- interrupted). Every reader keeps reading `uitkeringen`: now a view of
-- the current rows.
--
-- A row's place is `nr`, numbered by the importer: in SQLite INTEGER
-- PRIMARY KEY is the rowid itself, so the rows of one import and gemeente
-- are a few ranges of rows (uitkeringen_blokken) and no index has to be
-- kept up to date for every row written. (In PostgreSQL it is a 32-bit
-- key with its index: room for two thousand million rows written over the
-- life of a database.)
CREATE TABLE uitkeringen_rijen (
    nr            INTEGER PRIMARY KEY,
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
INSERT INTO uitkeringen_rijen (nr, gemeente, client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden, import_id)
    SELECT ROW_NUMBER() OVER (ORDER BY gemeente, import_id), gemeente, client, regeling, startdatum, einddatum, reden_einde,
           geboortedatum, huishouden, import_id
    FROM uitkeringen;

-- The ranges of rows of each import and gemeente.
CREATE TABLE uitkeringen_blokken (
    import_id BIGINT NOT NULL,
    gemeente  TEXT NOT NULL,
    van       BIGINT NOT NULL,                -- first nr
    tot       BIGINT NOT NULL,                -- last nr
    PRIMARY KEY (import_id, gemeente, van)
);
INSERT INTO uitkeringen_blokken (import_id, gemeente, van, tot)
    SELECT import_id, gemeente, MIN(nr), MAX(nr) FROM uitkeringen_rijen GROUP BY import_id, gemeente;

CREATE TABLE uitkeringen_actief (
    gemeente  TEXT PRIMARY KEY,
    import_id BIGINT NOT NULL,                -- the import whose spells are current
    rijen     BIGINT NOT NULL,                -- how many
    vorige    BIGINT                          -- the import it replaced for this gemeente (kept for herstel); NULL = none
);
INSERT INTO uitkeringen_actief (gemeente, import_id, rijen, vorige)
    SELECT gemeente, MAX(import_id), COUNT(*), NULL FROM uitkeringen_rijen GROUP BY gemeente;

DROP TABLE uitkeringen;

CREATE VIEW uitkeringen AS
    SELECT a.gemeente AS gemeente, u.client, u.regeling, u.startdatum, u.einddatum, u.reden_einde, u.geboortedatum, u.huishouden,
           a.import_id AS import_id
    FROM uitkeringen_actief a
    JOIN uitkeringen_blokken b ON b.import_id = a.import_id AND b.gemeente = a.gemeente
    JOIN uitkeringen_rijen u ON u.nr BETWEEN b.van AND b.tot;

CREATE TABLE uitkeringen_opruimen (
    gemeente  TEXT NOT NULL,
    import_id BIGINT NOT NULL,
    PRIMARY KEY (gemeente, import_id)
);

-- The rows an import of the other kinds overwrote, kept per replacing import
-- (vervangen_door) so `buig herstel` can put them back. Same columns as the table.
CREATE TABLE realisatie_vorig (
    vervangen_door BIGINT NOT NULL,
    gemeente       TEXT NOT NULL,
    jaar           BIGINT NOT NULL,
    maand          BIGINT NOT NULL,
    lasten_cent    BIGINT NOT NULL,
    baten_cent     BIGINT NOT NULL,
    lks_cent       BIGINT,
    import_id      BIGINT,
    PRIMARY KEY (vervangen_door, gemeente, jaar, maand)
);

CREATE TABLE budgetbeschikkingen_vorig (
    vervangen_door   BIGINT NOT NULL,
    gemeente         TEXT NOT NULL,
    jaar             BIGINT NOT NULL,
    soort            TEXT NOT NULL,
    datum            TEXT,
    bedrag_cent      BIGINT NOT NULL,
    blks_cent        BIGINT,
    macrobudget_cent BIGINT,
    aandeel          TEXT,
    bron             TEXT NOT NULL,
    import_id        BIGINT,
    PRIMARY KEY (vervangen_door, gemeente, jaar, soort)
);

CREATE TABLE inwoners_vorig (
    vervangen_door BIGINT NOT NULL,
    gemeente       TEXT NOT NULL,
    jaar           BIGINT NOT NULL,
    aantal         BIGINT NOT NULL,
    bron           TEXT NOT NULL,
    import_id      BIGINT,
    PRIMARY KEY (vervangen_door, gemeente, jaar)
);

CREATE TABLE vergelijkreeksen_vorig (
    vervangen_door BIGINT NOT NULL,
    reeks          TEXT NOT NULL,
    gebied         TEXT NOT NULL,
    periode        TEXT NOT NULL,
    waarde         BIGINT NOT NULL,
    import_id      BIGINT NOT NULL,
    PRIMARY KEY (vervangen_door, reeks, gebied, periode)
);
