// SPDX-License-Identifier: EUPL-1.2
//! A full national prognosis, timed: every gemeente of the synthetic country,
//! 2024 at peildatum 2024-06-30, deterministic and Monte Carlo.
//!
//!     cargo run --release -p buig-prognose --example prognose_nationaal [-- SPELLS [RUNS]]
//!
//! (default 1,000,000 spells over all gemeenten of 2024, seed 1, 1,000 runs
//! per gemeente). Steps, each timed:
//!
//! 1. **genereren**: the national synthetic spells (`buig_synth::nationaal`),
//!    as `Uitkering` records grouped per gemeente (they stream in code order);
//! 2. **bestand**: every gemeente's monthly stand 2015-01..2026-10 in one pass
//!    (`buig_bestand::PerGemeente`, the engine behind `bereken_per_gemeente`);
//! 3. **financiën** (not timed separately, it is cheap): per gemeente the
//!    realisation and budgets built as for Voorbeeldstad (see [`realisatie`]
//!    and [`budgetten`]);
//! 4. **prognoses**: per gemeente the same public functions `buig prognose`
//!    (`uitkomst::prognose_uitkomst`) calls — `Prognosebasis::new` (counts the gemeente's
//!    caseload again, as the CLI does) and `uitgangspunt`, `bereken_prognose`,
//!    `montecarlo::simuleer` — one thread, gemeente after gemeente. The
//!    narrowing (`verloop`, one Monte Carlo per month-end) is left out.
//!
//! Output: the times, peak memory (VmHWM) and a national summary.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use buig_bestand::{Maand, Per, PerGemeente, Vraag};
use buig_core::records::{BudgetSoort, Budgetbeschikking, ClientPseudoniem, RealisatieMaand, Uitkering};
use buig_core::{nl, GemeenteCode, Money, Year};
use buig_prognose::montecarlo::simuleer;
use buig_prognose::{bereken_prognose, Gegevens, Prognosebasis, Scenario};
use buig_synth::{NationaalParams, PRIJS_PER_UITKERING, VERHAAL};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

const SEED: u64 = 1;
/// Seed of the finance construction (baten per month, shortfall per gemeente);
/// its own, so the spells do not depend on it.
const SEED_FINANCIEN: u64 = 20_240_630;
const JAAR: i32 = 2024;
const PEILDATUM: jiff::civil::Date = jiff::civil::date(2024, 6, 30);
/// The realisation covers the spells' period: 2015-01 .. 2026-10.
const EERSTE: (i16, i8) = (2015, 1);
const LAATSTE: (i16, i8) = (2026, 10);

