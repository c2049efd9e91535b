// SPDX-License-Identifier: EUPL-1.2
//! The aanvalsplan (SPEC §4): a gemeente's action plan against its BUIG
//! deficit — action lines (actielijnen), actions coded `1A`…`3N` with a
//! measurable target, owner (trekker), planning and budget, quarterly status
//! updates and the evaluation of an action (continue / make regular / stop).
//!
//! - [`lees_csv`]: a plan's actions from CSV (`;` or `,`), all or nothing,
//!   with row-precise Dutch errors;
//! - [`voorbeeld_deventer`]: the bundled Aanvalsplan BUIG 2022–2023 of
//!   Deventer (seed 001, `data/aanvalsplan-deventer-2022.csv`);
//! - [`sinds_nulmeting`]: the actual caseload change since the baseline,
//!   computed by `buig-bestand` from the spells;
//! - [`overzicht`], [`render_tekst`]: the plan with its latest statuses and totals.
//!
//! Nothing here reads or writes the database; `buig-store` stores plans.

mod controle;
mod csvlees;
mod model;
mod nulmeting;
mod tekst;
mod voorbeeld;
mod voortgang;
mod waarde;

pub use crate::controle::VeldFout;
pub use crate::csvlees::{
    lees_csv, lees_risicos, lees_tabel, lees_xlsx, tabel_uit_csv, tabel_uit_xlsx, PlanFout, Tabel, MAX_BESTAND, MAX_KOLOMMEN, MAX_RIJEN,
    RISICO_KOLOMMEN,
};
pub use crate::model::{Actie, Actielijn, Evaluatie, Kwartaal, Niveau, Oordeel, Plan, PlanKop, Risico, Soort, Status, Statusupdate};
pub use crate::nulmeting::{sinds_nulmeting, Ontwikkeling};
pub use crate::tekst::{pct_tekst, render_actie, render_tekst, voortgang_tekst};
pub use crate::voorbeeld::{
    voorbeeld_deventer, voorbeeld_evaluaties, VOORBEELD_BRON, VOORBEELD_CSV, VOORBEELD_EVALUATIE_CSV, VOORBEELD_RISICOS_CSV,
    VOORBEELD_STURING,
};
pub use crate::voortgang::{
    actie_detail, actie_regel, overzicht, overzicht_met, ActieDetail, ActieRegel, LijnRegel, Overzicht, Planstand, Totalen, Voortgang,
};
pub use crate::waarde::{lees_datum, lees_getal};
