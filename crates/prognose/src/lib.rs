//! Budget and prognosis:
//!
//! - [`budget`]: the budget view of a gemeente — the three decisions per year
//!   side by side, every change between two decisions split exactly into
//!   macro effect and share effect, net costs and result per year, and the
//!   vangnet position of every year through the rules engine;
//! - [`prognose`]: the deterministic year-end prognosis at a peildatum
//!   (realised costs + seasonal stock projection × price + LKS, against the
//!   latest decision known then, vangnet through `buig_rules`) and the
//!   scenario knobs;
//! - [`montecarlo`]: the uncertainty around it (seeded ChaCha8), and how it
//!   narrows month by month;
//! - [`backtest`]: the prognosis at every month-end of past complete years
//!   against the realised result;
//! - [`rapport`]: everything `buig prognose` shows, and its Dutch text.
//!
//! Definitions and JSON keys: `docs/prognose.md`.

pub mod backtest;
pub mod budget;
pub mod montecarlo;
pub mod prognose;
pub mod rapport;

pub use budget::{budgetoverzicht, render_tabel, BudgetOverzicht, Gegevens, Jaarcijfer};
pub use prognose::{bereken_prognose, lees_peildatum, lees_scenarios, Basis, Prognose, PrognoseFout, Scenario, Uitgangspunt};
