// SPDX-License-Identifier: EUPL-1.2
//! The spell model shared by the national file and Voorbeeldstad: when a
//! benefit starts, who receives it, how long it lasts, why it ends, and
//! whether the client comes back. The numbers are documented in the crate
//! doc ([`crate`]); this module holds them as named constants and tables.
//!
//! Every random draw is a uniform `f64` or integer from the caller's
//! ChaCha8 stream, transformed with exact IEEE arithmetic or the pure-Rust
//! `libm`, so a seed gives the same spells on every platform.

use buig_core::records::Regeling;
use buig_core::GemeenteCode;
use jiff::civil::Date;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::dagen::{civiel, dag, dagen_in_maand, maandeinde, naar_date, plus_maanden, van_date, Dag};
use crate::SynthUitkering;

/// Years before `van` in which the spells of the initial stock may start
/// (2000–2014 for `van` = 2015-01-01).
const STOCK_JAREN: i32 = 15;

/// Relative inflow per calendar year (national pattern, 2015 ≈ 1.15): low in
/// the boom before 2008, rising through the crisis, the peak of refugees
/// with a residence permit 2015–2017, the fall of 2018–2019, the covid bump
/// in 2020, the tight labour market 2021–2023, a slow rise from 2024.
fn jaarfactor(jaar: i32) -> f64 {
    match jaar {
        ..=2000 => 0.85,
        2001 => 0.80,
        2002 => 0.85,
        2003 => 0.95,
        2004 => 1.00,
        2005 => 0.95,
        2006 => 0.85,
        2007 | 2008 => 0.80,
        2009 | 2010 => 1.05,
        2011 => 1.00,
        2012 => 1.10,
        2013..=2015 => 1.15,
        2016 => 1.20,
        2017 => 1.10,
        2018 => 0.95,
        2019 => 0.90,
        2020 => 1.05,
        2021 | 2022 => 0.85,
        2023 => 0.90,
        2024 => 0.95,
        _ => 1.00,
    }
}

/// Relative inflow per month: more in January (contracts that end with the
/// year) and after the summer (September, October: seasonal work ends,
/// school leavers), less in June and December.
const SEIZOEN: [f64; 12] = [1.25, 1.00, 1.00, 0.95, 0.95, 0.90, 0.95, 1.05, 1.15, 1.10, 0.95, 0.85];

/// Share of benefits that start on the first of the month.
const START_OP_DE_EERSTE: f64 = 0.30;
/// Share of spells whose last day is the last day of a month.
const EINDE_OP_MAANDEINDE: f64 = 0.50;
/// Chance that a client who left for work, another benefit or otherwise
/// comes back, within [`HERINSTROOM_DAGEN`] days ("draaideur").
const HERINSTROOM: f64 = 0.18;
const HERINSTROOM_DAGEN: (i32, i32) = (14, 365);
/// Average days per month, to turn a duration in months into days.
const DAGEN_PER_MAAND: f64 = 30.4375;

/// Exit reasons, as cumulative shares over (werk, verhuizing,
/// andere_uitkering, overig); `aow` is not drawn: it happens when the
/// client reaches the state pension age during the spell.
const REDENEN: [&str; 4] = ["werk", "verhuizing", "andere_uitkering", "overig"];
const REDEN_KORT: [f64; 4] = [0.60, 0.68, 0.78, 1.0];
const REDEN_MIDDEL: [f64; 4] = [0.46, 0.56, 0.70, 1.0];
const REDEN_LANG: [f64; 4] = [0.30, 0.40, 0.60, 1.0];
const REDEN_BBZ: [f64; 4] = [0.62, 0.64, 0.74, 1.0];
const REDEN_IOAW: [f64; 4] = [0.40, 0.45, 0.65, 1.0];

/// The state pension (AOW) age in months in a calendar year (Algemene
/// Ouderdomswet art. 7a; from 2028 assumed to stay at 67 years and 3 months).
pub(crate) fn aow_leeftijd_maanden(jaar: i32) -> i32 {
    match jaar {
        ..=2012 => 65 * 12,
        2013 => 65 * 12 + 1,
        2014 => 65 * 12 + 2,
        2015 => 65 * 12 + 3,
        2016 => 65 * 12 + 6,
        2017 => 65 * 12 + 9,
        2018 => 66 * 12,
        2019..=2021 => 66 * 12 + 4,
        2022 => 66 * 12 + 7,
        2023 => 66 * 12 + 10,
        2024..=2027 => 67 * 12,
        _ => 67 * 12 + 3,
    }
}

