-- Yearly figures per gemeente as a source states them (SiSa realisation or a
-- prognosis), for years without monthly realisation: what the vangnet check
-- of past years runs on. A missing figure stays NULL; never derived here.
CREATE TABLE jaarcijfers (
    gemeente          TEXT NOT NULL,
    jaar              BIGINT NOT NULL,
    stadium           TEXT NOT NULL,           -- realisatie | prognose
    lasten_cent       BIGINT,
    budget_cent       BIGINT,
    tekort_cent       BIGINT,                  -- negative = overschot
    tekort_percentage TEXT,                    -- only when the source gives just a percentage
    status            TEXT NOT NULL,           -- bevestigd | afgeleid | onbevestigd
    bron              TEXT NOT NULL,
    opmerking         TEXT NOT NULL,
    PRIMARY KEY (gemeente, jaar, stadium)
);
