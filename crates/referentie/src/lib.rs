// SPDX-License-Identifier: EUPL-1.2
//! The reference data bundled in `data/` (see `data/README.md` for sources):
//! every gemeente 2015–2026 with its CBS code, name, validity and successor
//! after a merger (herindeling); inhabitants on 1 January; the national
//! macrobudget per decision; the budgets quoted in the seed documents.
//!
//! The CSV files are compiled in and parsed once. Every row keeps its
//! source and status, so callers can show `afgeleid` or `onbevestigd`
//! figures as such. Nothing here fills a gap: a missing year is `None`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use buig_core::records::BudgetSoort;
use buig_core::{GemeenteCode, Money, Year};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;

/// The last year the bundled municipal division is assumed to hold.
/// `data/gemeenten.csv` covers 2015–2025; 2026 is assumed unchanged (unverified).
pub const LAATSTE_JAAR: Year = Year::new(2026);

/// A gemeente as it existed in the years `geldig_van ..= geldig_tot`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gemeente {
    pub code: GemeenteCode,
    pub naam: String,
    /// First year in which it existed on 1 January (at least 2015).
    pub geldig_van: Year,
    /// Last calendar year in which it existed (part of the year); `None` = still exists.
    pub geldig_tot: Option<Year>,
    /// The successor after a merger or a change of code.
    pub opgegaan_in: Option<GemeenteCode>,
    /// The day the successor took over (the herindeling date).
    pub opheffingsdatum: Option<Date>,
}

impl Gemeente {
    /// Did it exist (for at least part of) `year`?
    pub fn bestaat_in(&self, year: Year) -> bool {
        self.geldig_van <= year && self.geldig_tot.is_none_or(|t| year <= t) && year <= LAATSTE_JAAR
    }
}

/// Inhabitants on 1 January of `jaar`, with the row's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InwonersRij {
    pub code: GemeenteCode,
    pub jaar: Year,
    pub inwoners: u64,
    pub bron: String,
}

/// The national BUIG macrobudget of one decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Macrobudget {
    pub jaar: Year,
    /// `voorlopig`, `nader_voorlopig`, `definitief`, or `definitief_excl_vangnet` (2015, not a decision).
    pub beschikking: String,
    pub bedrag: Money,
    pub status: String,
    pub bron: String,
    pub opmerking: String,
}

/// A gemeente's budget decision as quoted in a seed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedBudget {
    pub code: GemeenteCode,
    pub naam: String,
    pub jaar: Year,
    pub soort: BudgetSoort,
    pub bedrag: Money,
    /// Share in percent (0.62 for 0,62%), as rounded in the source.
    pub aandeel: Option<Decimal>,
    pub status: String,
    pub bron: String,
    pub opmerking: String,
}

/// Yearly figures of a gemeente as a seed document states them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedJaarcijfer {
    pub code: GemeenteCode,
    pub naam: String,
    pub cijfer: buig_core::records::Jaarcijfer,
}

/// Herindelingen that did not take effect on 1 January (source: data/BRONNEN.md).
const AFWIJKENDE_DATUM: [(&str, Date); 2] = [
    // Weesp → Amsterdam on 24 March 2022.
    ("GM0457", jiff::civil::date(2022, 3, 24)),
    // De Friese Meren → De Fryske Marren (new code, same area) on 1 July 2015.
    ("GM1921", jiff::civil::date(2015, 7, 1)),
];

#[derive(Deserialize)]
struct GemeenteCsv {
    code: String,
    naam: String,
    geldig_van: i32,
    geldig_tot: Option<i32>,
    opgegaan_in: Option<String>,
}

#[derive(Deserialize)]
struct InwonersCsv {
    code: String,
    jaar: i32,
    inwoners: u64,
    bron: String,
}

#[derive(Deserialize)]
struct MacroCsv {
    jaar: i32,
    beschikking: String,
    bedrag_mln_euro: String,
    status: String,
    bron: String,
    opmerking: String,
}

#[derive(Deserialize)]
struct BudgetCsv {
    gemeentecode: String,
    gemeente: String,
    jaar: i32,
    beschikking: String,
    budget_euro: String,
    aandeel: String,
    status: String,
    bron: String,
    opmerking: String,
}

fn rows<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("data/{name} row {}: {e} (bundled data is checked by tests)", i + 2)))
        .collect()
}

fn code(s: &str) -> GemeenteCode {
    s.parse().unwrap_or_else(|e| panic!("bundled data: {e}"))
}

