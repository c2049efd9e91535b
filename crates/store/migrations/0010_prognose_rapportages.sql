-- Prognoses recorded as report moments of the planning-and-control cycle
-- (issue "Beyond the anchors", point 2): one per gemeente, year and
-- peildatum (recording again replaces it). Amounts in cents; volume
-- (benefit-months) and price per benefit-month as exact decimal text.
CREATE TABLE prognose_rapportages (
    gemeente          TEXT NOT NULL,
    jaar              BIGINT NOT NULL,
    peildatum         TEXT NOT NULL,
    vastgelegd        TEXT NOT NULL,
    door              TEXT,
    resultaat_cent    BIGINT NOT NULL,
    budget_cent       BIGINT NOT NULL,
    netto_lasten_cent BIGINT NOT NULL,
    volume            TEXT NOT NULL,
    prijs             TEXT NOT NULL,
    PRIMARY KEY (gemeente, jaar, peildatum)
);
