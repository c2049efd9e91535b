// SPDX-License-Identifier: EUPL-1.2
//! CBS gemeente codes (`GM` + four digits, e.g. `GM0150` for Deventer):
//! the identifier of a gemeente everywhere in the product (SPEC §7).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A validated CBS gemeente code, stored in its canonical form `GM0150`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct GemeenteCode(u16);

impl GemeenteCode {
    /// The four-digit number (150 for GM0150).
    pub fn number(self) -> u16 {
        self.0
    }
}

impl FromStr for GemeenteCode {
    type Err = String;
    /// Accepts `GM0150` and `gm0150`; nothing else.
    fn from_str(s: &str) -> Result<GemeenteCode, String> {
        let t = s.trim();
        let bad = || format!("\"{t}\" is geen CBS-gemeentecode (verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0150)");
        let digits = t.get(..2).filter(|p| p.eq_ignore_ascii_case("GM")).and_then(|_| t.get(2..)).ok_or_else(bad)?;
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        Ok(GemeenteCode(digits.parse().map_err(|_| bad())?))
    }
}

impl TryFrom<String> for GemeenteCode {
    type Error = String;
    fn try_from(s: String) -> Result<GemeenteCode, String> {
        s.parse()
    }
}

impl From<GemeenteCode> for String {
    fn from(c: GemeenteCode) -> String {
        c.to_string()
    }
}

impl fmt::Display for GemeenteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GM{:04}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_canonical() {
        assert_eq!("gm0150".parse::<GemeenteCode>().unwrap().to_string(), "GM0150");
        for bad in ["GM150", "GM01500", "0150", "GMabcd", "", "GM", "ǴM0150"] {
            assert!(bad.parse::<GemeenteCode>().is_err(), "{bad}");
        }
    }
}