/// No one reaches the state pension age within this many days of birth:
/// 65 years have at least 65 × 365 + 15 days (the AOW age is never below 65).
const AOW_MINSTENS_DAGEN: i32 = 65 * 365 + 15;

/// The first day of the state pension for someone born on `geboorte`.
fn aow_dag(geboorte: Dag) -> Dag {
    let (by, bm, bd) = civiel(geboorte);
    for jaar in by + 65..=by + 68 {
        let d = plus_maanden(by, bm, bd, aow_leeftijd_maanden(jaar));
        if civiel(d).0 == jaar {
            return d;
        }
    }
    plus_maanden(by, bm, bd, aow_leeftijd_maanden(by + 67))
}

/// A client: birth date and household.
#[derive(Debug, Clone)]
pub(crate) struct Persoon {
    pub geboorte: Dag,
    pub huishouden: &'static str,
}

impl Persoon {
    /// Does the state pension start on or before `dag`? Exact, but only
    /// works out the pension date when `dag` is near it (the hot path).
    fn aow_voor(&self, dag: Dag) -> Option<Dag> {
        if dag < self.geboorte + AOW_MINSTENS_DAGEN {
            return None;
        }
        let aow = aow_dag(self.geboorte);
        (aow <= dag).then_some(aow)
    }
}

/// One spell before censoring at the peildatum: `eind` is the true last day.
#[derive(Debug, Clone)]
pub(crate) struct Uitkomst {
    pub regeling: Regeling,
    pub start: Dag,
    pub eind: Dag,
    pub reden: &'static str,
}

/// The time frame and the inflow pattern, shared by all gemeenten.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub van: Dag,
    pub peil: Dag,
    /// Month index (`12 × year + month − 1`) of the first possible start.
    eerste_maand: i32,
    /// Cumulative inflow weight per month from `eerste_maand` to the peildatum's month.
    cum: Vec<f64>,
    /// Days of the last month up to the peildatum.
    laatste_dagen: u32,
}

impl Model {
    pub(crate) fn new(van: Date, peildatum: Date) -> Model {
        assert!(van <= peildatum, "van ({van}) ligt na de peildatum ({peildatum})");
        let (van, peil) = (van_date(van), van_date(peildatum));
        let eerste_maand = (civiel(van).0 - STOCK_JAREN) * 12;
        let (py, pm, pd) = civiel(peil);
        let laatste = py * 12 + pm as i32 - 1;
        let mut acc = 0.0;
        let cum = (eerste_maand..=laatste)
            .map(|idx| {
                let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
                let mut w = jaarfactor(y) * SEIZOEN[m as usize - 1];
                if idx == laatste {
                    w *= f64::from(pd) / f64::from(dagen_in_maand(y, m));
                }
                acc += w;
                acc
            })
            .collect();
        Model { van, peil, eerste_maand, cum, laatste_dagen: pd }
    }

    /// A start day between January of `van − 15 years` and the peildatum,
    /// weighted by year and season.
    fn trek_start(&self, rng: &mut ChaCha8Rng) -> (Dag, (i32, u32, u32)) {
        let totaal = *self.cum.last().expect("at least one month");
        let u = rng.random::<f64>() * totaal;
        let i = self.cum.partition_point(|&c| c <= u).min(self.cum.len() - 1);
        let idx = self.eerste_maand + i as i32;
        let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
        let max_d = if i == self.cum.len() - 1 { self.laatste_dagen } else { dagen_in_maand(y, m) };
        let d = if rng.random::<f64>() < START_OP_DE_EERSTE { 1 } else { rng.random_range(1..=max_d) };
        (dag(y, m, d), (y, m, d))
    }

    /// A new client's first spell, or `None` when it ended before `van`
    /// (the caller draws again: so the stock on `van` is the survivors of
    /// fifteen years of inflow, length-biased as a real stock is).
    pub(crate) fn trek_eerste(&self, rng: &mut ChaCha8Rng) -> Option<(Persoon, Uitkomst)> {
        let (start, (sy, sm, sd)) = self.trek_start(rng);
        let u = rng.random::<f64>();
        let regeling = if u < 0.925 {
            Regeling::Pw
        } else if u < 0.960 {
            Regeling::Ioaw
        } else if u < 0.970 {
            Regeling::Ioaz
        } else {
            Regeling::Bbz
        };
        let max_leeftijd = aow_leeftijd_maanden(sy) / 12 - 1;
        let leeftijd = match regeling {
            Regeling::Pw => {
                let u = rng.random::<f64>();
                if u < 0.22 {
                    rng.random_range(18..=26)
                } else if u < 0.65 {
                    rng.random_range(27..=44)
                } else {
                    rng.random_range(45..=max_leeftijd)
                }
            }
            Regeling::Ioaw | Regeling::Ioaz => rng.random_range(50..=max_leeftijd),
            Regeling::Bbz => rng.random_range(22..=max_leeftijd - 5),
        };
        // Born in the window that makes the age at start exactly `leeftijd`.
        let hoogst = plus_maanden(sy, sm, sd, -12 * leeftijd);
        let laagst = plus_maanden(sy, sm, sd, -12 * (leeftijd + 1)) + 1;
        let geboorte = rng.random_range(laagst..=hoogst);
        let huishouden = trek_huishouden(rng, leeftijd);
        let persoon = Persoon { geboorte, huishouden };
        let uitkomst = self.trek_verloop(rng, &persoon, regeling, start, leeftijd);
        (uitkomst.eind >= self.van).then_some((persoon, uitkomst))
    }

