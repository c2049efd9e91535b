// SPDX-License-Identifier: EUPL-1.2
//! The file kinds: which columns each has (found by name in the
//! header row) and how one row becomes a typed [`Record`] or a
//! [`RowError`] naming the column. Both sources (CSV and XLSX) hand rows to
//! the same [`Converter`], so a file means the same in either format.

use buig_core::nl;
use buig_core::records::{BudgetSoort, Budgetbeschikking, Gebied, Inwoners, RealisatieMaand, Regeling, Uitkering, Vergelijkingswaarde};
use buig_core::{GemeenteCode, Money};

use crate::value::{self, Cell};
use crate::{Pseudonimiseerder, Record, RowError, Soort};

/// Read access to one row's cells by column index (past the end: empty).
pub(crate) trait Row {
    fn cell(&self, col: usize) -> Cell<'_>;
}

/// The header row: column names trimmed, lower-cased, with spaces and
/// dashes read as underscores (`Reden einde` is `reden_einde`).
pub(crate) struct Header {
    names: Vec<String>,
}

impl Header {
    pub(crate) fn new<I: IntoIterator<Item = String>>(names: I) -> Header {
        Header { names: names.into_iter().collect() }
    }

    fn normalised(name: &str) -> String {
        name.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect()
    }

    /// The column with one of `names` (the first is the name that
    /// messages use); an error if the file has it twice.
    fn find(&self, names: &[&str], twice: &mut Vec<String>) -> Option<usize> {
        let mut found = self.names.iter().enumerate().filter(|(_, n)| names.contains(&Self::normalised(n).as_str()));
        let first = found.next().map(|(i, _)| i);
        if found.next().is_some() {
            twice.push(names[0].to_string());
        }
        first
    }

    fn shown(&self) -> String {
        let names: Vec<&str> = self.names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect();
        if names.is_empty() {
            "geen".to_string()
        } else {
            names.join(", ")
        }
    }
}

#[derive(Clone, Copy)]
struct UitkeringCols {
    client_id: usize,
    regeling: usize,
    startdatum: usize,
    einddatum: Option<usize>,
    reden_einde: Option<usize>,
    geboortedatum: Option<usize>,
    huishouden: Option<usize>,
}

#[derive(Clone, Copy)]
struct BudgetCols {
    jaar: usize,
    soort: usize,
    bedrag: usize,
    datum: Option<usize>,
    blks: Option<usize>,
    macrobudget: Option<usize>,
    aandeel: Option<usize>,
}

#[derive(Clone, Copy)]
struct RealisatieCols {
    jaar: usize,
    maand: usize,
    lasten: usize,
    baten: usize,
    lks: Option<usize>,
}

#[derive(Clone, Copy)]
struct InwonersCols {
    jaar: usize,
    inwoners: usize,
}

#[derive(Clone, Copy)]
struct VergelijkingCols {
    reeks: usize,
    gebied: usize,
    periode: usize,
    waarde: usize,
}

#[derive(Clone, Copy)]
enum Columns {
    Uitkeringen(UitkeringCols),
    Budget(BudgetCols),
    Realisatie(RealisatieCols),
    Inwoners(InwonersCols),
    Vergelijking(VergelijkingCols),
}

/// Collects the lookups of one header, then says what is missing.
struct Lookup<'h> {
    header: &'h Header,
    missing: Vec<&'static str>,
    twice: Vec<String>,
}

