// SPDX-License-Identifier: EUPL-1.2
//! The columns of every kind of file, described once for people: name,
//! meaning, format, whether required, allowed values and an example value.
//! From this one description come the templates a user downloads (CSV and
//! XLSX with a sheet "Toelichting"), the column list on the web's import
//! page and the check that `docs/import.md` names every column. The tests
//! read each template back through [`crate::read_all`], so a template can
//! only name columns the importer accepts.

use buig_core::{nl, GemeenteCode, Money};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use crate::Soort;

/// Whether a column must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verplicht {
    Ja,
    Nee,
    /// The gemeente column: the import's gemeente stands in for it.
    AlsGeenGemeenteGekozen,
}

impl Verplicht {
    /// In words, for the page and the sheet "Toelichting".
    pub fn tekst(self) -> &'static str {
        match self {
            Verplicht::Ja => "verplicht",
            Verplicht::Nee => "niet verplicht",
            Verplicht::AlsGeenGemeenteGekozen => {
                "niet verplicht: zonder deze kolom gelden alle rijen voor de gemeente waarvoor u importeert"
            }
        }
    }
}

/// The example value of a column, typed so that an XLSX template holds a
/// real number or date cell, as a user's own workbook would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voorbeeld {
    Tekst(&'static str),
    /// The gemeente the template is made for.
    Gemeente,
    Datum(i16, i8, i8),
    Bedrag(Money),
    Geheel(i64),
    /// A number of percents, exact: (mantissa, scale) as in [`Decimal::new`].
    Procent(i64, u32),
}

/// One column of a kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kolom {
    /// The name the importer looks for (case and `_`/space do not matter).
    pub naam: &'static str,
    /// Other names the importer also accepts.
    pub ook: &'static [&'static str],
    pub verplicht: Verplicht,
    pub betekenis: &'static str,
    pub formaat: &'static str,
    /// The values allowed, when they are a fixed set.
    pub waarden: Option<&'static str>,
    pub voorbeeld: Voorbeeld,
}

const DATUM: &str = "datum als dd-mm-jjjj, bijvoorbeeld 31-12-2024 (ook jjjj-mm-dd of een datumcel in Excel)";
const BEDRAG: &str =
    "bedrag in euro's met een decimale komma en hoogstens twee decimalen, bijvoorbeeld 1.234.567,89 (een getalcel in Excel mag ook)";
const JAAR: &str = "jaartal van vier cijfers, bijvoorbeeld 2024";

const fn gemeente(ook: &'static [&'static str]) -> Kolom {
    Kolom {
        naam: "gemeente",
        ook,
        verplicht: Verplicht::AlsGeenGemeenteGekozen,
        betekenis: "De gemeente van de rij, met haar CBS-code. Een rij van een andere gemeente dan waarvoor u importeert, wordt geweigerd.",
        formaat: "GM gevolgd door vier cijfers, bijvoorbeeld GM0150",
        waarden: None,
        voorbeeld: Voorbeeld::Gemeente,
    }
}

const fn jaar(betekenis: &'static str) -> Kolom {
    Kolom { naam: "jaar", ook: &[], verplicht: Verplicht::Ja, betekenis, formaat: JAAR, waarden: None, voorbeeld: Voorbeeld::Geheel(2024) }
}

const fn bedrag(naam: &'static str, verplicht: Verplicht, betekenis: &'static str, voorbeeld: i64) -> Kolom {
    Kolom {
        naam,
        ook: &[],
        verplicht,
        betekenis,
        formaat: BEDRAG,
        waarden: None,
        voorbeeld: Voorbeeld::Bedrag(Money::from_cents(voorbeeld)),
    }
}

