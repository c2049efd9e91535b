// SPDX-License-Identifier: EUPL-1.2
//! A small, format-neutral document model: each document is built once as
//! [`Document`] and rendered to HTML ([`crate::html`]) and DOCX
//! ([`crate::docx`]), so both formats carry exactly the same text.
//! Text is plain: every renderer escapes it.

/// One run of text, optionally bold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuk {
    pub tekst: String,
    pub vet: bool,
}

/// A paragraph or list item: runs of text.
pub type Tekst = Vec<Stuk>;

/// Plain text.
pub fn gewoon(s: impl Into<String>) -> Tekst {
    vec![Stuk { tekst: s.into(), vet: false }]
}

/// A bold lead followed by plain text: `vet("Voorwaarde a. ", "…")`.
pub fn met_kop(kop: impl Into<String>, rest: impl Into<String>) -> Tekst {
    vec![Stuk { tekst: kop.into(), vet: true }, Stuk { tekst: rest.into(), vet: false }]
}

/// The concatenated text of runs, for tests and plain output.
pub fn platte_tekst(t: &Tekst) -> String {
    t.iter().map(|s| s.tekst.as_str()).collect()
}

/// A table with one header row. `rechts[i]` right-aligns column `i` (amounts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
    pub kop: Vec<String>,
    pub rijen: Vec<Vec<String>>,
    pub rechts: Vec<bool>,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Blok {
    /// Heading level 1 (sections, appendices).
    Kop1(String),
    /// Heading level 2.
    Kop2(String),
    Alinea(Tekst),
    /// A list; `genummerd` for the decision asked.
    Lijst {
        genummerd: bool,
        items: Vec<Tekst>,
    },
    Tabel(Tabel),
    /// A highlighted note: warnings, placeholders still to be filled in.
    Kader {
        titel: String,
        items: Vec<String>,
    },
    /// A chart: inline SVG in HTML, a PNG picture in DOCX. Builders put the
    /// chart's data right after it as a [`Blok::Tabel`] (see [`grafiek`]), so
    /// every figure is also readable as text.
    Grafiek(buig_grafiek::Grafiek),
    /// Start the following blocks on a new page (appendices).
    Pagina,
}

/// A chart followed by its data as a table (amount columns right-aligned).
/// A chart without any value is left out: only its table (with `–`) stays.
pub fn grafiek(g: buig_grafiek::Grafiek) -> Vec<Blok> {
    let t = g.tabel();
    let n = t.kop.len();
    let tabel = Tabel { kop: t.kop, rijen: t.rijen, rechts: (0..n).map(|i| i > 0).collect() };
    grafiek_met_tabel(g, tabel)
}

/// A chart followed by a richer table that holds at least the chart's
/// values (dates, shares, explanations beside the amounts). A chart without
/// any value is left out.
pub fn grafiek_met_tabel(g: buig_grafiek::Grafiek, tabel: Tabel) -> Vec<Blok> {
    let heeft_waarden = g.reeksen.iter().flat_map(|r| &r.waarden).any(|v| v.is_some_and(f64::is_finite));
    if heeft_waarden {
        vec![Blok::Grafiek(g), Blok::Tabel(tabel)]
    } else {
        vec![Blok::Tabel(tabel)]
    }
}

/// A complete document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub titel: String,
    /// Lines under the title (gemeente, date, rule).
    pub kenmerken: Vec<(String, String)>,
    pub blokken: Vec<Blok>,
    /// Text in the footer before the page number.
    pub voettekst: String,
}

/// An amount never breaks after its euro sign: `€ 1.234` becomes `€\u{a0}1.234`.
fn vast(s: &str) -> String {
    s.replace("€ ", "€\u{a0}")
}

