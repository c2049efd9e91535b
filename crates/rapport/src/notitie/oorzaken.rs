// SPDX-License-Identifier: EUPL-1.2
//! The causes of the shortfall from the caseload: the stock of t-2..t per
//! quarter with its index against Nederland, inflow and outflow, duration
//! and age — everything counted before (the service layer); this writes it.

use buig_bestand::{Punt, DUUR_BANDEN, LEEFTIJD_BANDEN};
use buig_core::{nl, Year};
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Tabel};
use crate::gedeeld::{aandeel, duur_tekst, gestapeld, groei_pct, kwartaal_label, leeftijd_tekst, stroom_blokken};
use crate::notitie::invoer::{Nederland, Oorzaken};

/// `eind 2023` for a fourth quarter, else `eind K2 2023`.
fn eind_label(p: &Punt) -> String {
    match p.periode.strip_suffix("-K4") {
        Some(j) => format!("eind {j}"),
        None => format!("eind {}", kwartaal_label(&p.periode)),
    }
}

/// `104,3`: a stock as an index on its first value.
fn index(waarde: u64, basis: u64) -> Option<f64> {
    (basis > 0).then(|| waarde as f64 * 100.0 / basis as f64)
}

fn index_tekst(x: Option<f64>) -> String {
    x.and_then(Decimal::from_f64_retain).map(|d| nl::getal(d, 1)).unwrap_or_else(|| "–".into())
}

/// The stock as an index against Nederland: a sentence, a line chart and its table.
fn index_blokken(naam: &str, alle: &[Punt], nl_: &Nederland) -> Vec<Blok> {
    let (Some(eerste), Some(laatste)) = (alle.first(), alle.last()) else { return Vec::new() };
    let eigen: Vec<Option<f64>> = alle.iter().map(|p| index(p.stand, eerste.stand)).collect();
    let land: Vec<Option<f64>> = nl_.stand.iter().map(|s| index(*s, nl_.stand[0])).collect();
    let mut b = vec![Blok::Alinea(gewoon(format!(
        "Ter vergelijking Nederland ({} andere gemeenten in de database met uitkeringen in elk kwartaal): het bestand ging daar van {} naar {} ({}). Als index ({} = 100) staat {} {} op {}, Nederland op {}.",
        nl_.gemeenten,
        nl::aantal(nl_.stand[0]),
        nl::aantal(*nl_.stand.last().unwrap_or(&0)),
        groei_pct(nl_.stand[0], *nl_.stand.last().unwrap_or(&0)).unwrap_or_else(|| "–".into()),
        kwartaal_label(&eerste.periode),
        naam,
        eind_label(laatste),
        index_tekst(*eigen.last().unwrap_or(&None)),
        index_tekst(*land.last().unwrap_or(&None)),
    )))];
    let mut g = buig_grafiek::Grafiek::new(
        format!("Bestand als index ({} = 100): {naam} en Nederland", kwartaal_label(&eerste.periode)),
        buig_grafiek::Soort::Lijn,
        buig_grafiek::Eenheid::Aantal,
    );
    g.x_labels = alle.iter().map(|p| kwartaal_label(&p.periode)).collect();
    g.reeksen.push(buig_grafiek::Reeks::new(naam, eigen.clone()));
    g.reeksen.push(buig_grafiek::Reeks { naam: "Nederland".into(), waarden: land.clone(), stijl: buig_grafiek::Stijl::Gestippeld });
    let rijen = alle
        .iter()
        .enumerate()
        .map(|(i, p)| vec![kwartaal_label(&p.periode), index_tekst(eigen[i]), index_tekst(land.get(i).copied().flatten())])
        .collect();
    b.extend(grafiek_met_tabel(
        g,
        Tabel { kop: vec!["Kwartaal".into(), naam.to_string(), "Nederland".into()], rijen, rechts: vec![false, true, true] },
    ));
    b
}