/// All gemeenten 2015–2026, ordered by code.
pub fn gemeenten() -> &'static [Gemeente] {
    static G: OnceLock<Vec<Gemeente>> = OnceLock::new();
    G.get_or_init(|| {
        let mut out: Vec<Gemeente> = rows::<GemeenteCsv>("gemeenten.csv", include_str!("../../../data/gemeenten.csv"))
            .into_iter()
            .map(|r| {
                let opgegaan_in = r.opgegaan_in.filter(|s| !s.is_empty()).map(|s| code(&s));
                let opheffingsdatum = match (r.geldig_tot, &opgegaan_in) {
                    (Some(tot), Some(_)) => Some(
                        AFWIJKENDE_DATUM
                            .iter()
                            .find(|(c, _)| *c == r.code)
                            .map(|(_, d)| *d)
                            .unwrap_or_else(|| jiff::civil::date(tot as i16 + 1, 1, 1)),
                    ),
                    _ => None,
                };
                Gemeente {
                    code: code(&r.code),
                    naam: r.naam,
                    geldig_van: Year::new(r.geldig_van),
                    geldig_tot: r.geldig_tot.map(Year::new),
                    opgegaan_in,
                    opheffingsdatum,
                }
            })
            .collect();
        out.sort_by_key(|g| g.code);
        out
    })
}

/// One gemeente by code.
pub fn gemeente(code: GemeenteCode) -> Option<&'static Gemeente> {
    let all = gemeenten();
    all.binary_search_by_key(&code, |g| g.code).ok().map(|i| &all[i])
}

/// The gemeenten that existed in `year` (on 1 January or later in the year).
pub fn actief_in(year: Year) -> Vec<&'static Gemeente> {
    gemeenten().iter().filter(|g| g.bestaat_in(year)).collect()
}

/// The gemeenten that merged into `code` (direct predecessors).
pub fn voorgangers(code: GemeenteCode) -> Vec<&'static Gemeente> {
    gemeenten().iter().filter(|g| g.opgegaan_in == Some(code)).collect()
}

/// The gemeente that holds `code`'s area in `year`: follows the chain of
/// successors (Bedum 2018 → Het Hogeland 2019). `None` when `code` is unknown
/// or `year` lies before it existed or after the covered years.
pub fn opvolger_in(code: GemeenteCode, year: Year) -> Option<&'static Gemeente> {
    let mut g = gemeente(code)?;
    if year < g.geldig_van || year > LAATSTE_JAAR {
        return None;
    }
    while !g.bestaat_in(year) {
        g = gemeente(g.opgegaan_in?)?;
    }
    Some(g)
}

/// All bundled inhabitant rows.
pub fn inwoners() -> &'static [InwonersRij] {
    static I: OnceLock<Vec<InwonersRij>> = OnceLock::new();
    I.get_or_init(|| {
        rows::<InwonersCsv>("inwoners.csv", include_str!("../../../data/inwoners.csv"))
            .into_iter()
            .map(|r| InwonersRij { code: code(&r.code), jaar: Year::new(r.jaar), inwoners: r.inwoners, bron: r.bron })
            .collect()
    })
}

/// Inhabitants of `code` on 1 January of `year`, if bundled.
pub fn inwoners_van(code: GemeenteCode, year: Year) -> Option<&'static InwonersRij> {
    inwoners().iter().find(|r| r.code == code && r.jaar == year)
}

fn mln_to_money(s: &str) -> Money {
    let d: Decimal = s.trim().parse().unwrap_or_else(|e| panic!("bundled macrobudget {s}: {e}"));
    Money::from_decimal_euros(d * Decimal::from(1_000_000)).expect("bundled macrobudget in whole euros")
}

/// The national macrobudget per year and decision.
pub fn macrobudget() -> &'static [Macrobudget] {
    static M: OnceLock<Vec<Macrobudget>> = OnceLock::new();
    M.get_or_init(|| {
        rows::<MacroCsv>("macrobudget.csv", include_str!("../../../data/macrobudget.csv"))
            .into_iter()
            .map(|r| Macrobudget {
                jaar: Year::new(r.jaar),
                bedrag: mln_to_money(&r.bedrag_mln_euro),
                beschikking: r.beschikking,
                status: r.status,
                bron: r.bron,
                opmerking: r.opmerking,
            })
            .collect()
    })
}

