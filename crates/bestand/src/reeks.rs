// SPDX-License-Identifier: EUPL-1.2
//! The result: a series ([`Reeks`]) of points ([`Punt`]), serialised
//! exactly as the JSON contract of `buig bestand --json`, and the stock
//! index ([`index`]).

use std::collections::BTreeMap;

use serde::de::Deserializer;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// The duration bands in complete months, lower bound inclusive.
pub const DUUR_BANDEN: [&str; 6] = ["0-6", "6-12", "12-24", "24-36", "36-60", "60+"];
/// Their lower bounds in months (the upper bound is the next one's lower bound).
pub const DUUR_GRENZEN: [i32; 6] = [0, 6, 12, 24, 36, 60];
/// The age bands in complete years, lower bound inclusive.
pub const LEEFTIJD_BANDEN: [&str; 3] = ["0-27", "27-45", "45+"];
/// The ages at which a client enters the second and third age band.
pub const LEEFTIJD_GRENZEN: [i32; 2] = [27, 45];

/// Counts per band, serialised as a JSON object whose keys are the band
/// names in band order (`{"0-6": 3, "6-12": 1, …}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Banden<const N: usize>(pub [u64; N]);

/// The six duration bands ([`DUUR_BANDEN`]).
pub type Duur = Banden<6>;
/// The three age bands ([`LEEFTIJD_BANDEN`]).
pub type Leeftijd = Banden<3>;

impl<const N: usize> Banden<N> {
    /// The band names, in order.
    pub fn namen() -> &'static [&'static str] {
        match N {
            6 => &DUUR_BANDEN,
            3 => &LEEFTIJD_BANDEN,
            _ => unreachable!("only duration (6) and age (3) bands exist"),
        }
    }

    /// The count of band `naam` (`"24-36"`), if there is such a band.
    pub fn get(&self, naam: &str) -> Option<u64> {
        Self::namen().iter().position(|n| *n == naam).map(|i| self.0[i])
    }
}

impl<const N: usize> Default for Banden<N> {
    fn default() -> Self {
        Banden([0; N])
    }
}

impl<const N: usize> std::ops::Index<&str> for Banden<N> {
    type Output = u64;
    fn index(&self, naam: &str) -> &u64 {
        let i = Self::namen().iter().position(|n| *n == naam).unwrap_or_else(|| panic!("no band {naam:?}"));
        &self.0[i]
    }
}

impl<const N: usize> Serialize for Banden<N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(N))?;
        for (naam, v) in Self::namen().iter().zip(self.0) {
            m.serialize_entry(naam, &v)?;
        }
        m.end()
    }
}

impl<'de, const N: usize> Deserialize<'de> for Banden<N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut m = BTreeMap::<String, u64>::deserialize(d)?;
        let mut out = [0; N];
        for (i, naam) in Self::namen().iter().enumerate() {
            out[i] = m.remove(*naam).ok_or_else(|| serde::de::Error::missing_field(naam))?;
        }
        match m.into_keys().next() {
            Some(k) => Err(serde::de::Error::custom(format!("unknown band {k:?}"))),
            None => Ok(Banden(out)),
        }
    }
}

/// One point of the series: a month, quarter or year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Punt {
    /// `2023-01`, `2023-K1` or `2023`.
    pub periode: String,
    /// Spells in stock at the period's last day.
    pub stand: u64,
    /// Spells starting in the period.
    pub instroom: u64,
    /// Spells ending (last day with benefit) in the period.
    pub uitstroom: u64,
    /// `instroom − uitstroom`.
    pub saldo: i64,
    /// The stock at the period's end by duration.
    pub duur: Duur,
    /// The stock at the period's end by age (spells without birth date in none).
    pub leeftijd: Leeftijd,
    /// Share of the period's exits with reason `werk`, 0–1, 4 decimals; `null` without exits.
    pub uitstroom_werk: Option<f64>,
    /// Inflow of clients whose previous spell ended in the 12 months before the new start.
    pub herinstroom: u64,
    /// Stock per 1,000 inhabitants (of the period-end year), 2 decimals; `null` when unknown.
    pub per_1000: Option<f64>,
}

/// A series of points, oldest first: `{"reeks": [...]}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reeks {
    pub reeks: Vec<Punt>,
}

impl Reeks {
    /// The point of period `periode` (`"2023-K1"`).
    pub fn punt(&self, periode: &str) -> Option<&Punt> {
        self.reeks.iter().find(|p| p.periode == periode)
    }
}

/// The stock as an index: the stand of period `basis` is 100, the others
/// relative to it (2 decimals). All `None` when `basis` is not in the series
/// or its stand is zero (an index of nothing is unknown, not infinite).
pub fn index(r: &Reeks, basis: &str) -> Vec<(String, Option<f64>)> {
    let b = r.punt(basis).map(|p| p.stand).filter(|&s| s > 0);
    r.reeks.iter().map(|p| (p.periode.clone(), b.map(|b| afgerond(u128::from(p.stand) * 100, u128::from(b), 2)))).collect()
}

/// `teller / noemer` rounded half up to `dp` decimals, exactly (integer arithmetic).
pub(crate) fn afgerond(teller: u128, noemer: u128, dp: u32) -> f64 {
    let schaal = 10u128.pow(dp);
    let n = (teller * schaal * 2 + noemer) / (noemer * 2);
    n as f64 / schaal as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_serialise_as_ordered_objects() {
        let d = Duur::default();
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"0-6":0,"6-12":0,"12-24":0,"24-36":0,"36-60":0,"60+":0}"#);
        let l = Banden([1, 2, 3]);
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(json, r#"{"0-27":1,"27-45":2,"45+":3}"#);
        assert_eq!(serde_json::from_str::<Leeftijd>(&json).unwrap(), l);
        assert_eq!(l["27-45"], 2);
    }

    #[test]
    fn rounding_is_exact_half_up() {
        assert_eq!(afgerond(1, 8, 2), 0.13);
        assert_eq!(afgerond(2, 3, 4), 0.6667);
        assert_eq!(afgerond(0, 3, 4), 0.0);
    }
}