    /// The client's return after `vorige` ended, if they come back within a year.
    pub(crate) fn trek_herinstroom(&self, rng: &mut ChaCha8Rng, p: &Persoon, vorige: &Uitkomst) -> Option<Uitkomst> {
        if vorige.eind > self.peil || !matches!(vorige.reden, "werk" | "andere_uitkering" | "overig") {
            return None;
        }
        if rng.random::<f64>() >= HERINSTROOM {
            return None;
        }
        let start = vorige.eind + rng.random_range(HERINSTROOM_DAGEN.0..=HERINSTROOM_DAGEN.1);
        if start > self.peil || p.aow_voor(start + 62).is_some() {
            return None;
        }
        let regeling = if vorige.regeling == Regeling::Bbz { Regeling::Pw } else { vorige.regeling };
        let leeftijd = leeftijd_op(p.geboorte, start);
        Some(self.trek_verloop(rng, p, regeling, start, leeftijd))
    }

    /// Duration and exit reason of a spell that starts on `start`.
    fn trek_verloop(&self, rng: &mut ChaCha8Rng, p: &Persoon, regeling: Regeling, start: Dag, leeftijd: i32) -> Uitkomst {
        let u = rng.random::<f64>();
        let v = rng.random::<f64>();
        let (maanden, redenen) = match regeling {
            Regeling::Pw => {
                // Older clients stay longer (seed 004: duration grows with age).
                let a = (f64::from(leeftijd - 18) / 48.0).clamp(0.0, 1.0);
                let p_kort = 0.50 - 0.25 * a;
                let p_lang = 0.20 + 0.35 * a;
                if u < p_kort {
                    (2.0 + 10.0 * v * v, &REDEN_KORT)
                } else if u < 1.0 - p_lang {
                    (12.0 + 24.0 * v, &REDEN_MIDDEL)
                } else {
                    (24.0 + exponentieel(v, 110.0), &REDEN_LANG)
                }
            }
            Regeling::Ioaw | Regeling::Ioaz => {
                if u < 0.30 {
                    (6.0 + 42.0 * v, &REDEN_IOAW)
                } else {
                    (exponentieel(v, 150.0), &REDEN_LANG)
                }
            }
            Regeling::Bbz => (1.0 + 11.0 * v, &REDEN_BBZ),
        };
        let dagen = ((maanden * DAGEN_PER_MAAND) as i32).max(20);
        let mut eind = start + dagen - 1;
        if rng.random::<f64>() < EINDE_OP_MAANDEINDE {
            eind = maandeinde(eind);
        }
        let w = rng.random::<f64>();
        let mut reden = REDENEN[redenen.iter().position(|&c| w < c).unwrap_or(3)];
        if let Some(aow) = p.aow_voor(eind) {
            eind = (aow - 1).max(start);
            reden = "aow";
        }
        Uitkomst { regeling, start, eind, reden }
    }
}

/// `-ln(1 − v) × mean`: an exponential duration, with the portable `libm::log`.
fn exponentieel(v: f64, gemiddelde: f64) -> f64 {
    -libm::log(1.0 - v) * gemiddelde
}

/// Household type, depending on age: the young are mostly single, parents
/// cluster in the middle years, couples among the older.
fn trek_huishouden(rng: &mut ChaCha8Rng, leeftijd: i32) -> &'static str {
    const SOORTEN: [&str; 4] = ["alleenstaand", "alleenstaande_ouder", "paar", "paar_met_kinderen"];
    let cum: [f64; 4] = match leeftijd {
        ..=22 => [0.82, 0.94, 0.97, 1.0],
        23..=49 => [0.47, 0.75, 0.81, 1.0],
        _ => [0.66, 0.74, 0.91, 1.0],
    };
    let u = rng.random::<f64>();
    SOORTEN[cum.iter().position(|&c| u < c).unwrap_or(3)]
}

