// SPDX-License-Identifier: EUPL-1.2
//! The engine: per gemeente, difference arrays over the months of the
//! question. A spell is in stock for the contiguous months
//! `[startmaand, eindmaand)` (it is in stock at month m's last day L when it
//! started on or before L and ends after L), in each duration band for a
//! contiguous sub-range (duration at L = months since the start month,
//! exact at a month's end, SPEC §7) and in each age band for another
//! (it enters a band in the month of the birthday). So each spell adds
//! `+1`/`−1` at the ends of at most nine ranges and one count each for
//! inflow and outflow: O(spells + months × bands), no loop over months
//! per spell. Re-entry (herinstroom) needs a client's other spells: one
//! compact 16-byte [`Spoor`] per relevant spell, sorted per gemeente at
//! the end.

use std::collections::BTreeMap;

use crate::maand::{maandindex, schrikkeljaar, Dag, Maand};
use crate::reeks::{afgerond, Banden, Punt, Reeks, DUUR_GRENZEN, LEEFTIJD_GRENZEN};
use crate::Vraag;

/// What the engine needs of one spell (after the regeling filter).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Feit {
    pub start: Dag,
    /// Last day with benefit; `None` = running.
    pub eind: Option<Dag>,
    pub geboren: Option<Dag>,
    /// Ended with reason `werk`.
    pub werk: bool,
}

/// A spell as re-entry needs it: its client and its first and last day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spoor {
    client: u64,
    start: i32,
    /// Day number of the last day; `i32::MAX` while running.
    eind: i32,
}

/// Columns of a month cell: 0–5 duration band differences, 6–8 age band
/// differences, then the plain counts instroom, uitstroom, uitstroom werk.
const K: usize = 12;
const IN: usize = 9;
const UIT: usize = 10;
const WERK: usize = 11;
/// "Never": the month index of a running spell's end.
const NOOIT: i32 = i32::MAX / 4;

/// The months a question covers: `van` to `tot` widened to whole periods.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bereik {
    /// Month index of the first month.
    pub lo: i32,
    /// Month index one past the last month.
    pub hi: i32,
}

impl Bereik {
    pub(crate) fn van(v: &Vraag) -> Bereik {
        let lo = v.per.begin(v.van.index());
        let hi = v.per.begin(v.tot.index()) + v.per.maanden();
        Bereik { lo, hi: hi.max(lo) }
    }

    fn n(self) -> usize {
        (self.hi - self.lo) as usize
    }
}

/// The counters of one gemeente (or one group).
#[derive(Debug, Clone)]
pub(crate) struct Teller {
    b: Bereik,
    cel: Vec<[i32; K]>,
    sporen: Vec<Spoor>,
    /// Day number of the first day of the month 12 months before `lo`: an
    /// earlier end cannot precede a re-entry in range.
    eind_vanaf: i32,
}

impl Teller {
    pub(crate) fn new(b: Bereik) -> Teller {
        let eerste = Maand::uit_index(b.lo - 12);
        let eind_vanaf = Dag { j: i32::from(eerste.jaar), m: eerste.maand as u8, d: 1 }.nummer();
        Teller { b, cel: vec![[0; K]; b.n() + 1], sporen: Vec::new(), eind_vanaf }
    }

    /// `+1` on column `k` for the months `[a, z)` (already within range).
    #[inline]
    fn plus(&mut self, k: usize, a: i32, z: i32) {
        if a < z {
            self.cel[(a - self.b.lo) as usize][k] += 1;
            self.cel[(z - self.b.lo) as usize][k] -= 1;
        }
    }

    /// Counts one spell of `client` (any id that is equal for equal clients).
    pub(crate) fn voeg_toe(&mut self, f: &Feit, client: u64) {
        let Bereik { lo, hi } = self.b;
        let ms = f.start.maandindex();
        let me = f.eind.map_or(NOOIT, Dag::maandindex);
        if (lo..hi).contains(&ms) {
            self.cel[(ms - lo) as usize][IN] += 1;
        }
        if (lo..hi).contains(&me) {
            let c = &mut self.cel[(me - lo) as usize];
            c[UIT] += 1;
            c[WERK] += i32::from(f.werk);
        }
        // In stock at the end of months [ms, me), within range.
        let (a, z) = (ms.max(lo), me.min(hi));
        if a < z {
            for (k, &g) in DUUR_GRENZEN.iter().enumerate() {
                let ka = (ms + g).max(a);
                let kz = DUUR_GRENZEN.get(k + 1).map_or(z, |&g| (ms + g).min(z));
                self.plus(k, ka, kz);
            }
            if let Some(g) = f.geboren {
                let t1 = verjaardag_maand(g, LEEFTIJD_GRENZEN[0]).clamp(a, z);
                let t2 = verjaardag_maand(g, LEEFTIJD_GRENZEN[1]).clamp(t1, z);
                self.plus(6, a, t1);
                self.plus(7, t1, t2);
                self.plus(8, t2, z);
            }
        }
        let eind = f.eind.map_or(i32::MAX, Dag::nummer);
        if (lo..hi).contains(&ms) || (eind >= self.eind_vanaf && me < hi) {
            self.sporen.push(Spoor { client, start: f.start.nummer(), eind });
        }
    }

