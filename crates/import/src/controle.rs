// SPDX-License-Identifier: EUPL-1.2
//! Checks across the rows of one file, for data that is to be stored: rows
//! no careful user means. A key seen twice (each later row names the row
//! it repeats: the same spell, the same month, the same decision…) and
//! realisation of a month that has not yet begun. Asked for with
//! [`Options::uniek`](crate::Options::uniek) and
//! [`Options::vandaag`](crate::Options::vandaag); reading a file for
//! analysis (`buig bestand --invoer`) asks for neither.
//!
//! Small kinds keep each key as text with its row. Spells are many (a
//! national file has millions), so each is kept as three words — its
//! 128-bit pseudonym and, packed, gemeente, regeling, startdatum and row —
//! in 256 buckets by the pseudonym's first byte, sorted and compared when
//! the file has been read: 24 bytes a spell, exact on the pseudonym (which
//! is all the store knows of a client anyway).

use std::collections::HashMap;

use buig_core::records::{Gebied, Regeling, Uitkering};
use jiff::civil::Date;

use crate::{Record, RowError};

/// Bits of the row number in the packed word of a spell.
const RIJ_BITS: u32 = 31;
const RIJ_MASK: u64 = (1 << RIJ_BITS) - 1;

/// The checks of one file.
pub(crate) struct Controle {
    vandaag: Option<Date>,
    uniek: bool,
    /// Small kinds: the key as shown in a message, with the first row that had it.
    sleutels: HashMap<String, usize>,
    /// Spells: `[pseudonym high, pseudonym low, gemeente|regeling|startdatum|row]` per bucket.
    uitkeringen: Vec<Vec<[u64; 3]>>,
}

impl Controle {
    pub(crate) fn new(uniek: bool, vandaag: Option<Date>) -> Option<Controle> {
        (uniek || vandaag.is_some()).then(|| Controle { vandaag, uniek, sleutels: HashMap::new(), uitkeringen: Vec::new() })
    }

    /// Checks one good row; an error names the column and, for a repeated
    /// key, the row it repeats. A spell's repeat is found at [`Controle::einde`].
    pub(crate) fn rij(&mut self, bestand: &str, rec: &Record, rij: usize) -> Result<(), RowError> {
        let fout = |kolom: Option<&str>, melding: String| RowError {
            bestand: bestand.to_string(),
            rij,
            kolom: kolom.map(str::to_string),
            melding,
        };
        if let (Some(vandaag), Record::Realisatie(r)) = (self.vandaag, rec) {
            if (r.jaar.get(), r.maand) > (i32::from(vandaag.year()), vandaag.month() as u8) {
                return Err(fout(
                    Some("maand"),
                    format!(
                        "{} ligt na de huidige maand ({}): realisatie kan alleen over een maand gaan die begonnen is",
                        buig_core::nl::month_short(r.jaar.get() as i16, r.maand as i8),
                        buig_core::nl::month_short(vandaag.year(), vandaag.month())
                    ),
                ));
            }
        }
        if !self.uniek {
            return Ok(());
        }
        let (sleutel, wat) = match rec {
            Record::Uitkering(u) => {
                self.noteer_uitkering(u, rij);
                return Ok(());
            }
            Record::Realisatie(r) => {
                (format!("{} {}", r.gemeente, buig_core::nl::month_short(r.jaar.get() as i16, r.maand as i8)), "maand")
            }
            Record::Budget(b) => (format!("{} {} {}", b.gemeente, b.jaar, b.soort.code()), "beschikking"),
            Record::Inwoners(i) => (format!("{} {}", i.gemeente, i.jaar), "jaar"),
            Record::Vergelijking(v) => {
                let gebied = match v.gebied {
                    Gebied::Gemeente(g) => g.to_string(),
                    Gebied::Nederland => "NL01".to_string(),
                };
                (format!("{} {gebied} {}", v.reeks, v.periode), "periode")
            }
        };
        match self.sleutels.get(&sleutel) {
            Some(&eerder) => {
                Err(fout(None, format!("dezelfde {wat} als rij {eerder} ({sleutel}); een {wat} mag één keer in het bestand staan")))
            }
            None => {
                self.sleutels.insert(sleutel, rij);
                Ok(())
            }
        }
    }

    fn noteer_uitkering(&mut self, u: &Uitkering, rij: usize) {
        let client = client_bits(&u.client.0);
        let regeling = Regeling::ALL.iter().position(|r| *r == u.regeling).unwrap_or(0) as u64;
        let d = u.startdatum;
        let dag = ((i64::from(d.year()) - 1900).clamp(0, 255) as u64) << 9 | (d.month() as u64) << 5 | d.day() as u64;
        let sleutel = (u64::from(u.gemeente.number()) << 19 | regeling << 17 | dag) << RIJ_BITS;
        if self.uitkeringen.is_empty() {
            self.uitkeringen = vec![Vec::new(); 256];
        }
        let bak = (client >> 120) as usize;
        self.uitkeringen[bak].push([(client >> 64) as u64, client as u64, sleutel | (rij as u64).min(RIJ_MASK)]);
    }

    /// The spells that repeat an earlier one, by row: each names the first
    /// row with the same gemeente, client, regeling and startdatum.
    pub(crate) fn einde(self, bestand: &str) -> Vec<RowError> {
        let mut uit: Vec<(usize, usize)> = Vec::new();
        let mut bakken = self.uitkeringen;
        // Two threads: the machines this runs on have two cores.
        let helft = bakken.len() / 2;
        let (a, b) = bakken.split_at_mut(helft);
        let (x, y) = std::thread::scope(|s| {
            let t = s.spawn(|| herhalingen(a));
            let y = herhalingen(b);
            (t.join().expect("sorting thread"), y)
        });
        uit.extend(x);
        uit.extend(y);
        uit.sort_unstable();
        uit.into_iter()
            .map(|(rij, eerder)| RowError {
                bestand: bestand.to_string(),
                rij,
                kolom: None,
                melding: format!("dezelfde uitkering als rij {eerder} (zelfde cliënt, regeling en startdatum); een uitkering mag één keer in het bestand staan"),
            })
            .collect()
    }
}

/// (row, first row) of every repeated spell in these buckets.
fn herhalingen(bakken: &mut [Vec<[u64; 3]>]) -> Vec<(usize, usize)> {
    let mut uit = Vec::new();
    for bak in bakken {
        bak.sort_unstable();
        let mut i = 0;
        while i < bak.len() {
            let sleutel = |w: &[u64; 3]| (w[0], w[1], w[2] >> RIJ_BITS);
            let eerste = (bak[i][2] & RIJ_MASK) as usize;
            let mut j = i + 1;
            while j < bak.len() && sleutel(&bak[j]) == sleutel(&bak[i]) {
                uit.push(((bak[j][2] & RIJ_MASK) as usize, eerste));
                j += 1;
            }
            i = j;
        }
        *bak = Vec::new();
    }
    uit
}

/// The pseudonym's 128 bits (32 hex digits); another text is hashed to 128 bits.
fn client_bits(client: &str) -> u128 {
    if client.len() == 32 {
        if let Ok(v) = u128::from_str_radix(client, 16) {
            return v;
        }
    }
    use std::hash::{Hash, Hasher};
    let deel = |zout: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        zout.hash(&mut h);
        client.hash(&mut h);
        h.finish()
    };
    u128::from(deel(1)) << 64 | u128::from(deel(2))
}