/// The section "Oorzaken van het tekort": the caseload of t-2..t per quarter
/// (stand, flows, duration, age), Nederland beside it where the data allow.
pub fn blokken(o: &Oorzaken, t: Year, naam: &str) -> Vec<Blok> {
    let alle = &o.kwartalen.reeks;
    let landelijk = o.nederland.as_ref();
    let (Some(eerste), Some(laatste)) = (alle.first(), alle.last()) else {
        return vec![Blok::Kader {
            titel: "In te vullen".into(),
            items: vec!["Oorzaken van het tekort (vraag A): er zijn geen kwartalen te tellen.".into()],
        }];
    };
    // The flows, duration and age cover t-2..t; the stock starts one quarter earlier.
    let punten = if alle.len() > 1 { &alle[1..] } else { &alle[..] };
    let van_jaar = t.get() - 2;
    let mut b = Vec::new();
    b.push(Blok::Alinea(gewoon(format!(
        "De ontwikkeling van het bijstandsbestand over {van_jaar}–{t}, geteld uit de uitkeringen: de stand aan het einde van elk kwartaal, de instroom en uitstroom, de uitkeringsduur en de leeftijd. Andere oorzaken, zoals de ontwikkeling van het budgetaandeel en de dienstverlening, beschrijft de gemeente zelf (vraag A van het aanvraagformulier)."
    ))));

    // --- Stand ---
    b.push(Blok::Kop2("Omvang van het bestand".into()));
    let verschil = laatste.stand as i64 - eerste.stand as i64;
    let werkwoord = match verschil.signum() {
        1 => "groeide",
        -1 => "daalde",
        _ => "bleef gelijk:",
    };
    b.push(Blok::Alinea(gewoon(format!(
        "Het bestand {werkwoord} van {} {} naar {} {} ({}{}).",
        nl::aantal(eerste.stand),
        eind_label(eerste),
        nl::aantal(laatste.stand),
        eind_label(laatste),
        nl::met_teken(verschil),
        groei_pct(eerste.stand, laatste.stand).map(|p| format!("; {p}")).unwrap_or_default()
    ))));
    let jaareinden: Vec<&Punt> = alle.iter().filter(|p| p.periode.ends_with("-K4") || std::ptr::eq(*p, laatste)).collect();
    let mut rijen = Vec::new();
    for (i, p) in jaareinden.iter().enumerate() {
        let vorig = i.checked_sub(1).map(|j| jaareinden[j]);
        rijen.push(vec![
            eind_label(p),
            nl::aantal(p.stand),
            vorig.map(|v| nl::met_teken(p.stand as i64 - v.stand as i64)).unwrap_or_else(|| "–".into()),
            vorig.and_then(|v| groei_pct(v.stand, p.stand)).unwrap_or_else(|| "–".into()),
        ]);
    }
    b.push(Blok::Tabel(Tabel {
        kop: vec!["Moment".into(), "Uitkeringen".into(), "Verschil".into(), "Verschil %".into()],
        rijen,
        rechts: vec![false, true, true, true],
    }));
    match landelijk {
        Some(l) if l.bruikbaar() => b.extend(index_blokken(naam, alle, l)),
        Some(l) => b.push(Blok::Alinea(gewoon(format!(
            "Een vergelijking met Nederland ontbreekt: de database bevat van {} andere gemeente{} uitkeringen over elk van deze kwartalen, en er zijn er minstens {} nodig.",
            l.anderen,
            if l.anderen == 1 { "" } else { "n" },
            buig_bestand::MIN_GROEP
        )))),
        None => {}
    }
    let regelingen: Vec<(String, Vec<u64>)> =
        o.per_regeling.iter().map(|(r, s)| (r.clone(), alle.iter().map(|p| s.punt(&p.periode).map_or(0, |q| q.stand)).collect())).collect();
    b.extend(gestapeld(
        &format!("Uitkeringen per regeling, einde kwartaal, {} – {}", kwartaal_label(&eerste.periode), kwartaal_label(&laatste.periode)),
        alle,
        regelingen,
    ));

    // --- Instroom en uitstroom ---
    b.push(Blok::Kop2("Instroom en uitstroom".into()));
    let mut jaren: Vec<(i32, u64, u64, i64, usize)> = Vec::new();
    for p in punten {
        let j: i32 = p.periode.get(..4).and_then(|j| j.parse().ok()).unwrap_or_default();
        match jaren.last_mut() {
            Some(r) if r.0 == j => {
                r.1 += p.instroom;
                r.2 += p.uitstroom;
                r.3 += p.saldo;
                r.4 += 1;
            }
            _ => jaren.push((j, p.instroom, p.uitstroom, p.saldo, 1)),
        }
    }
    let jaar_naam = |j: &(i32, u64, u64, i64, usize)| if j.4 == 4 { j.0.to_string() } else { format!("{} (K1–K{})", j.0, j.4) };
    let (tin, tuit, tsaldo) = punten.iter().fold((0u64, 0u64, 0i64), |(a, b, c), p| (a + p.instroom, b + p.uitstroom, c + p.saldo));
    let mut zin = format!(
        "Over {} samen stroomden {} uitkeringen in en {} uit: een saldo van {}.",
        if jaren.len() > 1 { format!("{}–{}", jaren[0].0, jaren[jaren.len() - 1].0) } else { van_jaar.to_string() },
        nl::aantal(tin),
        nl::aantal(tuit),
        nl::met_teken(tsaldo)
    );
    if let Some(j) = jaren.last() {
        zin.push_str(&format!(
            " In {}: instroom {}, uitstroom {}, saldo {}.",
            jaar_naam(j),
            nl::aantal(j.1),
            nl::aantal(j.2),
            nl::met_teken(j.3)
        ));
    }
    b.push(Blok::Alinea(gewoon(zin)));
    b.push(Blok::Tabel(Tabel {
        kop: vec!["Jaar".into(), "Instroom".into(), "Uitstroom".into(), "Saldo".into()],
        rijen: jaren.iter().map(|j| vec![jaar_naam(j), nl::aantal(j.1), nl::aantal(j.2), nl::met_teken(j.3)]).collect(),
        rechts: vec![false, true, true, true],
    }));
    b.extend(stroom_blokken(punten));

    // --- Uitkeringsduur ---
    b.push(Blok::Kop2("Uitkeringsduur".into()));
    let lang = |p: &Punt| -> u64 { ["36-60", "60+"].iter().map(|band| p.duur[*band]).sum() };
    b.push(Blok::Alinea(gewoon(format!(
        "{} liep {} van de {} uitkeringen ({}) drie jaar of langer; {} waren dat er {} van de {} ({}).",
        nl::hoofdletter(&eind_label(laatste)),
        nl::aantal(lang(laatste)),
        nl::aantal(laatste.stand),
        aandeel(lang(laatste), laatste.stand),
        eind_label(eerste),
        nl::aantal(lang(eerste)),
        nl::aantal(eerste.stand),
        aandeel(lang(eerste), eerste.stand)
    ))));
    if let Some(l) = landelijk.filter(|l| l.bruikbaar()) {
        let nl_totaal: u64 = l.duur_laatste.iter().sum();
        let nl_lang: u64 =
            DUUR_BANDEN.iter().zip(&l.duur_laatste).filter(|(band, _)| ["36-60", "60+"].contains(band)).map(|(_, n)| n).sum();
        b.push(Blok::Alinea(gewoon(format!(
            "{} liep in Nederland {} van de uitkeringen drie jaar of langer, in {} {}.",
            nl::hoofdletter(&eind_label(laatste)),
            aandeel(nl_lang, nl_totaal),
            naam,
            aandeel(lang(laatste), laatste.stand)
        ))));
        let rijen = DUUR_BANDEN
            .iter()
            .enumerate()
            .map(|(i, band)| {
                vec![duur_tekst(band).to_string(), aandeel(laatste.duur[*band], laatste.stand), aandeel(l.duur_laatste[i], nl_totaal)]
            })
            .collect();
        b.push(Blok::Tabel(Tabel {
            kop: vec![format!("Duur ({})", eind_label(laatste)), naam.to_string(), "Nederland".into()],
            rijen,
            rechts: vec![false, true, true],
        }));
    }
    let duur = DUUR_BANDEN.iter().map(|band| (duur_tekst(band).to_string(), punten.iter().map(|p| p.duur[*band]).collect())).collect();
    b.extend(gestapeld("Uitkeringen naar duur, einde kwartaal", punten, duur));

    // --- Leeftijd ---
    b.push(Blok::Kop2("Leeftijd".into()));
    let met_leeftijd = |p: &Punt| -> u64 { LEEFTIJD_BANDEN.iter().map(|band| p.leeftijd[*band]).sum() };
    let delen: Vec<String> = LEEFTIJD_BANDEN
        .iter()
        .map(|band| {
            let wie = if *band == "0-27" { leeftijd_tekst(band).to_string() } else { format!("van {}", leeftijd_tekst(band)) };
            format!("{} {wie} ({})", nl::aantal(laatste.leeftijd[*band]), aandeel(laatste.leeftijd[*band], met_leeftijd(laatste)))
        })
        .collect();
    b.push(Blok::Alinea(gewoon(format!(
        "{} waren van de uitkeringsontvangers met een bekende geboortedatum {}; {} waren er {} jonger dan 27 ({}).",
        nl::hoofdletter(&eind_label(laatste)),
        nl::opsomming(&delen),
        eind_label(eerste),
        nl::aantal(eerste.leeftijd["0-27"]),
        aandeel(eerste.leeftijd["0-27"], met_leeftijd(eerste))
    ))));
    let leeftijd =
        LEEFTIJD_BANDEN.iter().map(|band| (leeftijd_tekst(band).to_string(), punten.iter().map(|p| p.leeftijd[*band]).collect())).collect();
    b.extend(gestapeld("Uitkeringen naar leeftijd, einde kwartaal", punten, leeftijd));
    b
}