fn main() {
    let mut args = std::env::args().skip(1);
    let aantal: usize = args.next().and_then(|a| a.replace(['_', '.'], "").parse().ok()).unwrap_or(1_000_000);
    let runs: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let totaal = Instant::now();

    // 1. The national spells, grouped per gemeente (they come in code order).
    let t = Instant::now();
    let mut per_gemeente: Vec<(GemeenteCode, Vec<Uitkering>)> = Vec::new();
    for mut s in buig_synth::nationaal(&NationaalParams::new(usize::MAX, aantal, SEED)) {
        let client = ClientPseudoniem(std::mem::take(&mut s.client_id));
        let u = s.als_uitkering(client);
        match per_gemeente.last_mut() {
            Some((g, v)) if *g == u.gemeente => v.push(u),
            _ => per_gemeente.push((u.gemeente, vec![u])),
        }
    }
    let t_genereren = t.elapsed();

    // 2. Every gemeente's monthly stand in one pass.
    let t = Instant::now();
    let van = Maand::new(EERSTE.0, EERSTE.1).expect("valid month");
    let tot = Maand::new(LAATSTE.0, LAATSTE.1).expect("valid month");
    let vraag = Vraag::new(van, tot, Per::Maand).expect("van before tot");
    let mut teller = PerGemeente::new(&vraag);
    for (_, uitkeringen) in &per_gemeente {
        for u in uitkeringen {
            teller.voeg_toe(u);
        }
    }
    let reeksen = teller.reeksen();
    let t_bestand = t.elapsed();

    // 3. Realisation and budgets per gemeente, consistent with the stand.
    let t = Instant::now();
    let gegevens: Vec<Gegevens> = reeksen
        .iter()
        .map(|(&code, reeks)| {
            let standen: Vec<u64> = reeks.reeks.iter().map(|p| p.stand).collect();
            let realisatie = realisatie(code, &standen);
            let budgetten = budgetten(code, &realisatie);
            Gegevens {
                gemeente: Some(code),
                naam: buig_referentie::gemeente(code).map(|g| g.naam.clone()),
                budgetten,
                realisatie,
                ..Default::default()
            }
        })
        .collect();
    let t_financien = t.elapsed();

    // 4. The prognosis of every gemeente.
    let uitkeringen: BTreeMap<GemeenteCode, &[Uitkering]> = per_gemeente.iter().map(|(g, v)| (*g, v.as_slice())).collect();
    let (mut t_basis, mut t_det, mut t_mc) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let basis = Scenario::default();
    let mut sam = Samenvatting::default();
    for g in &gegevens {
        let code = g.gemeente.expect("set above");
        let t = Instant::now();
        // With few spells a small gemeente can have no benefits at all: no
        // price per benefit, no prognosis (counted, as `buig prognose` would refuse it).
        let u = Prognosebasis::new(g, uitkeringen[&code]).and_then(|b| b.uitgangspunt(Year::new(JAAR), PEILDATUM));
        t_basis += t.elapsed();
        let Ok(u) = u else {
            sam.overgeslagen += 1;
            continue;
        };
        let t = Instant::now();
        let p = bereken_prognose(&u, &basis);
        t_det += t.elapsed();
        let t = Instant::now();
        let mc = simuleer(&u, &basis, runs, SEED);
        t_mc += t.elapsed();

        sam.gemeenten += 1;
        sam.budget += p.budget_bedrag;
        sam.netto_lasten += p.netto_lasten;
        if p.tekort.is_positive() {
            sam.met_tekort += 1;
        }
        if let Some(v) = p.vangnet.as_ref().filter(|v| v.recht() == Some(true)) {
            sam.met_vangnet += 1;
            sam.vangnet += v.vangnetuitkering().unwrap_or(Money::ZERO).to_decimal();
        }
        if mc.kans_vangnet > 0.0 {
            sam.mc_kans_vangnet += 1;
        }
        if mc.kans_vangnet >= 0.5 {
            sam.mc_meestal_vangnet += 1;
        }
        sam.mc_vangnet += mc.verwachte_vangnetuitkering.to_decimal();
    }
    let t_prognoses = t_basis + t_det + t_mc;

    // 5. The multi-year outlook of every gemeente (2024–2028), as `buig raming` makes it,
    //    on every core (each gemeente is independent).
    let t = Instant::now();
    let kernen = std::thread::available_parallelism().map_or(1, |n| n.get());
    let deel = gegevens.len().div_ceil(kernen);
    let (ramingen, tekort_2028) = std::thread::scope(|scope| {
        let taken: Vec<_> = gegevens
            .chunks(deel.max(1))
            .map(|stuk| {
                let uitkeringen = &uitkeringen;
                scope.spawn(move || {
                    let (mut n, mut tekort) = (0u32, 0u32);
                    for g in stuk {
                        let code = g.gemeente.expect("set above");
                        let vraag = buig_prognose::raming::RamingVraag {
                            peildatum: PEILDATUM,
                            tot: Year::new(JAAR + 4),
                            runs,
                            seed: SEED,
                            scenario: Scenario::default(),
                        };
                        if let Ok(r) = buig_prognose::raming::raming(g, uitkeringen[&code], &vraag) {
                            n += 1;
                            tekort += u32::from(r.jaren.last().is_some_and(|j| j.resultaat.p50.is_negative()));
                        }
                    }
                    (n, tekort)
                })
            })
            .collect();
        taken.into_iter().map(|t| t.join().expect("a raming thread")).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let t_raming = t.elapsed();
    let t_totaal = totaal.elapsed();

    let s = |d: Duration| format!("{} s", nl::getal(Decimal::from_f64_retain(d.as_secs_f64()).unwrap_or_default(), 2));
    let ms = |d: Duration| format!("{} ms", nl::getal(Decimal::from_f64_retain(d.as_secs_f64() * 1e3).unwrap_or_default(), 1));
    let n = nl::getal(Decimal::from(aantal as u64), 0);
    println!("Landelijke prognose {JAAR} op peildatum {PEILDATUM}: {n} uitkeringen, seed {SEED}, {runs} runs per gemeente");
    println!("gemeenten:                          {}", gegevens.len());
    if sam.overgeslagen > 0 {
        println!("  met prognose:                     {} ({} zonder uitkeringen in 2024)", sam.gemeenten, sam.overgeslagen);
    }
    println!("genereren (buig_synth):             {}", s(t_genereren));
    println!("bestand alle gemeenten (1 pass):    {}", s(t_bestand));
    println!("realisatie en budgetten opbouwen:   {}", ms(t_financien));
    println!("prognoses, totaal:                  {}", s(t_prognoses));
    println!("  Prognosebasis + uitgangspunt:       {}", s(t_basis));
    println!("  deterministisch:                  {}", ms(t_det));
    println!(
        "  Monte Carlo ({} runs):       {} ({} µs per run)",
        nl::getal(Decimal::from(u64::from(runs) * sam.gemeenten), 0),
        s(t_mc),
        nl::getal(Decimal::from_f64_retain(t_mc.as_secs_f64() * 1e6 / (f64::from(runs) * sam.gemeenten as f64)).unwrap_or_default(), 1)
    );
    println!("meerjarenraming {JAAR}–{} ({ramingen} gemeenten, {runs} runs, {kernen} kernen): {}", JAAR + 4, s(t_raming));
    println!("totaal:                             {}", s(t_totaal));
    if let Some(kb) = vmhwm_kb() {
        println!("piekgeheugen (VmHWM):               {} MB", nl::getal(Decimal::from(kb) / Decimal::from(1024), 0));
    }
    println!();
    println!("Landelijk beeld {JAAR} (deterministische prognose, tegen de op de peildatum bekende beschikking):");
    println!("  budget samen:                     {}", nl::money(sam.budget));
    println!("  verwachte netto lasten samen:     {}", nl::money(sam.netto_lasten));
    println!("  gemeenten met verwacht tekort:    {}", sam.met_tekort);
    println!("  gemeenten met verwacht vangnet:   {}", sam.met_vangnet);
    println!("  verwachte vangnetuitkeringen:     {}", nl::euro(sam.vangnet));
    println!("Monte Carlo:");
    println!("  gemeenten met kans op vangnet > 0:   {}", sam.mc_kans_vangnet);
    println!("  gemeenten met kans op vangnet ≥ 50%: {}", sam.mc_meestal_vangnet);
    println!("  som verwachte vangnetuitkeringen:    {}", nl::euro(sam.mc_vangnet));
    println!("Meerjarenraming: gemeenten met een verwacht tekort (P50) in {}: {tekort_2028}", JAAR + 4);
}

#[derive(Default)]
struct Samenvatting {
    gemeenten: u64,
    /// Gemeenten without a prognosis (no benefits in 2024's realised months).
    overgeslagen: u32,
    budget: Money,
    netto_lasten: Money,
    met_tekort: u32,
    met_vangnet: u32,
    vangnet: Decimal,
    mc_kans_vangnet: u32,
    mc_meestal_vangnet: u32,
    mc_vangnet: Decimal,
}

/// Peak resident memory in kB, from `/proc/self/status` (Linux only).
fn vmhwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let regel = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    regel.split_whitespace().nth(1)?.parse().ok()
}

fn prijs(jaar: i32) -> i64 {
    PRIJS_PER_UITKERING.iter().find(|p| p.0 == jaar).expect("price for every year 2015-2026").1
}

/// The finance stream of a gemeente: its own ChaCha8 stream (CBS number), as
/// the spells have theirs.
fn rng(code: GemeenteCode) -> ChaCha8Rng {
    let mut r = ChaCha8Rng::seed_from_u64(SEED_FINANCIEN);
    r.set_stream(u64::from(code.number()));
    r
}

/// Monthly realisation built as for Voorbeeldstad (`buig_synth::demo`, whose
/// helpers are private): lasten = the stand at the month's end ×
/// [`PRIJS_PER_UITKERING`] of the year; baten = 1.5–2.5% of lasten (drawn per
/// month, parts per million, rounded half away from zero to cents). No LKS
/// (and so no BLKS): the national file has no placements.
fn realisatie(gemeente: GemeenteCode, standen: &[u64]) -> Vec<RealisatieMaand> {
    let mut r = rng(gemeente);
    let start = Maand::new(EERSTE.0, EERSTE.1).expect("valid month").index();
    standen
        .iter()
        .enumerate()
        .map(|(i, &stand)| {
            let idx = start + i as i32;
            let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u8 + 1);
            let lasten = Money::from_euros(stand as i64 * prijs(y));
            let ppm: i64 = r.random_range(15_000..=25_000);
            let baten = lasten.maal_breuk(i128::from(ppm), 1_000_000);
            RealisatieMaand { gemeente, jaar: Year::new(y), maand: m, lasten, baten, lks: None }
        })
        .collect()
}

