// SPDX-License-Identifier: EUPL-1.2
//! `buig bestand`: the caseload from a file or the database, with a
//! breakdown, a comparison group or an imported series beside it.

use std::path::PathBuf;

use buig_dienst::vergelijking::Groep;
use clap::Args;

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig bestand --gemeente GM9999 --van 2024-01 --tot 2024-12\n  buig bestand --invoer uitkeringen.csv --gemeente GM0150 --van 2023-01 --tot 2023-12 --per kwartaal --json\n  buig bestand --gemeente GM9999 --van 2024-01 --tot 2024-12 --uitsplitsing regeling\n  buig bestand --invoer uitkeringen.csv --gemeente GM0150 --van 2024-01 --tot 2024-12 --uitsplitsing doelgroep\n  buig bestand --invoer landelijk.csv --gemeente GM0150 --van 2024-01 --tot 2024-12 --vergelijk grootteklasse\n  buig bestand --gemeente GM0150 --van 2023-01 --tot 2023-12 --vergelijk-reeks \"CBS 82015NED\"\n\nDefinities: zie docs/bestand.md."
)]
pub(crate) struct BestandArgs {
    /// Uitkeringenbestand (CSV/XLSX); zonder deze optie uit de database
    #[arg(long, value_name = "SPELLS.csv")]
    invoer: Option<PathBuf>,
    /// CBS-code van de gemeente; verplicht bij de database, bij --invoer een filter (of voor een bestand zonder kolom gemeente)
    #[arg(long)]
    gemeente: Option<String>,
    /// Eerste maand, bijvoorbeeld 2023-01
    #[arg(long)]
    van: String,
    /// Laatste maand, bijvoorbeeld 2023-12
    #[arg(long)]
    tot: String,
    /// maand | kwartaal | jaar
    #[arg(long, default_value = "maand")]
    per: String,
    /// Alleen deze regelingen, bijvoorbeeld PW,IOAW
    #[arg(long, value_delimiter = ',')]
    regeling: Vec<String>,
    /// Uitvoer als JSON
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Uitvoer als CSV
    #[arg(long)]
    csv: bool,
    /// Werkblad in een XLSX-bestand
    #[arg(long)]
    blad: Option<String>,
    /// Een reeks per groep: regeling | huishouden
    #[arg(long, value_name = "regeling|huishouden")]
    uitsplitsing: Option<String>,
    /// Vergelijk met een groep gemeenten: land | grootteklasse (vraagt --gemeente)
    #[arg(long, value_name = "land|grootteklasse")]
    vergelijk: Option<String>,
    /// Een geïmporteerde vergelijkingsreeks ernaast, bijvoorbeeld "CBS 82015NED" (vraagt --gemeente)
    #[arg(long, value_name = "NAAM")]
    vergelijk_reeks: Option<String>,
    /// Elke gemeente van een landelijk CSV-bestand (met kolom gemeente) in één keer: CSV met kolom gemeente, of JSON per gemeente
    #[arg(long, requires = "invoer", conflicts_with_all = ["gemeente", "vergelijk", "vergelijk_reeks", "uitsplitsing"])]
    alle_gemeenten: bool,
    #[command(flatten)]
    db: DbArgs,
}

/// Spells of one gemeente (or all in the file) read from a CSV/XLSX file,
/// streaming: a national file is filtered while it is read, so only the
/// gemeente's spells are held. Any bad row refuses the file, row-precise.
/// Spells read from a file and, when a column was asked for, its value per spell.
pub(crate) type UitkeringenMetKenmerk = (Vec<buig_core::records::Uitkering>, Vec<Option<String>>);

