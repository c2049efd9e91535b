// SPDX-License-Identifier: EUPL-1.2
//! Deterministic synthetic data: a national file of benefit spells (for the
//! benchmark and for tests at scale) and the demo gemeente Voorbeeldstad
//! ([`voorbeeldstad`], `docs/demo.md`). Nothing here is real data: the
//! gemeenten and their inhabitants are real (bundled reference data), the
//! people and their benefits are invented.
//!
//! # Determinism
//!
//! The same parameters give the same spells, byte for byte, on every run and
//! platform: every draw comes from a ChaCha8 stream (`rand_chacha` 0.9,
//! seeded with [`rand::SeedableRng::seed_from_u64`]); floats only pass
//! through exact IEEE operations and the pure-Rust `libm`; no hash map
//! order reaches the output. Each gemeente has its own stream (number =
//! its CBS code number + 1), so its spells do not depend on the others';
//! only the client ids (one running counter) do.
//!
//! # The spell model
//!
//! **Which gemeenten, how many spells.** The `gemeenten` largest gemeenten of
//! 2024 by inhabitants (all 342 when more are asked). A gemeente's share of
//! the spells is proportional to `inwoners × (inwoners / 50,000)^0.35 × e^(0.2·z)`
//! with `z` standard normal (clamped to ±2.5): a lognormal rate factor whose
//! median grows with size, so a city of 500,000 has about twice the benefits
//! per inhabitant of a town of 70,000 (as in reality: the big four have
//! 50–70 per 1,000, small gemeenten 10–20). The quotas are rounded by
//! largest remainder, so they add up to `uitkeringen` exactly.
//!
//! **When spells start.** Start months are drawn from 15 years before `van`
//! up to the peildatum, weighted by a yearly inflow factor (low before 2008,
//! the crisis years, the peak of 2015–2017, the dip 2018–2019, covid 2020,
//! the tight labour market 2021–2023) and a season (January +25%,
//! September/October +10–15%, December −15%); 30% start on the 1st. A spell
//! that ended before `van` is drawn again, so the stock on `van` consists
//! of the survivors of fifteen years of inflow: realistic, length-biased
//! (long durations over-represented) from the first month.
//!
//! **Who.** Scheme of a new client: 92.5% PW, 3.5% IOAW, 1% IOAZ, 3% Bbz
//! (Bbz spells are short and so are rarer among the spells that survive to
//! `van`; the resulting mix in the file is about 93 / 4 / 1 / 2). Age at
//! start: PW 22% 18–26, 43% 27–44, 35% 45 up to a year below the AOW age;
//! IOAW/IOAZ 50 and over; Bbz 22 to 5 years below the AOW age. The birth
//! date is drawn so that the age at start is exactly that age. Household
//! type depends on age (the young mostly single, parents in the middle
//! years).
//!
//! **How long.** A mixture with a long tail. PW: short (2–12 months, skewed
//! to the short end), medium (1–3 years) and long (2 years + exponential
//! with mean 7.5 years); the share of the long component rises with age from
//! 20% to 55% and the short one falls from 50% to 25%. IOAW/IOAZ: 30%
//! 6–48 months, 70% exponential with mean 12.5 years. Bbz: 1–12 months.
//! Half of the spells end on a month's last day. Every spell ends at the
//! latest the day before the client's state pension (AOW age by year, 65 in
//! 2012 to 67 in 2024, 67 and 3 months from 2028): exit reason `aow`. Many
//! long spells run past the peildatum: they are open (no `einddatum`).
//!
//! **Why it ends.** Depends on the component: short spells 60% `werk`,
//! medium 46%, long 30%, Bbz 62%; the rest `verhuizing`, `andere_uitkering`
//! and `overig`; overall about 45% of the exits is to work. `einddatum` is
//! the last day with benefit, never before `startdatum`.
//!
//! **Re-entry.** 18% of the clients who left for work, another benefit or
//! otherwise return 14–365 days later (same scheme; a Bbz client returns on
//! PW), with a new spell drawn as above: the "draaideur" within 12 months.

mod buren;
mod csv;
mod dagen;
mod demo;
mod model;
mod nationaal;

use buig_core::records::{ClientPseudoniem, Regeling, Uitkering};
use buig_core::GemeenteCode;
use jiff::civil::Date;

pub use crate::buren::{buren, is_fictief, Buur, BUREN};
pub use crate::csv::{write_csv, HEADER};
pub use crate::demo::{voorbeeldstad, Demo, DemoJaar, PRIJS_PER_UITKERING, VERHAAL, VOORBEELDSTAD};
pub use crate::nationaal::{nationaal, verdeling, NationaalParams};

/// One synthetic benefit spell, as a row of the spells file (SPEC §7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthUitkering {
    pub gemeente: GemeenteCode,
    /// The raw client id (`c000123456`), unique per person; a person may
    /// have several spells (re-entry). Pseudonymising it is the importer's job.
    pub client_id: String,
    pub regeling: Regeling,
    pub startdatum: Date,
    /// Last day with benefit; `None` while running on the peildatum.
    pub einddatum: Option<Date>,
    /// `werk`, `verhuizing`, `andere_uitkering`, `aow` or `overig`; `None` while running.
    pub reden_einde: Option<&'static str>,
    pub geboortedatum: Date,
    /// `alleenstaand`, `alleenstaande_ouder`, `paar` or `paar_met_kinderen`.
    pub huishouden: &'static str,
}

impl SynthUitkering {
    /// The spell as the store and the libraries hold it, with `client` as its
    /// pseudonym (the importer's, or the raw id where no store is involved).
    pub fn als_uitkering(&self, client: ClientPseudoniem) -> Uitkering {
        Uitkering {
            gemeente: self.gemeente,
            client,
            regeling: self.regeling,
            startdatum: self.startdatum,
            einddatum: self.einddatum,
            reden_einde: self.reden_einde.map(str::to_string),
            geboortedatum: Some(self.geboortedatum),
            huishouden: Some(self.huishouden.to_string()),
        }
    }

    /// Does the benefit run on `dag` (started on or before it, not ended before it)?
    pub fn loopt_op(&self, dag: Date) -> bool {
        self.startdatum <= dag && self.einddatum.is_none_or(|e| e >= dag)
    }
}