impl Lookup<'_> {
    fn optional(&mut self, names: &[&'static str]) -> Option<usize> {
        self.header.find(names, &mut self.twice)
    }

    fn required(&mut self, names: &[&'static str]) -> usize {
        self.optional(names).unwrap_or_else(|| {
            self.missing.push(names[0]);
            usize::MAX
        })
    }
}

/// How the gemeente of a row is found: its own column, the import's
/// `--gemeente`, or both (then they must agree).
struct GemeenteSource {
    col: Option<usize>,
    vast: Option<GemeenteCode>,
    /// The last column text and its code: national files repeat a code for
    /// many rows in a row.
    last: Option<(Vec<u8>, GemeenteCode)>,
}

/// Memo of regeling texts seen (`PW`, `IOAW`…): [`Regeling::from_str`]
/// allocates, and a spells file repeats a handful of values millions of times.
const REGELING_MEMO: usize = 32;
type RegelingMemo = Vec<(Box<[u8]>, Result<Regeling, String>)>;

/// Turns rows of one file into records.
pub(crate) struct Converter {
    bestand: String,
    comma_decimal: bool,
    columns: Columns,
    gemeente: GemeenteSource,
    pseudo: Pseudonimiseerder,
    regelingen: RegelingMemo,
    /// An extra column asked for by name (`Options::kenmerk`), and its text in the last converted row.
    kenmerk: Option<usize>,
    laatste_kenmerk: Option<String>,
}

impl Converter {
    /// Finds the columns of `soort` in the header; the message names every
    /// missing column (and `--gemeente` when that would also do).
    pub(crate) fn new(
        bestand: &str,
        soort: Soort,
        header: &Header,
        comma_decimal: bool,
        gemeente: Option<GemeenteCode>,
        pseudo: &Pseudonimiseerder,
        kenmerk: Option<&str>,
    ) -> Result<Converter, String> {
        let mut l = Lookup { header, missing: Vec::new(), twice: Vec::new() };
        let gemeente_names: &[&str] = match soort {
            Soort::Inwoners => &["gemeente", "code"],
            _ => &["gemeente"],
        };
        // A comparison series names its area per row (`gebied`), never by --gemeente.
        let gemeente_col = if soort == Soort::Vergelijking {
            if let Some(g) = gemeente {
                return Err(format!("--gemeente {g} kan niet bij een vergelijkingsreeks; het gebied staat per rij in de kolom gebied"));
            }
            None
        } else {
            l.optional(gemeente_names)
        };
        if gemeente_col.is_none() && gemeente.is_none() && soort != Soort::Vergelijking {
            l.missing.push("gemeente");
        }
        let columns = match soort {
            Soort::Uitkeringen => Columns::Uitkeringen(UitkeringCols {
                client_id: l.required(&["client_id"]),
                regeling: l.required(&["regeling"]),
                startdatum: l.required(&["startdatum"]),
                einddatum: l.optional(&["einddatum"]),
                reden_einde: l.optional(&["reden_einde"]),
                geboortedatum: l.optional(&["geboortedatum"]),
                huishouden: l.optional(&["huishouden"]),
            }),
            Soort::Budget => Columns::Budget(BudgetCols {
                jaar: l.required(&["jaar"]),
                soort: l.required(&["soort"]),
                bedrag: l.required(&["bedrag"]),
                datum: l.optional(&["datum"]),
                blks: l.optional(&["blks"]),
                macrobudget: l.optional(&["macrobudget"]),
                aandeel: l.optional(&["aandeel"]),
            }),
            Soort::Realisatie => Columns::Realisatie(RealisatieCols {
                jaar: l.required(&["jaar"]),
                maand: l.required(&["maand"]),
                lasten: l.required(&["lasten"]),
                baten: l.required(&["baten"]),
                lks: l.optional(&["lks"]),
            }),
            Soort::Inwoners => {
                Columns::Inwoners(InwonersCols { jaar: l.required(&["jaar"]), inwoners: l.required(&["inwoners", "aantal"]) })
            }
            Soort::Vergelijking => Columns::Vergelijking(VergelijkingCols {
                reeks: l.required(&["reeks"]),
                gebied: l.required(&["gebied", "regios"]),
                periode: l.required(&["periode", "perioden"]),
                waarde: l.required(&["waarde"]),
            }),
        };
        if !l.missing.is_empty() {
            let mut m = match l.missing.as_slice() {
                [one] => format!("kolom {one} ontbreekt"),
                many => format!("kolommen {} ontbreken", many.join(", ")),
            };
            m.push_str(&format!(" (gevonden kolommen: {})", header.shown()));
            if l.missing.contains(&"gemeente") {
                m.push_str("; geef de gemeente op met --gemeente of voeg een kolom gemeente toe");
            }
            return Err(m);
        }
        let kenmerk_col = match kenmerk {
            None => None,
            Some(naam) => {
                let norm = Header::normalised(naam);
                match header.find(&[norm.as_str()], &mut l.twice) {
                    Some(c) => Some(c),
                    None => return Err(format!("kolom {} ontbreekt (gevonden kolommen: {})", naam.trim(), header.shown())),
                }
            }
        };
        if !l.twice.is_empty() {
            return Err(format!("kolom {} komt meer dan eens voor", l.twice.join(", ")));
        }
        Ok(Converter {
            bestand: bestand.to_string(),
            comma_decimal,
            columns,
            gemeente: GemeenteSource { col: gemeente_col, vast: gemeente, last: None },
            pseudo: pseudo.clone(),
            regelingen: Vec::new(),
            kenmerk: kenmerk_col,
            laatste_kenmerk: None,
        })
    }

    pub(crate) fn bestand(&self) -> &str {
        &self.bestand
    }

    /// The text of the extra column in the last converted row (`None` when empty or not asked for).
    pub(crate) fn kenmerk(&self) -> Option<&str> {
        self.laatste_kenmerk.as_deref()
    }

    /// The record of data row `rij`, or the first error in it.
    pub(crate) fn convert<R: Row>(&mut self, row: &R, rij: usize) -> Result<Record, RowError> {
        if let Some(c) = self.kenmerk {
            self.laatste_kenmerk = value::text(&row.cell(c)).ok().flatten().map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        }
        let Converter { bestand, comma_decimal, columns, gemeente, pseudo, regelingen, .. } = self;
        let bestand: &str = bestand;
        // Builds the error lazily: nothing is allocated for a good row.
        let fout = |kolom: &'static str| {
            move |melding: String| RowError { bestand: bestand.to_string(), rij, kolom: Some(kolom.to_string()), melding }
        };
        let cd = *comma_decimal;
        if let Columns::Vergelijking(c) = *columns {
            let reeks = required(value::text(&row.cell(c.reeks))).map_err(fout("reeks"))?.into_owned();
            let gebied = required(value::text(&row.cell(c.gebied))).and_then(|t| t.parse::<Gebied>()).map_err(fout("gebied"))?;
            let periode = required(value::text(&row.cell(c.periode))).and_then(|t| value::periode(&t)).map_err(fout("periode"))?;
            let waarde_cell = row.cell(c.waarde);
            if let value::Cell::Text(b"." | b"x" | b"-") = waarde_cell {
                return Err(fout("waarde")("waarde ontbreekt (CBS schrijft . voor een onbekend cijfer; laat die rij weg)".to_string()));
            }
            let waarde = required(value::count(&waarde_cell)).map_err(fout("waarde"))?;
            return Ok(Record::Vergelijking(Vergelijkingswaarde { reeks, gebied, periode, waarde }));
        }
        let gemeente = gemeente_of(gemeente, row).map_err(fout("gemeente"))?;
        match *columns {
            Columns::Uitkeringen(c) => {
                let client_cell = row.cell(c.client_id);
                let client_id = required(value::text(&client_cell)).map_err(fout("client_id"))?;
                let client = pseudo.pseudoniem(&client_id);
                drop(client_id);
                let regeling = regeling_of(regelingen, &row.cell(c.regeling)).map_err(fout("regeling"))?;
                let startdatum = required(value::date(&row.cell(c.startdatum))).map_err(fout("startdatum"))?;
                let einddatum = value::date(&cell(row, c.einddatum)).map_err(fout("einddatum"))?;
                if let Some(eind) = einddatum {
                    if eind < startdatum {
                        return Err(fout("einddatum")(format!(
                            "einddatum {} ligt voor startdatum {}",
                            nl::date_short(eind),
                            nl::date_short(startdatum)
                        )));
                    }
                }
                let reden_einde = owned(value::text(&cell(row, c.reden_einde))).map_err(fout("reden_einde"))?;
                let geboortedatum = value::date(&cell(row, c.geboortedatum)).map_err(fout("geboortedatum"))?;
                if let Some(geboren) = geboortedatum {
                    if geboren > startdatum {
                        return Err(fout("geboortedatum")(format!(
                            "geboortedatum {} ligt na startdatum {}",
                            nl::date_short(geboren),
                            nl::date_short(startdatum)
                        )));
                    }
                }
                let huishouden = owned(value::text(&cell(row, c.huishouden))).map_err(fout("huishouden"))?;
                Ok(Record::Uitkering(Uitkering {
                    gemeente,
                    client,
                    regeling,
                    startdatum,
                    einddatum,
                    reden_einde,
                    geboortedatum,
                    huishouden,
                }))
            }
            Columns::Budget(c) => {
                let jaar = required(value::year(&row.cell(c.jaar))).map_err(fout("jaar"))?;
                let soort = required(value::text(&row.cell(c.soort))).and_then(|t| t.parse::<BudgetSoort>()).map_err(fout("soort"))?;
                let bedrag = required(value::money(&row.cell(c.bedrag), cd)).map_err(fout("bedrag"))?;
                if !bedrag.is_positive() {
                    return Err(fout("bedrag")(format!("bedrag moet positief zijn (gelezen: {})", euro(bedrag))));
                }
                let datum = value::date(&cell(row, c.datum)).map_err(fout("datum"))?;
                let blks = not_negative(value::money(&cell(row, c.blks), cd), "blks").map_err(fout("blks"))?;
                let macrobudget = value::money(&cell(row, c.macrobudget), cd).map_err(fout("macrobudget"))?;
                if let Some(m) = macrobudget.filter(|m| !m.is_positive()) {
                    return Err(fout("macrobudget")(format!("macrobudget moet positief zijn (gelezen: {})", euro(m))));
                }
                let aandeel = value::percent(&cell(row, c.aandeel)).map_err(fout("aandeel"))?;
                Ok(Record::Budget(Budgetbeschikking { gemeente, jaar, soort, datum, bedrag, blks, macrobudget, aandeel }))
            }
            Columns::Realisatie(c) => {
                let jaar = required(value::year(&row.cell(c.jaar))).map_err(fout("jaar"))?;
                let maand_cell = row.cell(c.maand);
                let maand = required(value::count(&maand_cell))
                    .and_then(|m| match u8::try_from(m) {
                        Ok(m @ 1..=12) => Ok(m),
                        _ => Err(format!("{m} is geen maand (verwacht 1 tot en met 12)")),
                    })
                    .map_err(fout("maand"))?;
                let lasten = required(not_negative(value::money(&row.cell(c.lasten), cd), "lasten")).map_err(fout("lasten"))?;
                let baten = required(not_negative(value::money(&row.cell(c.baten), cd), "baten")).map_err(fout("baten"))?;
                let lks = not_negative(value::money(&cell(row, c.lks), cd), "lks").map_err(fout("lks"))?;
                Ok(Record::Realisatie(RealisatieMaand { gemeente, jaar, maand, lasten, baten, lks }))
            }
            Columns::Inwoners(c) => {
                let jaar = required(value::year(&row.cell(c.jaar))).map_err(fout("jaar"))?;
                let aantal = required(value::count(&row.cell(c.inwoners))).map_err(fout("inwoners"))?;
                if aantal == 0 {
                    return Err(fout("inwoners")("het aantal inwoners moet positief zijn (gelezen: 0)".to_string()));
                }
                Ok(Record::Inwoners(Inwoners { gemeente, jaar, aantal }))
            }
            Columns::Vergelijking(_) => unreachable!("handled before the gemeente is read"),
        }
    }
}

