// SPDX-License-Identifier: EUPL-1.2
//! The national synthetic spells file: the largest gemeenten of 2024, each
//! with a number of spells proportional to its inhabitants times a
//! gemeente-specific rate, streamed gemeente by gemeente (in code order) in
//! constant memory.

use buig_core::{GemeenteCode, Year};
use jiff::civil::Date;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{GemeenteGenerator, Model};
use crate::SynthUitkering;

/// The year whose gemeenten and inhabitants the national file uses.
const PEILJAAR: Year = Year::new(2024);
/// The rate of benefits per inhabitant grows with size: rate ∝ (inwoners / 50,000)^0.35.
const GROOTTE_ELASTICITEIT: f64 = 0.35;
/// The spread of the gemeente-specific lognormal rate factor (σ of its log).
const SPREIDING: f64 = 0.20;

/// What to generate. [`NationaalParams::new`] fills in the default period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationaalParams {
    /// How many gemeenten: the largest of 2024 by inhabitants (all when more are asked).
    pub gemeenten: usize,
    /// The total number of spells in the file.
    pub uitkeringen: usize,
    pub seed: u64,
    /// First day of the period; spells that ended before it are left out
    /// (default 2015-01-01). The stock on this day starts 15 years earlier.
    pub van: Date,
    /// The day the data is drawn up (default 2026-10-31): spells ending after it are running.
    pub peildatum: Date,
}

impl NationaalParams {
    pub const STANDAARD_VAN: Date = jiff::civil::date(2015, 1, 1);
    pub const STANDAARD_PEILDATUM: Date = jiff::civil::date(2026, 10, 31);

    /// The default period 2015-01-01 to 2026-10-31.
    pub fn new(gemeenten: usize, uitkeringen: usize, seed: u64) -> NationaalParams {
        NationaalParams { gemeenten, uitkeringen, seed, van: Self::STANDAARD_VAN, peildatum: Self::STANDAARD_PEILDATUM }
    }
}

impl Default for NationaalParams {
    /// All gemeenten of 2024, 1,000,000 spells, seed 2024.
    fn default() -> NationaalParams {
        NationaalParams::new(usize::MAX, 1_000_000, 2024)
    }
}

/// The gemeenten and their number of spells, in code order.
pub fn verdeling(p: &NationaalParams) -> Vec<(GemeenteCode, u64)> {
    let mut g: Vec<(GemeenteCode, u64)> = buig_referentie::actief_in(PEILJAAR)
        .into_iter()
        .filter_map(|g| buig_referentie::inwoners_van(g.code, PEILJAAR).map(|r| (g.code, r.inwoners)))
        .collect();
    g.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    g.truncate(p.gemeenten);
    g.sort_by_key(|x| x.0);
    if g.is_empty() || p.uitkeringen == 0 {
        return g.into_iter().map(|(c, _)| (c, 0)).collect();
    }
    // Rate factors from their own stream (0); each gemeente's spells use
    // stream = its code number + 1, so they do not depend on the others.
    let mut rng = ChaCha8Rng::seed_from_u64(p.seed);
    rng.set_stream(0);
    let gewichten: Vec<f64> = g
        .iter()
        .map(|&(_, inw)| {
            let z = standaardnormaal(&mut rng).clamp(-2.5, 2.5);
            let inw = inw as f64;
            inw * libm::pow(inw / 50_000.0, GROOTTE_ELASTICITEIT) * libm::exp(SPREIDING * z)
        })
        .collect();
    let totaal: f64 = gewichten.iter().sum();
    let n = p.uitkeringen as u64;
    // Largest remainder: the quotas add up to exactly `uitkeringen`.
    let exact: Vec<f64> = gewichten.iter().map(|w| w / totaal * n as f64).collect();
    let mut quota: Vec<u64> = exact.iter().map(|e| e.floor() as u64).collect();
    let verdeeld: u64 = quota.iter().sum();
    let mut rest: Vec<usize> = (0..g.len()).collect();
    rest.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    for &i in rest.iter().cycle().take(n.saturating_sub(verdeeld) as usize) {
        quota[i] += 1;
    }
    g.iter().zip(quota).map(|(&(c, _), q)| (c, q)).collect()
}

/// A standard normal draw (Box–Muller with the portable `libm`).
pub(crate) fn standaardnormaal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>(); // (0, 1]
    let u2 = rng.random::<f64>();
    libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * std::f64::consts::PI * u2)
}

/// The generator for one gemeente's spells with `seed`.
pub(crate) fn generator(code: GemeenteCode, seed: u64, quota: u64) -> GemeenteGenerator {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(u64::from(code.number()) + 1);
    GemeenteGenerator::new(code, rng, quota)
}

/// The national synthetic spells, streamed: nothing but one gemeente's
/// generator state is held, whatever `uitkeringen` is.
pub fn nationaal(p: &NationaalParams) -> impl Iterator<Item = SynthUitkering> {
    Nationaal {
        model: Model::new(p.van, p.peildatum),
        verdeling: verdeling(p).into_iter(),
        seed: p.seed,
        huidig: None,
        volgnummer: 0,
        resterend: p.uitkeringen as u64,
    }
}

struct Nationaal {
    model: Model,
    verdeling: std::vec::IntoIter<(GemeenteCode, u64)>,
    seed: u64,
    huidig: Option<GemeenteGenerator>,
    volgnummer: u64,
    resterend: u64,
}

impl Iterator for Nationaal {
    type Item = SynthUitkering;

    fn next(&mut self) -> Option<SynthUitkering> {
        loop {
            if let Some(g) = &mut self.huidig {
                if let Some(s) = g.volgende(&self.model, &mut self.volgnummer) {
                    self.resterend -= 1;
                    return Some(s);
                }
            }
            let (code, quota) = self.verdeling.next()?;
            self.huidig = Some(generator(code, self.seed, quota));
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(self.resterend).unwrap_or(usize::MAX);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Nationaal {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_add_up_exactly() {
        for (g, n) in [(1, 7), (10, 12_345), (400, 100_000), (342, 0)] {
            let v = verdeling(&NationaalParams::new(g, n, 9));
            assert_eq!(v.iter().map(|x| x.1).sum::<u64>(), n as u64);
            assert_eq!(v.len(), g.min(342));
        }
    }

    #[test]
    fn the_iterator_knows_its_length() {
        let it = nationaal(&NationaalParams::new(3, 1234, 1));
        assert_eq!(it.size_hint(), (1234, Some(1234)));
        assert_eq!(it.count(), 1234);
    }
}