pub(crate) fn uitkeringen_uit_bestand(
    path: &std::path::Path,
    gemeente: Option<buig_core::GemeenteCode>,
    blad: Option<String>,
    kenmerk: Option<&str>,
) -> Result<UitkeringenMetKenmerk, Fout> {
    // Pseudonyms only link a client's spells within this run (for herinstroom); nothing is stored.
    let pseudo = buig_import::Pseudonimiseerder::new(b"buig bestand --invoer");
    let open = |g: Option<buig_core::GemeenteCode>| {
        let opts = buig_import::Options { gemeente: g, blad: blad.clone(), kenmerk: kenmerk.map(str::to_string), ..Default::default() };
        buig_import::open(path, buig_import::Soort::Uitkeringen, &opts, &pseudo)
    };
    // A national file has its own gemeente column: read it and filter; a file
    // without one needs --gemeente.
    let mut reader = match open(None) {
        Ok(r) => r,
        Err(buig_import::ImportError::Invoerbestand { melding, .. }) if melding.contains("--gemeente") && gemeente.is_some() => {
            open(gemeente).map_err(|e| Fout::Invoer(e.to_string()))?
        }
        Err(e) => return Err(Fout::Invoer(e.to_string())),
    };
    let mut uitkeringen = Vec::new();
    let mut kenmerken = Vec::new();
    let mut fouten = Vec::new();
    while let Some(item) = reader.next() {
        match item {
            Ok(buig_import::Record::Uitkering(u)) if gemeente.is_none_or(|g| g == u.gemeente) => {
                uitkeringen.push(u);
                if kenmerk.is_some() {
                    kenmerken.push(reader.kenmerk().map(str::to_string));
                }
            }
            Ok(_) => {}
            Err(e) if fouten.len() < 50 => fouten.push(e),
            Err(_) => return Err(Fout::Invoer(buig_import::ImportError::Rijen { fouten, meer: true }.to_string())),
        }
    }
    if !fouten.is_empty() {
        return Err(Fout::Invoer(buig_import::ImportError::Rijen { fouten, meer: false }.to_string()));
    }
    Ok((uitkeringen, kenmerken))
}

pub(crate) fn groep_van(v: &str) -> Result<Groep, Fout> {
    match v.trim().to_lowercase().as_str() {
        "land" => Ok(Groep::Land),
        "grootteklasse" => Ok(Groep::Grootteklasse),
        "provincie" => Err(Fout::Invoer(
            "--vergelijk provincie kan niet: de meegeleverde gegevens hebben geen provincie per gemeente, en die wordt niet verzonnen (zie docs/bestand.md); kies land of grootteklasse".to_string(),
        )),
        _ => Err(Fout::Invoer(format!("--vergelijk: \"{}\" is geen vergelijkingsgroep (verwacht land of grootteklasse)", v.trim()))),
    }
}

/// The comparison group beside `eigen`: every gemeente of the source
/// (`--invoer` file or the database), computed in one streaming pass.
pub(crate) fn vergelijking(
    a: &BestandArgs,
    g: buig_core::GemeenteCode,
    groep: Groep,
    vraag: &buig_bestand::Vraag,
    eigen: &buig_bestand::Reeks,
) -> Result<buig_bestand::Vergelijking, Fout> {
    let (alle, inwoners, bron) = match &a.invoer {
        Some(path) => {
            let mut per = buig_bestand::PerGemeente::new(vraag);
            let pseudo = buig_import::Pseudonimiseerder::new(b"buig bestand --invoer");
            let opts = buig_import::Options { gemeente: None, blad: a.blad.clone(), ..Default::default() };
            let reader = buig_import::open(path, buig_import::Soort::Uitkeringen, &opts, &pseudo).map_err(|e| match e {
                buig_import::ImportError::Invoerbestand { bestand, melding } if melding.contains("--gemeente") => {
                    Fout::Invoer(format!("{bestand}: --vergelijk vraagt een landelijk bestand met een kolom gemeente"))
                }
                e => Fout::Invoer(e.to_string()),
            })?;
            for item in reader {
                match item {
                    Ok(buig_import::Record::Uitkering(u)) => per.voeg_toe(&u),
                    Ok(_) => {}
                    Err(e) => return Err(Fout::Invoer(buig_import::ImportError::Rijen { fouten: vec![e], meer: false }.to_string())),
                }
            }
            let inwoners = buig_referentie::inwoners().iter().map(|r| ((r.code, r.jaar.get()), r.inwoners)).collect();
            (per.reeksen(), inwoners, "de bron")
        }
        None => {
            // Every gemeente in the database, in the service layer's one pass.
            let store = open_store(&a.db)?;
            let l = buig_store::block_on(buig_dienst::landelijk::landelijk(&store, vraag.clone())).map_err(crate::fout::dienst(g))?;
            (l.reeksen, l.inwoners, "de bron")
        }
    };
    // The operator sees every gemeente; only the gemeente itself never counts toward a figure's minimum.
    buig_dienst::vergelijking::groep(&alle, &inwoners, eigen, g, groep, bron, &std::collections::BTreeSet::from([g]))
        .map_err(|e| Fout::Invoer(format!("--vergelijk grootteklasse: {e}")))
}