fn gemeente_of<R: Row>(g: &mut GemeenteSource, row: &R) -> Result<GemeenteCode, String> {
    let Some(col) = g.col else {
        return Ok(g.vast.expect("checked when the header was read"));
    };
    let c = row.cell(col);
    let code = match c {
        Cell::Empty => {
            return g.vast.ok_or_else(|| "waarde ontbreekt (vul de gemeente in of geef --gemeente op)".to_string());
        }
        Cell::Text(b) => match &g.last {
            Some((text, code)) if text.as_slice() == b => *code,
            _ => {
                let code = value::gemeente(&c)?.ok_or("waarde ontbreekt")?;
                let memo = g.last.get_or_insert_with(|| (Vec::new(), code));
                memo.0.clear();
                memo.0.extend_from_slice(b);
                memo.1 = code;
                code
            }
        },
        _ => value::gemeente(&c)?.ok_or("waarde ontbreekt")?,
    };
    match g.vast {
        Some(vast) if vast != code => Err(format!("{code} wijkt af van de gekozen gemeente {vast}")),
        _ => Ok(code),
    }
}

fn regeling_of(memo: &mut RegelingMemo, c: &Cell<'_>) -> Result<Regeling, String> {
    if let Cell::Text(b) = *c {
        if let Some((_, r)) = memo.iter().find(|(k, _)| **k == *b) {
            return r.clone();
        }
        let r = value::decode(b).parse::<Regeling>();
        if memo.len() < REGELING_MEMO {
            memo.push((b.into(), r.clone()));
        }
        return r;
    }
    required(value::text(c))?.parse()
}

fn cell<R: Row>(row: &R, col: Option<usize>) -> Cell<'_> {
    col.map_or(Cell::Empty, |c| row.cell(c))
}

fn required<T>(v: Result<Option<T>, String>) -> Result<T, String> {
    v?.ok_or_else(|| "waarde ontbreekt".to_string())
}

fn owned(v: Result<Option<std::borrow::Cow<'_, str>>, String>) -> Result<Option<String>, String> {
    v.map(|t| t.map(std::borrow::Cow::into_owned))
}

fn not_negative(v: Result<Option<Money>, String>, name: &str) -> Result<Option<Money>, String> {
    match v? {
        Some(m) if m.is_negative() => Err(format!("{name} mag niet negatief zijn (gelezen: {})", euro(m))),
        other => Ok(other),
    }
}

fn euro(m: Money) -> String {
    nl::euro_cent(m.to_decimal())
}