    /// The months this teller covers.
    pub(crate) fn bereik(&self) -> Bereik {
        self.b
    }

    /// Adds another teller over the same range.
    pub(crate) fn voeg_samen(&mut self, mut ander: Teller) {
        for (c, d) in self.cel.iter_mut().zip(&ander.cel) {
            for k in 0..K {
                c[k] += d[k];
            }
        }
        if self.sporen.len() < ander.sporen.len() {
            std::mem::swap(&mut self.sporen, &mut ander.sporen);
        }
        self.sporen.extend_from_slice(&ander.sporen);
    }

    /// The series for the question.
    pub(crate) fn reeks(mut self, vraag: &Vraag) -> Reeks {
        let Bereik { lo, hi } = self.b;
        let n = self.b.n();
        // Re-entry: per client, spells starting in range preceded by an end
        // in the 12 months before the start.
        let mut her = vec![0u64; n];
        self.sporen.sort_unstable_by_key(|s| (s.client, s.start));
        for groep in self.sporen.chunk_by(|x, y| x.client == y.client) {
            if groep.len() < 2 {
                continue;
            }
            for (j, s) in groep.iter().enumerate() {
                let dag = Dag::uit_nummer(s.start);
                let mi = dag.maandindex();
                if !(lo..hi).contains(&mi) {
                    continue;
                }
                let grens = dag.jaar_eerder().nummer();
                if groep.iter().enumerate().any(|(i, t)| i != j && t.eind >= grens && t.eind < s.start) {
                    her[(mi - lo) as usize] += 1;
                }
            }
        }
        drop(self.sporen);
        // Prefix sums: the bands at each month's end.
        let mut loopt = [0i64; 9];
        let mut maanden = Vec::with_capacity(n);
        for (i, c) in self.cel[..n].iter().enumerate() {
            for k in 0..9 {
                loopt[k] += i64::from(c[k]);
            }
            let duur = Banden(std::array::from_fn(|k| loopt[k] as u64));
            let leeftijd = Banden(std::array::from_fn(|k| loopt[6 + k] as u64));
            maanden.push(Maandcijfers {
                duur,
                leeftijd,
                instroom: c[IN] as u64,
                uitstroom: c[UIT] as u64,
                werk: c[WERK] as u64,
                herinstroom: her[i],
            });
        }
        punten(&maanden, lo, vraag)
    }
}

/// The month index in which a client born on `g` reaches age `a` (the
/// birthday's month; born 29 February: March in common years).
fn verjaardag_maand(g: Dag, a: i32) -> i32 {
    let j = g.j + a;
    maandindex(j, g.m) + i32::from(g.m == 2 && g.d == 29 && !schrikkeljaar(j))
}

/// The figures of one month.
#[derive(Debug, Clone, Copy, Default)]
struct Maandcijfers {
    duur: Banden<6>,
    leeftijd: Banden<3>,
    instroom: u64,
    uitstroom: u64,
    werk: u64,
    herinstroom: u64,
}

/// Aggregates months (starting at month index `lo`, whole periods) into points.
fn punten(maanden: &[Maandcijfers], lo: i32, vraag: &Vraag) -> Reeks {
    let per = vraag.per.maanden() as usize;
    let reeks = maanden
        .chunks(per)
        .enumerate()
        .map(|(p, ms)| {
            let laatste = ms[ms.len() - 1];
            let (instroom, uitstroom, werk, herinstroom) =
                ms.iter().fold((0, 0, 0, 0), |t, m| (t.0 + m.instroom, t.1 + m.uitstroom, t.2 + m.werk, t.3 + m.herinstroom));
            let eind = lo + (p * per + ms.len() - 1) as i32;
            let stand: u64 = laatste.duur.0.iter().sum();
            let per_1000 =
                inwoners(&vraag.inwoners, Maand::uit_index(eind).jaar).map(|inw| afgerond(u128::from(stand) * 1000, u128::from(inw), 2));
            Punt {
                periode: vraag.per.label(eind),
                stand,
                instroom,
                uitstroom,
                saldo: instroom as i64 - uitstroom as i64,
                duur: laatste.duur,
                leeftijd: laatste.leeftijd,
                uitstroom_werk: (uitstroom > 0).then(|| afgerond(u128::from(werk), u128::from(uitstroom), 4)),
                herinstroom,
                per_1000,
            }
        })
        .collect();
    Reeks { reeks }
}

fn inwoners(inw: &BTreeMap<i32, u64>, jaar: i16) -> Option<u64> {
    inw.get(&i32::from(jaar)).copied().filter(|&n| n > 0)
}

/// Fills `per_1000` of a series computed without inhabitants (the national
/// fast path), with the same rule as [`bereken`](crate::bereken): the
/// inhabitants of the year the period ends in; `None` when unknown.
pub fn zet_per_1000(reeks: &mut Reeks, inw: &BTreeMap<i32, u64>) {
    for p in &mut reeks.reeks {
        let jaar: Option<i16> = p.periode.get(..4).and_then(|y| y.parse().ok());
        p.per_1000 = jaar.and_then(|j| inwoners(inw, j)).map(|n| afgerond(u128::from(p.stand) * 1000, u128::from(n), 2));
    }
}
