-- The aanvalsplan, part 2 (issue 8): governance text per plan, a start value
-- per action, costs per
-- quarterly status (BIGINT cents, spent in that quarter), evaluations per
-- action and day (verdict voortzetten / regulier / stoppen with reasoning),
-- and the plan's risks with their controls. Risks and governance survive a
-- re-import of the actions unless the import brings its own.
ALTER TABLE aanvalsplannen ADD COLUMN sturing TEXT;

ALTER TABLE plan_status ADD COLUMN kosten BIGINT;

-- The value an action starts from (decimal text): progress is
-- (gerealiseerd - startwaarde) / (doelwaarde - startwaarde), so a target to
-- bring a level down (320 -> 200 jongeren) reads right.
ALTER TABLE plan_acties ADD COLUMN startwaarde TEXT;

CREATE TABLE plan_evaluaties (
    gemeente    TEXT NOT NULL,
    titel       TEXT NOT NULL,
    code        TEXT NOT NULL,
    datum       TEXT NOT NULL,
    oordeel     TEXT NOT NULL,
    toelichting TEXT NOT NULL,
    vastgelegd  TEXT NOT NULL,
    PRIMARY KEY (gemeente, titel, code, datum)
);

CREATE TABLE plan_risicos (
    gemeente         TEXT NOT NULL,
    titel            TEXT NOT NULL,
    nummer           BIGINT NOT NULL,
    risico           TEXT NOT NULL,
    beheersmaatregel TEXT NOT NULL,
    eigenaar         TEXT,
    kans             TEXT,
    impact           TEXT,
    PRIMARY KEY (gemeente, titel, nummer)
);