/// The budgets quoted in the seed documents.
pub fn seed_budgetten() -> &'static [SeedBudget] {
    static B: OnceLock<Vec<SeedBudget>> = OnceLock::new();
    B.get_or_init(|| {
        rows::<BudgetCsv>("budgetten.csv", include_str!("../../../data/budgetten.csv"))
            .into_iter()
            .map(|r| SeedBudget {
                code: code(&r.gemeentecode),
                naam: r.gemeente,
                jaar: Year::new(r.jaar),
                soort: r.beschikking.parse().unwrap_or_else(|e| panic!("bundled budget: {e}")),
                bedrag: r.budget_euro.parse().unwrap_or_else(|e| panic!("bundled budget: {e}")),
                aandeel: Some(r.aandeel.trim().trim_end_matches('%').replace(',', "."))
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse().unwrap_or_else(|e| panic!("bundled aandeel {s}: {e}"))),
                status: r.status,
                bron: r.bron,
                opmerking: r.opmerking,
            })
            .collect()
    })
}

/// Whether a vangnetuitkering was granted (verleend) to a gemeente over a
/// year, as the seed documents state or imply it (`data/seed_vangnet_verleend.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedVerleend {
    pub code: GemeenteCode,
    pub naam: String,
    /// The shortfall year the uitkering is over.
    pub jaar: Year,
    pub verleend: bool,
    pub bedrag: Option<Money>,
    /// `bevestigd` or `afgeleid`.
    pub status: String,
    pub bron: String,
    pub opmerking: String,
}

#[derive(Deserialize)]
struct VerleendCsv {
    gemeentecode: String,
    gemeente: String,
    jaar: i32,
    verleend: String,
    bedrag_euro: String,
    status: String,
    bron: String,
    opmerking: String,
}

/// The granted vangnetuitkeringen the seed documents state or imply.
pub fn seed_vangnet_verleend() -> &'static [SeedVerleend] {
    static V: OnceLock<Vec<SeedVerleend>> = OnceLock::new();
    V.get_or_init(|| {
        rows::<VerleendCsv>("seed_vangnet_verleend.csv", include_str!("../../../data/seed_vangnet_verleend.csv"))
            .into_iter()
            .map(|r| SeedVerleend {
                code: code(&r.gemeentecode),
                naam: r.gemeente,
                jaar: Year::new(r.jaar),
                verleend: match r.verleend.as_str() {
                    "ja" => true,
                    "nee" => false,
                    o => panic!("bundled verleend {o}: use ja or nee"),
                },
                bedrag: opt_money(&r.bedrag_euro),
                status: r.status,
                bron: r.bron,
                opmerking: r.opmerking,
            })
            .collect()
    })
}

#[derive(Deserialize)]
struct JaarCsv {
    gemeentecode: String,
    gemeente: String,
    jaar: i32,
    stadium: String,
    lasten_euro: String,
    budget_euro: String,
    tekort_euro: String,
    tekort_percentage: String,
    status: String,
    bron: String,
    opmerking: String,
}

fn opt_money(s: &str) -> Option<Money> {
    Some(s.trim()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap_or_else(|e| panic!("bundled amount {s}: {e}")))
}

/// The yearly shortfalls and spending quoted in the seed documents
/// (`data/seed_jaarcijfers.csv`): Deventer 2022–2024, the four Groningen
/// gemeenten 2014–2018.
pub fn seed_jaarcijfers() -> &'static [SeedJaarcijfer] {
    static J: OnceLock<Vec<SeedJaarcijfer>> = OnceLock::new();
    J.get_or_init(|| {
        rows::<JaarCsv>("seed_jaarcijfers.csv", include_str!("../../../data/seed_jaarcijfers.csv"))
            .into_iter()
            .map(|r| SeedJaarcijfer {
                code: code(&r.gemeentecode),
                naam: r.gemeente,
                cijfer: buig_core::records::Jaarcijfer {
                    jaar: Year::new(r.jaar),
                    stadium: r.stadium.parse().expect("bundled stadium"),
                    lasten: opt_money(&r.lasten_euro),
                    budget: opt_money(&r.budget_euro),
                    tekort: opt_money(&r.tekort_euro),
                    tekort_percentage: Some(r.tekort_percentage.trim())
                        .filter(|s| !s.is_empty())
                        .map(|s| s.parse().expect("bundled percentage")),
                    budget_zonder_art7: None,
                    status: r.status,
                    bron: r.bron,
                    opmerking: r.opmerking,
                },
            })
            .collect()
    })
}

