// SPDX-License-Identifier: EUPL-1.2
//! One cell's value: the [`Cell`] both sources (CSV bytes, XLSX cells) hand
//! to the row converter, and the parsers that turn a cell into a date, an
//! amount, a year, a count, a percentage, a gemeente code or text. Every
//! parser returns `Ok(None)` for an empty cell and a Dutch message (without
//! row or column; the caller adds those) for a bad one.
//!
//! The date and amount parsers work on bytes by hand: a spells file has
//! millions of rows and a general parser would dominate the import time.
//!
//! - [`cell`]: the [`Cell`], its text and the helpers the parsers share;
//! - [`dates`], [`amounts`], [`numbers`]: the parsers by kind of value.

mod amounts;
mod cell;
mod dates;
mod numbers;
#[cfg(test)]
mod tests;

pub(crate) use amounts::{money, money_text};
pub(crate) use cell::{decode, text, trim_bytes, Cell};
pub(crate) use dates::date;
pub(crate) use numbers::{count, gemeente, percent, periode, year};
