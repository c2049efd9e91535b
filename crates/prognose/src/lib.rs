// SPDX-License-Identifier: EUPL-1.2
//! Budget and prognosis:
//!
//! - [`gegevens`]: what the views are computed from, and what was known on a peildatum;
//! - [`budget`]: the budget view of a gemeente — the three decisions per year
//!   side by side, every change between two decisions split exactly into
//!   macro effect and share effect, net costs and result per year, and the
//!   vangnet position of every year, computed once ([`vangnet`]);
//! - [`vangnet`]: the case of a year assembled in one place and the
//!   engine's whole answer with the stage of its figures;
//! - [`basis`]: the caseload series and realisation prepared once, and the
//!   starting point of a projection at a peildatum;
//! - [`prognose`]: the deterministic year-end prognosis at a peildatum;
//!   [`scenario`]: the knobs;
//! - [`montecarlo`]: the uncertainty around it (seeded ChaCha8), and how it
//!   narrows month by month;
//! - [`backtest`]: the prognosis at every month-end of past complete years
//!   against the realised result;
//! - [`uitkomst`]: the prognosis of (gemeente, jaar, peildatum) as one result,
//!   with its headline ([`kop`]: the centre of its own distribution);
//! - [`rapportage`]: a prognosis recorded as a report moment, and how a
//!   later one moved since, split into volume, price, budget and the rest;
//! - [`zinnen`]: the sentences every view uses for a prognosis and a vangnet position;
//! - [`tekst`]: the Dutch text the command line prints.
//!
//! Definitions and JSON keys: `docs/prognose.md`.

pub mod backtest;
pub mod basis;
pub mod budget;
pub mod gegevens;
pub mod kop;
pub mod montecarlo;
pub mod prognose;
pub mod raming;
pub mod rapportage;
pub mod scenario;
pub mod tekst;
pub mod uitkomst;
pub mod vangnet;
pub mod zinnen;

pub use basis::{Prognosebasis, Uitgangspunt};
pub use budget::{budgetoverzicht, BudgetOverzicht};
pub use gegevens::Gegevens;
pub use kop::Kop;
pub use prognose::{bereken_prognose, Prognose};
pub use scenario::{lees_peildatum, lees_scenarios, PrognoseFout, Scenario};
pub use uitkomst::{prognose_uitkomst, PrognoseUitkomst, PrognoseVraag};
pub use vangnet::{JaarTekort, VangnetPositie};