const UITKERINGEN: &[Kolom] = &[
    gemeente(&[]),
    Kolom {
        naam: "client_id",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "Het nummer van de cliënt in uw eigen systeem. Het wordt bij het inlezen meteen onherkenbaar gemaakt (gepseudonimiseerd) en nooit opgeslagen; zo horen uitkeringen van dezelfde cliënt bij elkaar.",
        formaat: "tekst of nummer; sla een nummer met voorloopnullen in Excel op als tekst",
        waarden: None,
        voorbeeld: Voorbeeld::Tekst("100234"),
    },
    Kolom {
        naam: "regeling",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "De regeling waaronder de uitkering valt.",
        formaat: "tekst; hoofdletters maken niet uit",
        waarden: Some("PW (ook Participatiewet of WWB), IOAW, IOAZ, BBZ (ook Bbz 2004)"),
        voorbeeld: Voorbeeld::Tekst("PW"),
    },
    Kolom {
        naam: "startdatum",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "De eerste dag met uitkering.",
        formaat: DATUM,
        waarden: None,
        voorbeeld: Voorbeeld::Datum(2024, 3, 1),
    },
    Kolom {
        naam: "einddatum",
        ook: &[],
        verplicht: Verplicht::Nee,
        betekenis: "De laatste dag met uitkering; leeg als de uitkering nog loopt. Niet vóór de startdatum.",
        formaat: DATUM,
        waarden: None,
        voorbeeld: Voorbeeld::Datum(2024, 9, 30),
    },
    Kolom {
        naam: "reden_einde",
        ook: &[],
        verplicht: Verplicht::Nee,
        betekenis: "Waarom de uitkering eindigde, in uw eigen woorden; werk telt mee als uitstroom naar werk.",
        formaat: "tekst",
        waarden: None,
        voorbeeld: Voorbeeld::Tekst("werk"),
    },
    Kolom {
        naam: "geboortedatum",
        ook: &[],
        verplicht: Verplicht::Nee,
        betekenis: "De geboortedatum van de cliënt, voor de leeftijdsgroepen. Niet na de startdatum.",
        formaat: DATUM,
        waarden: None,
        voorbeeld: Voorbeeld::Datum(1984, 7, 12),
    },
    Kolom {
        naam: "huishouden",
        ook: &[],
        verplicht: Verplicht::Nee,
        betekenis: "De soort huishouden, in uw eigen woorden.",
        formaat: "tekst, bijvoorbeeld alleenstaande, alleenstaande ouder, gehuwd",
        waarden: None,
        voorbeeld: Voorbeeld::Tekst("alleenstaande"),
    },
];

const REALISATIE: &[Kolom] = &[
    gemeente(&[]),
    jaar("Het jaar van de maand."),
    Kolom {
        naam: "maand",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "De maand. Een maand na de huidige maand wordt geweigerd.",
        formaat: "geheel getal",
        waarden: Some("1 tot en met 12"),
        voorbeeld: Voorbeeld::Geheel(1),
    },
    bedrag(
        "lasten",
        Verplicht::Ja,
        "De lasten van de uitkeringen in die maand (uit de financiële administratie). Niet negatief.",
        371_245_018,
    ),
    bedrag("baten", Verplicht::Ja, "De baten in die maand, zoals terugvorderingen en verhaal. Niet negatief.", 9_231_040),
    bedrag("lks", Verplicht::Nee, "De lasten van loonkostensubsidie in die maand. Niet negatief.", 4_120_000),
];

const BUDGET: &[Kolom] = &[
    gemeente(&[]),
    jaar("Het jaar waarvoor het budget geldt."),
    Kolom {
        naam: "soort",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "De soort beschikking.",
        formaat: "tekst; hoofdletters maken niet uit",
        waarden: Some("voorlopig (ook V), nader_voorlopig (ook nader voorlopig of NV), definitief (ook D)"),
        voorbeeld: Voorbeeld::Tekst("definitief"),
    },
    bedrag("bedrag", Verplicht::Ja, "Het budget voor de uitkeringen (BUIG) volgens de beschikking. Groter dan nul.", 4_591_756_400),
    Kolom {
        naam: "datum",
        ook: &[],
        verplicht: Verplicht::Nee,
        betekenis: "De datum van de beschikking.",
        formaat: DATUM,
        waarden: None,
        voorbeeld: Voorbeeld::Datum(2024, 9, 30),
    },
    bedrag("blks", Verplicht::Nee, "Het deel van het budget voor loonkostensubsidie. Niet negatief.", 230_000_000),
    bedrag("macrobudget", Verplicht::Nee, "Het landelijke budget waarop de beschikking rust. Groter dan nul.", 695_716_000_000),
    Kolom {
        naam: "aandeel",
        ook: &[],
        verplicht: Verplicht::Nee,
        betekenis: "Het aandeel van de gemeente in het landelijke budget, in procenten.",
        formaat: "getal in procenten, bijvoorbeeld 0,66 of 0,66%; maak de cel in Excel niet op als percentage (dan staat er 0,0066)",
        waarden: Some("groter dan 0 en hoogstens 100"),
        voorbeeld: Voorbeeld::Procent(66, 2),
    },
];

const INWONERS: &[Kolom] = &[
    gemeente(&["code"]),
    jaar("Het jaar; het aantal geldt op 1 januari van dat jaar."),
    Kolom {
        naam: "inwoners",
        ook: &["aantal"],
        verplicht: Verplicht::Ja,
        betekenis: "Het aantal inwoners op 1 januari.",
        formaat: "geheel getal groter dan nul; punten tussen de duizendtallen mogen",
        waarden: None,
        voorbeeld: Voorbeeld::Geheel(103_405),
    },
];