/// The imported series `naam` for the gemeente and for NL01, at the periods of `eigen`.
pub(crate) fn vergelijkreeks(
    a: &BestandArgs,
    g: buig_core::GemeenteCode,
    naam: &str,
    eigen: &buig_bestand::Reeks,
) -> Result<buig_bestand::Vergelijkreeks, Fout> {
    use buig_core::records::Gebied;
    let store = open_store(&a.db)?;
    buig_store::block_on(async {
        let mut gebieden: Vec<(String, std::collections::BTreeMap<String, u64>)> = Vec::new();
        for gebied in [Gebied::Gemeente(g), Gebied::Nederland] {
            let rijen = store.vergelijkreeks(naam, &gebied).await.map_err(|e| Fout::Intern(e.to_string()))?;
            if !rijen.is_empty() {
                gebieden.push((gebied.to_string(), rijen.into_iter().map(|v| (v.periode, v.waarde)).collect()));
            }
        }
        if gebieden.is_empty() {
            let namen = store.vergelijkreeksen().await.map_err(|e| Fout::Intern(e.to_string()))?;
            let bekend =
                if namen.is_empty() { "geen".to_string() } else { namen.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ") };
            return Err(Fout::Invoer(
                format!("--vergelijk-reeks: de database heeft geen cijfers van reeks \"{naam}\" voor {g} of NL01 (geïmporteerde reeksen: {bekend}); importeer ze met buig import vergelijking BESTAND"),
            ));
        }
        Ok(buig_bestand::Vergelijkreeks::naast(naam, eigen, gebieden))
    })
}

/// `--alle-gemeenten`: the series of every gemeente of a national CSV file at
/// once, through the engine's fast path; per 1,000 with the bundled inhabitants.
pub(crate) fn alle_gemeenten(
    a: &BestandArgs,
    van: buig_bestand::Maand,
    tot: buig_bestand::Maand,
    per: buig_bestand::Per,
    regelingen: Option<Vec<buig_core::records::Regeling>>,
) -> Uit<()> {
    let path = a.invoer.as_ref().expect("clap requires --invoer");
    let vraag = buig_bestand::Vraag { van, tot, per, regelingen, inwoners: Default::default() };
    let started = std::time::Instant::now();
    let mut alle = buig_bestand::bereken_csv_per_gemeente(path, &vraag).map_err(Fout::Invoer)?;
    for (g, reeks) in alle.iter_mut() {
        let inwoners: std::collections::BTreeMap<i32, u64> =
            buig_referentie::inwoners().iter().filter(|r| r.code == *g).map(|r| (r.jaar.get(), r.inwoners)).collect();
        buig_bestand::zet_per_1000(reeks, &inwoners);
    }
    if a.json {
        let out = serde_json::json!({ "gemeenten": alle });
        println!("{}", serde_json::to_string(&out).map_err(|e| Fout::Intern(e.to_string()))?);
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        use std::io::Write;
        let mut first = true;
        for (g, reeks) in &alle {
            for (i, line) in buig_bestand::render_csv(reeks).lines().enumerate() {
                let r = if i == 0 {
                    if !first {
                        continue;
                    }
                    first = false;
                    writeln!(out, "gemeente,{line}")
                } else {
                    writeln!(out, "{},{line}", buig_core::csv::cel(&g.to_string()))
                };
                r.map_err(crate::uit::schrijffout)?;
            }
        }
        out.flush().map_err(crate::uit::schrijffout)?;
    }
    eprintln!("{} gemeenten berekend in {:.2} s", alle.len(), started.elapsed().as_secs_f64());
    Ok(())
}

pub(crate) fn bestand(a: &BestandArgs) -> Uit<()> {
    let van: buig_bestand::Maand = a.van.parse().map_err(|e| Fout::Invoer(format!("--van: {e}")))?;
    let tot: buig_bestand::Maand = a.tot.parse().map_err(|e| Fout::Invoer(format!("--tot: {e}")))?;
    if tot < van {
        return Err(Fout::Invoer(format!("--tot {tot} ligt vóór --van {van}")));
    }
    let per: buig_bestand::Per = a.per.parse().map_err(|e| Fout::Invoer(format!("--per: {e}")))?;
    let regelingen = if a.regeling.is_empty() {
        None
    } else {
        Some(
            a.regeling
                .iter()
                .map(|r| r.parse())
                .collect::<Result<Vec<buig_core::records::Regeling>, String>>()
                .map_err(|e| Fout::Invoer(format!("--regeling: {e}")))?,
        )
    };
    if a.alle_gemeenten {
        return alle_gemeenten(a, van, tot, per, regelingen);
    }
    let gemeente: Option<buig_core::GemeenteCode> =
        a.gemeente.as_deref().map(str::parse).transpose().map_err(|e: String| Fout::Invoer(format!("--gemeente: {e}")))?;
    // A known breakdown (regeling, huishouden, reden_einde), or with --invoer any column of the file.
    let (splitsing, kolom): (Option<buig_bestand::Splitsing>, Option<&str>) = match a.uitsplitsing.as_deref() {
        None => (None, None),
        Some(s) => match s.parse::<buig_bestand::Splitsing>() {
            Ok(k) => (Some(k), None),
            Err(_) if a.invoer.is_some() => (None, Some(s.trim())),
            Err(e) => return Err(Fout::Invoer(format!("--uitsplitsing: {e}; uit de database kan dat niet, alleen met --invoer"))),
        },
    };
    let groep = a.vergelijk.as_deref().map(groep_van).transpose()?;
    let vergelijkt = groep.is_some() || a.vergelijk_reeks.is_some();
    if vergelijkt {
        if a.uitsplitsing.is_some() {
            return Err(Fout::Invoer("--uitsplitsing kan niet samen met --vergelijk of --vergelijk-reeks".to_string()));
        }
        if gemeente.is_none() {
            return Err(Fout::Invoer("--vergelijk en --vergelijk-reeks vragen --gemeente (de gemeente die wordt vergeleken)".to_string()));
        }
        if a.csv {
            return Err(Fout::Invoer("--csv kan niet bij een vergelijking; gebruik --json of de tabel".to_string()));
        }
    }
    // A whole national CSV file: the fast path, as --alle-gemeenten takes it (the
    // importer's path below gives the answer, or the exact message, when it cannot).
    if let (Some(path), None, None, false, None) = (&a.invoer, gemeente, &a.uitsplitsing, vergelijkt, &a.blad) {
        let vraag = buig_bestand::Vraag { van, tot, per, regelingen: regelingen.clone(), inwoners: Default::default() };
        if let Ok((reeks, n)) = buig_bestand::bereken_csv(path, &vraag) {
            if n == 0 && !a.json && !a.csv {
                eprintln!("Let op: er zijn geen uitkeringen gevonden.");
            }
            return toon(a, &reeks);
        }
    }
    let mut kenmerken: Vec<Option<String>> = Vec::new();
    let (uitkeringen, inwoners) = match &a.invoer {
        Some(path) => {
            let (uitkeringen, k) = uitkeringen_uit_bestand(path, gemeente, a.blad.clone(), kolom)?;
            kenmerken = k;
            let inwoners = gemeente
                .map(|g| buig_referentie::inwoners().iter().filter(|r| r.code == g).map(|r| (r.jaar.get(), r.inwoners)).collect())
                .unwrap_or_default();
            (uitkeringen, inwoners)
        }
        None => {
            let g = gemeente.ok_or(Fout::Invoer("geef --gemeente (uit de database) of --invoer met een uitkeringenbestand".to_string()))?;
            let store = open_store(&a.db)?;
            buig_store::block_on(async {
                if store.gemeente(g).await.map_err(|e| Fout::Intern(e.to_string()))?.is_none() {
                    return Err(Fout::Invoer(format!("--gemeente: {g} staat niet in de gemeentelijst")));
                }
                let uitkeringen = store.uitkeringen(g).await.map_err(|e| Fout::Intern(e.to_string()))?;
                let inwoners = store
                    .inwoners(g)
                    .await
                    .map_err(|e| Fout::Intern(e.to_string()))?
                    .into_iter()
                    .map(|i| (i.jaar.get(), i.aantal))
                    .collect();
                Ok((uitkeringen, inwoners))
            })?
        }
    };
    let vraag = buig_bestand::Vraag { van, tot, per, regelingen, inwoners };
    if uitkeringen.is_empty() && !a.json && !a.csv {
        eprintln!("Let op: er zijn geen uitkeringen gevonden{}.", gemeente.map(|g| format!(" voor {g}")).unwrap_or_default());
    }
    if a.uitsplitsing.is_some() {
        let (groepen, kop) = match (splitsing, kolom) {
            (Some(naar), _) => (buig_bestand::uitsplitsing(&uitkeringen, &vraag, naar), naar.kop().to_string()),
            (None, Some(k)) => (buig_bestand::uitsplitsing_op(uitkeringen.iter().zip(kenmerken), &vraag), k.to_string()),
            (None, None) => unreachable!("--uitsplitsing was given"),
        };
        if a.json {
            let out = serde_json::json!({ "uitsplitsing": groepen });
            println!("{}", serde_json::to_string_pretty(&out).map_err(|e| Fout::Intern(e.to_string()))?);
        } else if a.csv {
            print!("{}", buig_bestand::render_uitsplitsing_csv(&groepen));
        } else {
            print!("{}", buig_bestand::render_uitsplitsing_tabel(&kop, &groepen));
        }
        return Ok(());
    }
    let reeks = buig_bestand::bereken(&uitkeringen, &vraag);
    if vergelijkt {
        let g = gemeente.expect("checked above");
        let vergelijking = groep.map(|gr| vergelijking(a, g, gr, &vraag, &reeks)).transpose()?;
        let vergelijkreeks = a.vergelijk_reeks.as_deref().map(|naam| vergelijkreeks(a, g, naam, &reeks)).transpose()?;
        let v = buig_bestand::Vergeleken { reeks: buig_bestand::met_index(&reeks), vergelijking, vergelijkreeks };
        if a.json {
            println!("{}", serde_json::to_string_pretty(&v).map_err(|e| Fout::Intern(e.to_string()))?);
        } else {
            print!("{}", buig_bestand::render_vergelijking(&v));
        }
        return Ok(());
    }
    toon(a, &reeks)
}

/// Prints a series as JSON, CSV or a table.
fn toon(a: &BestandArgs, reeks: &buig_bestand::Reeks) -> Uit<()> {
    if a.json {
        println!("{}", serde_json::to_string_pretty(reeks).map_err(|e| Fout::Intern(e.to_string()))?);
    } else if a.csv {
        print!("{}", buig_bestand::render_csv(reeks));
    } else {
        print!("{}", buig_bestand::render_tabel(reeks));
    }
    Ok(())
}