/// Age in complete years on `op` (SPEC §7: 29 February counts from 1 March).
pub(crate) fn leeftijd_op(geboorte: Dag, op: Dag) -> i32 {
    let (by, bm, bd) = civiel(geboorte);
    let (y, m, d) = civiel(op);
    y - by - i32::from((m, d) < (bm, bd))
}

/// The raw client id for client number `n`: `c` + nine digits, a bijection
/// of `n` below 10⁹ (so ids are unique but do not count up); `c` + `n`
/// itself (ten digits or more) beyond.
pub(crate) fn client_id(n: u64) -> String {
    const M: u64 = 1_000_000_000;
    if n >= M {
        return format!("c{n}");
    }
    // 3^18 is coprime to 10⁹, so this is a permutation of 0..10⁹.
    let mut v = (n * 387_420_489 + 271_828_182) % M;
    let mut b = [b'0'; 10];
    b[0] = b'c';
    for i in (1..10).rev() {
        b[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    String::from_utf8(b.to_vec()).expect("ascii")
}

/// Emits the spells of one gemeente: `quota` spells of successive clients,
/// each followed by their re-entries, stopping exactly at the quota.
#[derive(Debug, Clone)]
pub(crate) struct GemeenteGenerator {
    gemeente: GemeenteCode,
    rng: ChaCha8Rng,
    resterend: u64,
    /// The current client and their last spell, while a re-entry may follow.
    huidig: Option<(String, Persoon, Uitkomst)>,
}

impl GemeenteGenerator {
    pub(crate) fn new(gemeente: GemeenteCode, rng: ChaCha8Rng, quota: u64) -> GemeenteGenerator {
        GemeenteGenerator { gemeente, rng, resterend: quota, huidig: None }
    }

    /// The next spell; `volgnummer` numbers the clients (one per new client).
    pub(crate) fn volgende(&mut self, model: &Model, volgnummer: &mut u64) -> Option<SynthUitkering> {
        if self.resterend == 0 {
            self.huidig = None;
            return None;
        }
        self.resterend -= 1;
        if let Some((id, persoon, vorige)) = self.huidig.take() {
            if let Some(u) = model.trek_herinstroom(&mut self.rng, &persoon, &vorige) {
                let uitkering = self.uitkering(model, &id, &persoon, &u);
                self.huidig = Some((id, persoon, u));
                return Some(uitkering);
            }
        }
        let (persoon, u) = loop {
            if let Some(x) = model.trek_eerste(&mut self.rng) {
                break x;
            }
        };
        let id = client_id(*volgnummer);
        *volgnummer += 1;
        let uitkering = self.uitkering(model, &id, &persoon, &u);
        self.huidig = Some((id, persoon, u));
        Some(uitkering)
    }

    fn uitkering(&self, model: &Model, id: &str, p: &Persoon, u: &Uitkomst) -> SynthUitkering {
        let loopt = u.eind > model.peil;
        SynthUitkering {
            gemeente: self.gemeente,
            client_id: id.to_owned(),
            regeling: u.regeling,
            startdatum: naar_date(u.start),
            einddatum: (!loopt).then(|| naar_date(u.eind)),
            reden_einde: (!loopt).then_some(u.reden),
            geboortedatum: naar_date(p.geboorte),
            huishouden: p.huishouden,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids_are_unique_and_fixed_width() {
        let mut ids: Vec<String> = (0..100_000).map(client_id).collect();
        assert!(ids.iter().all(|s| s.len() == 10 && s.starts_with('c')));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 100_000);
        assert_eq!(client_id(1_000_000_000), "c1000000000");
    }

    #[test]
    fn the_state_pension_age_follows_the_law() {
        // Born 1 March 1957: 66 years and 10 months (2023) would fall in 2024,
        // where the age is 67: the pension starts on the 67th birthday.
        assert_eq!(civiel(aow_dag(dag(1957, 3, 1))), (2024, 3, 1));
        // Born 15 June 1950: 65 years and 3 months, in 2015.
        assert_eq!(civiel(aow_dag(dag(1950, 6, 15))), (2015, 9, 15));
    }

    #[test]
    fn age_follows_the_birthday_rule() {
        assert_eq!(leeftijd_op(dag(1996, 2, 29), dag(2023, 2, 28)), 26);
        assert_eq!(leeftijd_op(dag(1996, 2, 29), dag(2023, 3, 1)), 27);
        assert_eq!(leeftijd_op(dag(1996, 2, 29), dag(2024, 2, 29)), 28);
    }
}
