// SPDX-License-Identifier: EUPL-1.2
//! Throughput of the spells import: writes a synthetic national spells file
//! of N rows (default 2,000,000) to a temporary directory, then parses and
//! pseudonymises it with [`buig_import::open`] and prints rows per second.
//!
//! ```sh
//! cargo run --release -p buig-import --example bench_uitkeringen -- 5000000
//! ```

use std::io::{BufWriter, Write};
use std::time::Instant;

use buig_import::{open, Options, Pseudonimiseerder, Record, Soort};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::args().nth(1).map(|n| n.parse()).transpose()?.unwrap_or(2_000_000);
    let dir = std::env::temp_dir().join(format!("buig-import-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("uitkeringen.csv");

    let started = Instant::now();
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    writeln!(out, "gemeente,client_id,regeling,startdatum,einddatum,reden_einde,geboortedatum,huishouden")?;
    let regelingen = ["PW", "PW", "PW", "IOAW", "IOAZ", "BBZ"];
    let huishoudens = ["alleenstaande", "alleenstaande ouder", "gehuwd", "samenwonend"];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for i in 0..rows {
        // xorshift: cheap varied values
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let gemeente = 1 + (x % 400);
        let (sy, sm, sd) = (2015 + (x >> 8) % 10, 1 + (x >> 12) % 12, 1 + (x >> 16) % 28);
        let ended = !(x >> 20).is_multiple_of(3);
        let einde = if ended { format!("{}-{:02}-{:02}", sy + 1, sm, sd) } else { String::new() };
        let reden = if ended { "werk" } else { "" };
        let (gy, gm, gd) = (1950 + (x >> 24) % 50, 1 + (x >> 28) % 12, 1 + (x >> 32) % 28);
        writeln!(
            out,
            "GM{gemeente:04},{},{},{sy}-{sm:02}-{sd:02},{einde},{reden},{gd:02}-{gm:02}-{gy},{}",
            100_000_000 + i,
            regelingen[(x >> 36) as usize % regelingen.len()],
            huishoudens[(x >> 40) as usize % huishoudens.len()],
        )?;
    }
    out.flush()?;
    drop(out);
    let size = std::fs::metadata(&path)?.len();
    eprintln!("wrote {rows} rows ({:.0} MB) in {:.1?}", size as f64 / 1e6, started.elapsed());

    let pseudo = Pseudonimiseerder::new(b"benchmark key of thirty-two bytes");
    let started = Instant::now();
    let mut ok = 0usize;
    let mut errors = 0usize;
    let mut ended = 0usize;
    for item in open(&path, Soort::Uitkeringen, &Options::default(), &pseudo)? {
        match item {
            Ok(Record::Uitkering(u)) => {
                ok += 1;
                ended += usize::from(u.einddatum.is_some());
            }
            Ok(_) => unreachable!("uitkeringen only"),
            Err(e) => {
                errors += 1;
                if errors <= 3 {
                    eprintln!("{e}");
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{ok} uitkeringen ({ended} ended, {errors} errors) in {secs:.2} s: {:.2} million rows/s, {:.0} MB/s",
        (ok + errors) as f64 / secs / 1e6,
        size as f64 / secs / 1e6
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
