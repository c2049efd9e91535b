// SPDX-License-Identifier: EUPL-1.2
//! Presentation of a [`Reeks`]: a readable Dutch table (`1.234`, `49,7%`,
//! months as `jan 2023`) and a flat CSV with one header.

use std::fmt::Write;

use buig_core::{csv, nl};
use rust_decimal::Decimal;

use crate::reeks::{Reeks, DUUR_BANDEN, LEEFTIJD_BANDEN};

/// The header of [`render_csv`], exactly.
pub const CSV_HEADER: &str = "periode,stand,instroom,uitstroom,saldo,duur_0-6,duur_6-12,duur_12-24,duur_24-36,duur_36-60,duur_60+,leeftijd_0-27,leeftijd_27-45,leeftijd_45+,uitstroom_werk,herinstroom,per_1000";

/// The series as CSV: [`CSV_HEADER`], then one row per point; `null` is an
/// empty field, decimals with a point. Text goes through [`csv::cel`].
pub fn render_csv(r: &Reeks) -> String {
    let mut out = String::with_capacity(64 * (r.reeks.len() + 1));
    out.push_str(CSV_HEADER);
    out.push('\n');
    for p in &r.reeks {
        let _ = write!(out, "{},{},{},{},{}", csv::cel(&p.periode), p.stand, p.instroom, p.uitstroom, p.saldo);
        for v in p.duur.0.iter().chain(&p.leeftijd.0) {
            let _ = write!(out, ",{v}");
        }
        let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let _ = writeln!(out, ",{},{},{}", opt(p.uitstroom_werk), p.herinstroom, opt(p.per_1000));
    }
    out
}

/// A period label for readers: `jan 2023`, `K1 2023`, `2023`.
fn periode_leesbaar(p: &str) -> String {
    match p.split_once('-') {
        Some((j, k)) if k.starts_with('K') => format!("{k} {j}"),
        Some((j, m)) => match (j.parse::<i16>(), m.parse::<i8>()) {
            (Ok(j), Ok(m)) if (1..=12).contains(&m) => nl::month_short(j, m),
            _ => p.to_string(),
        },
        None => p.to_string(),
    }
}

fn aantal(v: u64) -> String {
    nl::getal(Decimal::from(v), 0)
}

/// The series as a readable Dutch table: periode, stand, instroom,
/// uitstroom, saldo, the duration bands (months), the age bands (years),
/// the share of exits to work, herinstroom and the stock per 1,000
/// inhabitants; `–` where a figure is unknown.
pub fn render_tabel(r: &Reeks) -> String {
    let mut kop: Vec<String> = ["periode", "stand", "instroom", "uitstroom", "saldo"].map(String::from).to_vec();
    kop.extend(DUUR_BANDEN.iter().map(|b| format!("{b} mnd")));
    kop.extend(LEEFTIJD_BANDEN.iter().map(|b| format!("{b} jr")));
    kop.extend(["% werk", "herinstroom", "per 1.000"].map(String::from));
    let rijen: Vec<Vec<String>> = r
        .reeks
        .iter()
        .map(|p| {
            let mut rij = vec![periode_leesbaar(&p.periode), aantal(p.stand), aantal(p.instroom), aantal(p.uitstroom)];
            let saldo = nl::getal(Decimal::from(p.saldo), 0);
            rij.push(if p.saldo > 0 { format!("+{saldo}") } else { saldo });
            rij.extend(p.duur.0.iter().chain(&p.leeftijd.0).map(|&v| aantal(v)));
            rij.push(p.uitstroom_werk.map_or("–".into(), |w| format!("{}%", nl::getal(Decimal::new((w * 10_000.0).round() as i64, 2), 1))));
            rij.push(aantal(p.herinstroom));
            rij.push(p.per_1000.map_or("–".into(), |v| nl::getal(Decimal::new((v * 100.0).round() as i64, 2), 2)));
            rij
        })
        .collect();
    let breedte: Vec<usize> =
        (0..kop.len()).map(|i| rijen.iter().map(|r| r[i].chars().count()).chain([kop[i].chars().count()]).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for rij in std::iter::once(&kop).chain(&rijen) {
        let mut regel = String::new();
        for (i, cel) in rij.iter().enumerate() {
            let pad = breedte[i] - cel.chars().count();
            if i == 0 {
                let _ = write!(regel, "{cel}{}", " ".repeat(pad));
            } else {
                let _ = write!(regel, "  {}{cel}", " ".repeat(pad));
            }
        }
        out.push_str(regel.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reeks::{Banden, Punt};

    fn punt() -> Punt {
        Punt {
            periode: "2023-01".into(),
            stand: 12_345,
            instroom: 1_200,
            uitstroom: 1_000,
            saldo: 200,
            duur: Banden([1, 2, 3, 4, 5, 12_330]),
            leeftijd: Banden([10, 20, 30]),
            uitstroom_werk: Some(0.4975),
            herinstroom: 7,
            per_1000: Some(12.5),
        }
    }

    #[test]
    fn the_table_speaks_dutch() {
        let t = render_tabel(&Reeks {
            reeks: vec![punt(), Punt { periode: "2023-K2".into(), uitstroom_werk: None, per_1000: None, ..punt() }],
        });
        let regels: Vec<&str> = t.lines().collect();
        assert!(regels[0].starts_with("periode") && regels[0].contains("60+ mnd") && regels[0].contains("per 1.000"));
        assert!(regels[1].starts_with("jan 2023") && regels[1].contains("12.345") && regels[1].contains("+200"));
        assert!(regels[1].contains("49,8%") && regels[1].ends_with("12,50"));
        assert!(regels[2].starts_with("K2 2023") && regels[2].ends_with("–"));
    }

    #[test]
    fn the_csv_is_flat_with_one_header() {
        let c = render_csv(&Reeks { reeks: vec![punt(), Punt { uitstroom_werk: None, per_1000: None, ..punt() }] });
        let regels: Vec<&str> = c.lines().collect();
        assert_eq!(regels[0], CSV_HEADER);
        assert_eq!(regels[1], "2023-01,12345,1200,1000,200,1,2,3,4,5,12330,10,20,30,0.4975,7,12.5");
        assert_eq!(regels[2], "2023-01,12345,1200,1000,200,1,2,3,4,5,12330,10,20,30,,7,");
    }
}
