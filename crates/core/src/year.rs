// SPDX-License-Identifier: EUPL-1.2
//! Calendar years, the period every BUIG quantity belongs to.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar year (uitkeringsjaar), e.g. `Year::new(2023)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Year(i32);

impl Year {
    pub const fn new(y: i32) -> Year {
        Year(y)
    }

    pub const fn get(self) -> i32 {
        self.0
    }

    /// The year `n` years later (negative: earlier).
    pub const fn offset(self, n: i32) -> Year {
        Year(self.0 + n)
    }

    /// Years `from..=to`, inclusive.
    pub fn range(from: Year, to: Year) -> impl DoubleEndedIterator<Item = Year> {
        (from.0..=to.0).map(Year)
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Year {
    type Err = String;
    fn from_str(s: &str) -> Result<Year, String> {
        let t = s.trim();
        match t.parse::<i32>() {
            Ok(y) if (1000..=9999).contains(&y) && t.len() == 4 => Ok(Year(y)),
            _ => Err(format!("\"{t}\" is geen jaartal (verwacht vier cijfers, bijvoorbeeld 2023)")),
        }
    }
}