const VERGELIJKING: &[Kolom] = &[
    Kolom {
        naam: "reeks",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "De naam van de reeks, naar eigen keuze, bijvoorbeeld de tabel van het CBS waar de cijfers uit komen.",
        formaat: "tekst",
        waarden: None,
        voorbeeld: Voorbeeld::Tekst("CBS 82015NED"),
    },
    Kolom {
        naam: "gebied",
        ook: &["regios"],
        verplicht: Verplicht::Ja,
        betekenis: "Het gebied van de rij: een gemeente met haar CBS-code, of Nederland.",
        formaat: "GM gevolgd door vier cijfers, of NL01 voor Nederland; spaties erachter mogen",
        waarden: None,
        voorbeeld: Voorbeeld::Gemeente,
    },
    Kolom {
        naam: "periode",
        ook: &["perioden"],
        verplicht: Verplicht::Ja,
        betekenis: "De periode van het cijfer.",
        formaat: "maand 2024-01, kwartaal 2024-K1 of jaar 2024; ook zoals het CBS ze schrijft (2024MM01, 2024KW01, 2024JJ00)",
        waarden: None,
        voorbeeld: Voorbeeld::Tekst("2024-01"),
    },
    Kolom {
        naam: "waarde",
        ook: &[],
        verplicht: Verplicht::Ja,
        betekenis: "Het cijfer, bijvoorbeeld het aantal uitkeringen. Laat een rij met een onbekend cijfer weg.",
        formaat: "geheel getal, nul of meer",
        waarden: None,
        voorbeeld: Voorbeeld::Geheel(2140),
    },
];

/// The columns of a kind of file, in the order of the templates.
pub fn kolommen(soort: Soort) -> &'static [Kolom] {
    match soort {
        Soort::Uitkeringen => UITKERINGEN,
        Soort::Realisatie => REALISATIE,
        Soort::Budget => BUDGET,
        Soort::Inwoners => INWONERS,
        Soort::Vergelijking => VERGELIJKING,
    }
}

/// The kind in words, as the templates and the import page name it.
pub fn omschrijving(soort: Soort) -> &'static str {
    match soort {
        Soort::Uitkeringen => "Uitkeringen (één rij per uitkering)",
        Soort::Realisatie => "Maandrealisatie (lasten, baten, loonkostensubsidie)",
        Soort::Budget => "Budgetbeschikkingen",
        Soort::Inwoners => "Inwoners op 1 januari",
        Soort::Vergelijking => "Vergelijkingsreeksen (zoals CBS-tabellen)",
    }
}

impl Voorbeeld {
    /// The example as a Dutch user types it in a `;`-separated file.
    pub fn tekst(self, gemeente: GemeenteCode) -> String {
        match self {
            Voorbeeld::Tekst(t) => t.to_string(),
            Voorbeeld::Gemeente => gemeente.to_string(),
            Voorbeeld::Datum(j, m, d) => format!("{d:02}-{m:02}-{j:04}"),
            Voorbeeld::Bedrag(m) => nl::getal(m.to_decimal(), 2),
            Voorbeeld::Geheel(n) => n.to_string(),
            Voorbeeld::Procent(m, s) => nl::getal(Decimal::new(m, s), s),
        }
    }
}

/// The CSV template: UTF-8 with a byte order mark (so Excel reads the
/// accents), `;`-separated with decimal commas as Dutch Excel writes it,
/// the header and one example row.
pub fn sjabloon_csv(soort: Soort, gemeente: GemeenteCode) -> Vec<u8> {
    let k = kolommen(soort);
    let kop: Vec<&str> = k.iter().map(|k| k.naam).collect();
    let rij: Vec<String> = k.iter().map(|k| buig_core::csv::cel(&k.voorbeeld.tekst(gemeente)).into_owned()).collect();
    format!("\u{FEFF}{}\r\n{}\r\n", kop.join(";"), rij.join(";")).into_bytes()
}