/// Counts of gemeenten per year, for display ("393 gemeenten in 2015").
pub fn aantallen_per_jaar() -> BTreeMap<Year, usize> {
    Year::range(Year::new(2015), LAATSTE_JAAR).map(|y| (y, actief_in(y).len())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gm(s: &str) -> GemeenteCode {
        s.parse().unwrap()
    }

    #[test]
    fn the_number_of_gemeenten_per_year_matches_cbs() {
        // data/BRONNEN.md: 2015 393, 2016 390, 2017 388, 2018 380, 2019 355, 2020 355,
        // 2021 352, 2022 345 (Weesp counts), 2023–2025 342.
        let n = aantallen_per_jaar();
        let want = [
            (2015, 393),
            (2016, 390),
            (2017, 388),
            (2018, 380),
            (2019, 355),
            (2020, 355),
            (2021, 352),
            (2022, 345),
            (2023, 342),
            (2025, 342),
        ];
        for (y, count) in want {
            assert_eq!(n[&Year::new(y)], count, "{y}");
        }
    }

    #[test]
    fn the_four_groningen_gemeenten_map_to_het_hogeland_in_2019() {
        for code in ["GM0005", "GM1663", "GM0053", "GM1651"] {
            assert_eq!(opvolger_in(gm(code), Year::new(2018)).unwrap().code, gm(code));
            let h = opvolger_in(gm(code), Year::new(2019)).unwrap();
            assert_eq!(h.naam, "Het Hogeland", "{code}");
            assert_eq!(gemeente(gm(code)).unwrap().opheffingsdatum, Some(jiff::civil::date(2019, 1, 1)));
        }
        assert_eq!(voorgangers(gm("GM1966")).len(), 4);
    }

    #[test]
    fn weesp_merged_on_24_march_2022() {
        let w = gemeente(gm("GM0457")).unwrap();
        assert_eq!(w.opheffingsdatum, Some(jiff::civil::date(2022, 3, 24)));
        assert!(w.bestaat_in(Year::new(2022)));
        assert_eq!(opvolger_in(w.code, Year::new(2023)).unwrap().naam, "Amsterdam");
    }

    #[test]
    fn deventer_inhabitants_are_bundled_for_2020_and_2024_only() {
        let d = gm("GM0150");
        assert_eq!(inwoners_van(d, Year::new(2020)).unwrap().inwoners, 100_719);
        assert_eq!(inwoners_van(d, Year::new(2024)).unwrap().inwoners, 103_405);
        assert!(inwoners_van(d, Year::new(2023)).is_none(), "a gap stays a gap");
    }

    #[test]
    fn seed_yearly_figures_add_up_where_the_source_gives_all_three() {
        let rows = seed_jaarcijfers();
        // Seed 000's "voordeel 2024 ad € 304.000" is a gain against the begroting, not a BUIG figure: not a row.
        assert_eq!(rows.len(), 23);
        assert!(!rows.iter().any(|r| r.naam == "Deventer" && r.cijfer.jaar == Year::new(2024)));
        // Its vangnet outlook of ≈ € 132.000 over 2023 is: the shortfall it implies, marked as derived.
        let p = rows.iter().find(|r| r.naam == "Deventer" && r.cijfer.stadium == buig_core::records::Stadium::Prognose).unwrap();
        assert_eq!((p.cijfer.jaar, p.cijfer.status.as_str()), (Year::new(2023), "afgeleid"));
        for r in rows {
            if let (Some(l), Some(b), Some(t)) = (r.cijfer.lasten, r.cijfer.budget, r.cijfer.tekort) {
                assert_eq!(l - b, t, "{} {}", r.naam, r.cijfer.jaar);
            }
        }
        let d22 = rows.iter().find(|r| r.code == gm("GM0150") && r.cijfer.jaar == Year::new(2022)).unwrap();
        assert_eq!((d22.cijfer.tekort, d22.cijfer.budget), (None, None), "only 9,9% is known: no amount is invented");
    }

    #[test]
    fn macrobudget_millions_become_exact_euros() {
        let d2025 = macrobudget().iter().find(|m| m.jaar == Year::new(2025) && m.beschikking == "definitief").unwrap();
        assert_eq!(d2025.bedrag, Money::from_euros(7_779_800_000));
    }

    #[test]
    fn the_seed_budgets_include_deventer_2023_definitief() {
        let b = seed_budgetten().iter().find(|b| b.code == gm("GM0150") && b.jaar == Year::new(2023)).unwrap();
        assert_eq!(b.soort, BudgetSoort::Definitief);
        assert_eq!(b.bedrag, Money::from_euros(41_984_531));
        assert_eq!(b.aandeel, Some(Decimal::new(62, 2)));
    }
}
