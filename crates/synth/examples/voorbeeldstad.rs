// SPDX-License-Identifier: EUPL-1.2
//! Prints Voorbeeldstad's yearly table (Markdown) as in `docs/demo.md`:
//! `cargo run -p buig-synth --example voorbeeldstad`.

use buig_core::nl;
use buig_core::records::BudgetSoort;
use buig_synth::voorbeeldstad;
use rust_decimal::Decimal;

fn main() {
    let demo = voorbeeldstad();
    println!(
        "{} ({}): {} uitkeringen, {} clients, {} months of realisation, {} budget decisions\n",
        demo.naam,
        demo.gemeente,
        demo.uitkeringen.len(),
        {
            let mut ids: Vec<&str> = demo.uitkeringen.iter().map(|s| s.client_id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        },
        demo.realisatie.len(),
        demo.budgetten.len()
    );
    println!("| jaar | inwoners | lopend eind jaar | per 1.000 inw. | budget voorlopig | budget definitief | netto lasten | resultaat | tekort % van B |");
    println!("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (j, inw) in demo.jaaroverzicht().iter().zip(&demo.inwoners) {
        let v = demo.budget(j.jaar, BudgetSoort::Voorlopig).unwrap().bedrag;
        let ster = if j.maanden < 12 { "*" } else { "" };
        let per_1000 = Decimal::from(j.lopend as u64 * 1000) / Decimal::from(inw.aantal);
        println!(
            "| {}{ster} | {} | {} | {} | {} | {} | {}{ster} | {} | {}% |",
            j.jaar,
            nl::getal(inw.aantal.into(), 0),
            nl::getal((j.lopend as u64).into(), 0),
            nl::getal(per_1000, 1),
            nl::money(v),
            nl::money(j.budget_definitief),
            nl::money(j.netto_lasten),
            nl::money(j.resultaat),
            nl::getal(j.tekort_pct, 2),
        );
    }
    println!("\n| jaar | soort | datum | bedrag | blks | macrobudget | aandeel % |");
    println!("|---|---|---|--:|--:|--:|--:|");
    for b in &demo.budgetten {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            b.jaar,
            b.soort,
            b.datum.map(|d| d.to_string()).unwrap_or_default(),
            nl::money(b.bedrag),
            b.blks.map(nl::money).unwrap_or_default(),
            b.macrobudget.map(nl::money).unwrap_or_default(),
            b.aandeel.map(|a| a.to_string()).unwrap_or_default(),
        );
    }
}
