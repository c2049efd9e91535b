//! Budget and prognosis. Built so far: [`budget`], the budget view of a
//! gemeente — the three decisions per year side by side, every change
//! between two decisions split exactly into macro effect and share effect,
//! net costs and result per year, and the vangnet position of every year
//! through the rules engine. The year-end prognosis, Monte Carlo and
//! scenarios are not built yet.

pub mod budget;

pub use budget::{budgetoverzicht, render_tabel, BudgetOverzicht, Gegevens, Jaarcijfer};
