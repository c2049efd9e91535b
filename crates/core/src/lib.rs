// SPDX-License-Identifier: EUPL-1.2
//! Domain types shared by every part of buig-monitor: exact money
//! ([`Money`], integer cents), percentages ([`Percentage`]), calendar years
//! ([`Year`]), CBS gemeente codes ([`GemeenteCode`]), Dutch display
//! formatting ([`nl`]) and the cells of every CSV file written ([`csv`]).
//!
//! Nothing here knows about rules, storage or the web: this crate is the
//! vocabulary the others speak.

pub mod csv;
pub mod gemeente;
pub mod money;
pub mod nl;
pub mod percentage;
pub mod records;
pub mod year;

pub use gemeente::GemeenteCode;
pub use money::Money;
pub use percentage::Percentage;
pub use year::Year;