impl Document {
    /// The document with the gemeente's letterhead: its lines after the
    /// "Gemeente" line (or first), each only when set.
    pub fn met_briefhoofd(mut self, b: Option<&buig_core::records::Briefhoofd>) -> Document {
        let Some(b) = b else { return self };
        let na = self.kenmerken.iter().position(|(k, _)| k == "Gemeente").map_or(0, |i| i + 1);
        for (i, k) in b.kenmerken().into_iter().enumerate() {
            self.kenmerken.insert(na + i, k);
        }
        self
    }

    /// The document as it is rendered: a non-breaking space after every euro
    /// sign, so an amount never breaks over two lines (the text model keeps
    /// plain spaces, which is what tests and [`Document::platte_tekst`] read).
    pub fn voor_weergave(&self) -> Document {
        let tekst = |t: &Tekst| t.iter().map(|s| Stuk { tekst: vast(&s.tekst), vet: s.vet }).collect::<Tekst>();
        let blokken = self
            .blokken
            .iter()
            .map(|b| match b {
                Blok::Kop1(s) => Blok::Kop1(vast(s)),
                Blok::Kop2(s) => Blok::Kop2(vast(s)),
                Blok::Alinea(t) => Blok::Alinea(tekst(t)),
                Blok::Lijst { genummerd, items } => Blok::Lijst { genummerd: *genummerd, items: items.iter().map(tekst).collect() },
                Blok::Tabel(t) => Blok::Tabel(Tabel {
                    kop: t.kop.iter().map(|k| vast(k)).collect(),
                    rijen: t.rijen.iter().map(|r| r.iter().map(|c| vast(c)).collect()).collect(),
                    rechts: t.rechts.clone(),
                }),
                Blok::Kader { titel, items } => Blok::Kader { titel: vast(titel), items: items.iter().map(|i| vast(i)).collect() },
                b => b.clone(),
            })
            .collect();
        Document {
            titel: vast(&self.titel),
            kenmerken: self.kenmerken.iter().map(|(k, v)| (k.clone(), vast(v))).collect(),
            blokken,
            voettekst: self.voettekst.clone(),
        }
    }

    /// All text of the document in reading order, one block per line.
    pub fn platte_tekst(&self) -> String {
        let mut o = vec![self.titel.clone()];
        o.extend(self.kenmerken.iter().map(|(k, v)| format!("{k}: {v}")));
        for b in &self.blokken {
            match b {
                Blok::Kop1(s) | Blok::Kop2(s) => o.push(s.clone()),
                Blok::Alinea(t) => o.push(platte_tekst(t)),
                Blok::Lijst { items, .. } => o.extend(items.iter().map(platte_tekst)),
                Blok::Tabel(t) => {
                    o.push(t.kop.join(" | "));
                    o.extend(t.rijen.iter().map(|r| r.join(" | ")));
                }
                Blok::Kader { titel, items } => {
                    o.push(titel.clone());
                    o.extend(items.iter().cloned());
                }
                Blok::Grafiek(g) => o.push(format!("[grafiek: {}]", g.titel)),
                Blok::Pagina => {}
            }
        }
        o.join("\n")
    }
}

/// A text a user wrote, as blocks: paragraphs split on blank lines; a
/// paragraph whose every line starts with "- ", "* " or "• " is a list.
pub fn eigen_tekst(tekst: &str) -> Vec<Blok> {
    let mut blokken = Vec::new();
    let tekst = tekst.replace("\r\n", "\n");
    for alinea in tekst.split("\n\n").map(str::trim).filter(|a| !a.is_empty()) {
        let regels: Vec<&str> = alinea.lines().map(str::trim).filter(|r| !r.is_empty()).collect();
        let punt = |r: &str| r.strip_prefix("- ").or_else(|| r.strip_prefix("* ")).or_else(|| r.strip_prefix("• ")).map(str::to_string);
        if regels.iter().all(|r| punt(r).is_some()) {
            blokken.push(Blok::Lijst { genummerd: false, items: regels.iter().filter_map(|r| punt(r)).map(gewoon).collect() });
        } else {
            blokken.push(Blok::Alinea(gewoon(regels.join(" "))));
        }
    }
    blokken
}