/// The XLSX template: a sheet "Gegevens" with the header and one example
/// row (numbers, amounts and dates as real cells), and a sheet
/// "Toelichting" explaining each column.
pub fn sjabloon_xlsx(soort: Soort, gemeente: GemeenteCode) -> Result<Vec<u8>, XlsxError> {
    let k = kolommen(soort);
    let mut wb = Workbook::new();
    let vet = Format::new().set_bold();
    let bedrag = Format::new().set_num_format("#,##0.00");
    let datum = Format::new().set_num_format("dd-mm-yyyy");
    let procent = Format::new().set_num_format("0.00");
    let tekst = Format::new().set_num_format("@");
    let ws = wb.add_worksheet();
    ws.set_name("Gegevens")?;
    for (c, kol) in k.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, kol.naam, &vet)?;
        ws.set_column_width(c, (kol.naam.len().max(14) + 2) as f64)?;
        match kol.voorbeeld {
            Voorbeeld::Tekst(t) => ws.write_string_with_format(1, c, t, &tekst).map(|_| ())?,
            Voorbeeld::Gemeente => ws.write_string_with_format(1, c, gemeente.to_string(), &tekst).map(|_| ())?,
            Voorbeeld::Datum(j, m, d) => {
                let dt = ExcelDateTime::from_ymd(j as u16, m as u8, d as u8)?;
                ws.write_datetime_with_format(1, c, &dt, &datum).map(|_| ())?
            }
            // A cell holds a binary fraction: the importer reads it back through its shortest decimal form.
            Voorbeeld::Bedrag(m) => ws.write_number_with_format(1, c, m.cents() as f64 / 100.0, &bedrag).map(|_| ())?,
            Voorbeeld::Geheel(n) => ws.write_number(1, c, n as f64).map(|_| ())?,
            Voorbeeld::Procent(m, s) => ws.write_number_with_format(1, c, m as f64 / 10f64.powi(s as i32), &procent).map(|_| ())?,
        }
    }
    ws.set_freeze_panes(1, 0)?;

    let uitleg = wb.add_worksheet();
    uitleg.set_name("Toelichting")?;
    let omloop = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    uitleg.write_string_with_format(0, 0, format!("{} — toelichting per kolom", omschrijving(soort)), &vet)?;
    uitleg.write_string(
        1,
        0,
        "Vul op het blad Gegevens één rij per regel in, onder de kolomnamen. De voorbeeldrij mag u overschrijven of weghalen. \
         Kolommen die niet verplicht zijn, mag u leeg laten of weglaten; de volgorde van de kolommen maakt niet uit.",
    )?;
    let koppen = ["Kolom", "Betekenis", "Formaat", "Verplicht", "Toegestane waarden", "Voorbeeld"];
    let breedtes = [18.0, 60.0, 48.0, 30.0, 36.0, 16.0];
    for (c, (kop, b)) in koppen.iter().zip(breedtes).enumerate() {
        uitleg.write_string_with_format(3, c as u16, *kop, &vet)?;
        uitleg.set_column_width(c as u16, b)?;
    }
    for (r, kol) in k.iter().enumerate() {
        let r = 4 + r as u32;
        let naam = if kol.ook.is_empty() { kol.naam.to_string() } else { format!("{} (ook: {})", kol.naam, kol.ook.join(", ")) };
        let cellen = [
            naam,
            kol.betekenis.to_string(),
            kol.formaat.to_string(),
            kol.verplicht.tekst().to_string(),
            kol.waarden.unwrap_or("").to_string(),
            kol.voorbeeld.tekst(gemeente),
        ];
        for (c, t) in cellen.iter().enumerate() {
            uitleg.write_string_with_format(r, c as u16, t, &omloop)?;
        }
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_all, Options, Pseudonimiseerder, Record};
    use buig_core::records::{BudgetSoort, Gebied, Regeling};

    fn gm() -> GemeenteCode {
        "GM0150".parse().unwrap()
    }

    /// Each template, as downloaded, read by the importer as a store import reads it.
    fn lees(soort: Soort, naam: &str, bytes: &[u8]) -> Vec<Record> {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join(naam);
        std::fs::write(&pad, bytes).unwrap();
        let opts = Options {
            gemeente: (soort != Soort::Vergelijking).then(gm),
            uniek: true,
            vandaag: Some(jiff::civil::date(2024, 12, 1)),
            ..Options::default()
        };
        read_all(&pad, soort, &opts, &Pseudonimiseerder::new(b"een sleutel van minstens 32 bytes lang."))
            .unwrap_or_else(|e| panic!("{naam}: {e}"))
    }

    /// The example row's values, taken from the description, must be what the importer read.
    fn klopt(soort: Soort, records: &[Record]) {
        let [r] = records else { panic!("{soort}: one example row, got {}", records.len()) };
        let k = kolommen(soort);
        let v = |naam: &str| k.iter().find(|k| k.naam == naam).unwrap().voorbeeld;
        let datum = |naam| match v(naam) {
            Voorbeeld::Datum(j, m, d) => jiff::civil::date(j, m, d),
            o => panic!("{o:?}"),
        };
        let geld = |naam| match v(naam) {
            Voorbeeld::Bedrag(m) => m,
            o => panic!("{o:?}"),
        };
        let geheel = |naam| match v(naam) {
            Voorbeeld::Geheel(n) => n,
            o => panic!("{o:?}"),
        };
        let tekst = |naam| match v(naam) {
            Voorbeeld::Tekst(t) => t.to_string(),
            o => panic!("{o:?}"),
        };
        match r {
            Record::Uitkering(u) => {
                assert_eq!(u.gemeente, gm());
                assert_eq!(u.client, Pseudonimiseerder::new(b"een sleutel van minstens 32 bytes lang.").pseudoniem(&tekst("client_id")));
                assert_eq!(u.regeling, tekst("regeling").parse::<Regeling>().unwrap());
                assert_eq!(u.startdatum, datum("startdatum"));
                assert_eq!(u.einddatum, Some(datum("einddatum")));
                assert_eq!(u.reden_einde.as_deref(), Some(tekst("reden_einde").as_str()));
                assert_eq!(u.geboortedatum, Some(datum("geboortedatum")));
                assert_eq!(u.huishouden.as_deref(), Some(tekst("huishouden").as_str()));
            }
            Record::Realisatie(m) => {
                assert_eq!((m.gemeente, i64::from(m.jaar.get()), i64::from(m.maand)), (gm(), geheel("jaar"), geheel("maand")));
                assert_eq!((m.lasten, m.baten, m.lks), (geld("lasten"), geld("baten"), Some(geld("lks"))));
            }
            Record::Budget(b) => {
                assert_eq!((b.gemeente, i64::from(b.jaar.get())), (gm(), geheel("jaar")));
                assert_eq!(b.soort, tekst("soort").parse::<BudgetSoort>().unwrap());
                assert_eq!((b.bedrag, b.blks, b.macrobudget), (geld("bedrag"), Some(geld("blks")), Some(geld("macrobudget"))));
                assert_eq!(b.datum, Some(datum("datum")));
                let Voorbeeld::Procent(m, s) = v("aandeel") else { panic!() };
                assert_eq!(b.aandeel, Some(Decimal::new(m, s)));
            }
            Record::Inwoners(i) => {
                assert_eq!((i.gemeente, i64::from(i.jaar.get()), i.aantal as i64), (gm(), geheel("jaar"), geheel("inwoners")));
            }
            Record::Vergelijking(w) => {
                assert_eq!(w.reeks, tekst("reeks"));
                assert_eq!(w.gebied, Gebied::Gemeente(gm()));
                assert_eq!(w.periode, tekst("periode"));
                assert_eq!(w.waarde as i64, geheel("waarde"));
            }
        }
    }

    #[test]
    fn every_csv_template_imports_its_example_row() {
        for s in Soort::ALL {
            let csv = sjabloon_csv(s, gm());
            klopt(s, &lees(s, &format!("{s}.csv"), &csv));
        }
    }

    #[test]
    fn every_xlsx_template_imports_its_example_row() {
        for s in Soort::ALL {
            let xlsx = sjabloon_xlsx(s, gm()).unwrap();
            klopt(s, &lees(s, &format!("{s}.xlsx"), &xlsx));
        }
    }

    #[test]
    fn the_xlsx_template_explains_every_column_on_a_second_sheet() {
        use calamine::Reader as _;
        for s in Soort::ALL {
            let xlsx = sjabloon_xlsx(s, gm()).unwrap();
            let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
            assert_eq!(wb.sheet_names(), vec!["Gegevens".to_string(), "Toelichting".to_string()]);
            let blad = wb.worksheet_range("Toelichting").unwrap();
            let namen: Vec<String> = blad.rows().skip(4).map(|r| r[0].to_string()).collect();
            assert_eq!(namen.len(), kolommen(s).len());
            for (naam, k) in namen.iter().zip(kolommen(s)) {
                assert!(naam.starts_with(k.naam), "{naam}");
            }
        }
    }

    #[test]
    fn docs_name_every_column_of_every_kind() {
        let docs = include_str!("../../../docs/import.md");
        for s in Soort::ALL {
            let kop = format!("## `{s}`");
            let deel = docs.split(&kop).nth(1).unwrap_or_else(|| panic!("docs/import.md has no section {kop}"));
            let deel = deel.split("\n## ").next().unwrap();
            for k in kolommen(s) {
                assert!(deel.contains(&format!("`{}`", k.naam)), "docs/import.md, {kop}, does not name column {}", k.naam);
            }
        }
    }
}