/// Budgets built as for Voorbeeldstad: definitief = the year's net costs ÷
/// (1 + shortfall share), where Voorbeeldstad's story ([`VERHAAL`]) is
/// replaced by a per-gemeente shortfall: a level drawn once per gemeente,
/// uniform in −8% .. +6% of the definitief budget (so some gemeenten run
/// persistent shortfalls, others surpluses), plus a yearly wobble uniform in
/// ±2%. Voorlopig (1 October of the year before) and nader voorlopig (1 May)
/// move relative to definitief (1 October) as in [`VERHAAL`], i.e. as the
/// national macrobudget did. 2026 (January–October realised) counts November
/// and December at October's level. Whole euros; no BLKS, macrobudget or share.
fn budgetten(gemeente: GemeenteCode, realisatie: &[RealisatieMaand]) -> Vec<Budgetbeschikking> {
    let mut r = rng(gemeente);
    r.set_word_pos(1 << 40); // past the baten draws of the same stream
    let niveau_bp: i64 = r.random_range(-800..=600);
    let mut uit = Vec::new();
    for &(jaar, _, v_pm, nv_pm) in &VERHAAL {
        let tekort_bp = niveau_bp + r.random_range(-200..=200);
        let maanden: Vec<&RealisatieMaand> = realisatie.iter().filter(|m| m.jaar.get() == jaar).collect();
        let Some(laatste) = maanden.last() else { continue };
        let netto: Money = maanden.iter().map(|m| m.lasten - m.baten).sum();
        let netto_jaar = netto + Money::from_cents((laatste.lasten - laatste.baten).cents() * (12 - maanden.len() as i64));
        let definitief = netto_jaar.maal_breuk_hele_euros(10_000, 10_000 + i128::from(tekort_bp));
        for (soort, promille, datum_jaar, datum_maand) in [
            (BudgetSoort::Voorlopig, v_pm, jaar - 1, 10),
            (BudgetSoort::NaderVoorlopig, nv_pm, jaar, 5),
            (BudgetSoort::Definitief, 0, jaar, 10),
        ] {
            uit.push(Budgetbeschikking {
                gemeente,
                jaar: Year::new(jaar),
                soort,
                datum: Some(jiff::civil::date(datum_jaar as i16, datum_maand, 1)),
                bedrag: definitief.maal_breuk_hele_euros(1_000 + i128::from(promille), 1_000),
                blks: None,
                macrobudget: None,
                aandeel: None,
            });
        }
    }
    uit
}
