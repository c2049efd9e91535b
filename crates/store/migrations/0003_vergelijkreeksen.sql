-- Published comparison series as the user downloaded them (e.g. CBS StatLine
-- 82015NED, bijstandsuitkeringen per gemeente per maand): a count per series,
-- area and period. gebied is a gemeente code (GM0150) or NL01 (Nederland);
-- periode uses the labels of `buig bestand`: 2023-01, 2023-K1, 2023.
CREATE TABLE vergelijkreeksen (
    reeks     TEXT NOT NULL,
    gebied    TEXT NOT NULL,
    periode   TEXT NOT NULL,
    waarde    BIGINT NOT NULL,
    import_id BIGINT NOT NULL,
    PRIMARY KEY (reeks, gebied, periode)
);
