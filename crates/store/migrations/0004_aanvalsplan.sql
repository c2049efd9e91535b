-- The aanvalsplan (SPEC §4): a plan per gemeente and title, its action lines,
-- its actions and their quarterly status. Money is BIGINT cents, dates ISO
-- text, exact numbers (doelwaarde, gerealiseerd) decimal text. Saving a plan
-- replaces its lines and actions in one transaction; status updates of
-- actions that remain are kept.
CREATE TABLE aanvalsplannen (
    gemeente          TEXT NOT NULL,
    titel             TEXT NOT NULL,
    van               TEXT,
    tot               TEXT,
    doel_uitkeringen  BIGINT,
    doel_euro         BIGINT,
    nulmeting         TEXT,
    bron              TEXT NOT NULL,
    opgeslagen        TEXT NOT NULL,
    PRIMARY KEY (gemeente, titel)
);

CREATE TABLE plan_actielijnen (
    gemeente TEXT NOT NULL,
    titel    TEXT NOT NULL,
    nummer   BIGINT NOT NULL,
    naam     TEXT NOT NULL,
    PRIMARY KEY (gemeente, titel, nummer)
);

CREATE TABLE plan_acties (
    gemeente           TEXT NOT NULL,
    titel              TEXT NOT NULL,
    code               TEXT NOT NULL,
    lijn               BIGINT NOT NULL,
    actie_titel        TEXT NOT NULL,
    doelstelling       TEXT NOT NULL,
    eenheid            TEXT,
    doelwaarde         TEXT,
    trekker            TEXT,
    planning           TEXT,
    start_kwartaal     TEXT,
    eind_kwartaal      TEXT,
    budget             BIGINT,
    soort              TEXT,
    effect_uitkeringen BIGINT,
    effect_euro        BIGINT,
    volgorde           BIGINT NOT NULL,
    PRIMARY KEY (gemeente, titel, code)
);

CREATE TABLE plan_status (
    gemeente     TEXT NOT NULL,
    titel        TEXT NOT NULL,
    code         TEXT NOT NULL,
    kwartaal     TEXT NOT NULL,
    status       TEXT NOT NULL,
    gerealiseerd TEXT,
    notitie      TEXT,
    vastgelegd   TEXT NOT NULL,
    PRIMARY KEY (gemeente, titel, code, kwartaal)
);
