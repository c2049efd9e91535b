// SPDX-License-Identifier: EUPL-1.2
//! The three council documents as DOCX, opened by LibreOffice: each is
//! converted to PDF with `soffice --headless --convert-to pdf`, the PDF's text
//! (poppler's `pdftotext`) carries the key figures, and its first pages are
//! rendered to PNG in `target/e2e/` to look at. Without LibreOffice the test
//! is skipped, unless `BUIG_LIBREOFFICE=1` (set by `.ci/run`, which installs
//! it) makes that a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn buig(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buig")).args(args).env("DATABASE_URL", db).output().expect("buig runs")
}

fn ok(db: &str, args: &[&str]) {
    let o = buig(db, args);
    assert!(o.status.success(), "buig {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

fn beschikbaar(prog: &str, versie: &str) -> bool {
    Command::new(prog).arg(versie).output().is_ok_and(|o| o.status.success())
}

/// DOCX → PDF in a fresh LibreOffice profile (a shared one blocks parallel runs).
fn naar_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let profiel = dir.join(format!("lo-profiel-{}", docx.file_stem().unwrap().to_string_lossy()));
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profiel.display()))
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("soffice runs");
    let pdf = dir.join(docx.file_stem().unwrap()).with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice made no PDF of {}: {}{}",
        docx.display(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    pdf
}

fn tekst(pdf: &Path) -> String {
    let o = Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(o.status.success());
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn paginas(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&o.stdout).into_owned();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).expect("a page count")
}

/// The first pages as PNG for people to look at.
fn afbeeldingen(pdf: &Path, naam: &str) {
    let uit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&uit).unwrap();
    let o = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "6"])
        .arg(pdf)
        .arg(uit.join(naam))
        .output()
        .expect("pdftoppm runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn libreoffice_opens_every_council_document_and_prints_its_figures() {
    let nodig = std::env::var("BUIG_LIBREOFFICE").is_ok_and(|v| v == "1");
    if !(beschikbaar("soffice", "--version") && beschikbaar("pdftotext", "-v")) {
        assert!(!nodig, "BUIG_LIBREOFFICE=1 but soffice or pdftotext is missing (apt-get install libreoffice-writer-nogui poppler-utils)");
        // Straight to stderr, past the test harness's capture: a local run says what it did not test.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"overgeslagen: de LibreOffice-test van de documenten (soffice of pdftotext ontbreekt; .ci/run installeert ze)\n",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("demo.db").display());
    ok(&db, &["demo"]);
    ok(&db, &["plan", "laad-voorbeeld"]);
    let docx = |naam: &str| dir.path().join(format!("{naam}.docx"));

    let n = docx("notitie");
    ok(
        &db,
        &[
            "rapport",
            "notitie-vangnet",
            "--gemeente",
            "GM0150",
            "--jaar",
            "2023",
            "--peildatum",
            "2024-05-31",
            "--formaat",
            "docx",
            "-o",
            n.to_str().unwrap(),
        ],
    );
    let r = docx("raadsmededeling");
    ok(
        &db,
        &[
            "rapport",
            "raadsmededeling",
            "--gemeente",
            "GM0150",
            "--jaar",
            "2023",
            "--peildatum",
            "2023-10-31",
            "--formaat",
            "docx",
            "-o",
            r.to_str().unwrap(),
        ],
    );
    let m = docx("monitor");
    ok(
        &db,
        &[
            "rapport",
            "monitor",
            "--gemeente",
            "GM9999",
            "--jaar",
            "2026",
            "--peildatum",
            "2026-09-30",
            "--formaat",
            "docx",
            "-o",
            m.to_str().unwrap(),
        ],
    );

    let pdf = naar_pdf(&n, dir.path());
    let t = tekst(&pdf);
    for figuur in ["€ 149.870", "8,21%", "15 augustus 2024", "Raadsvoorstel", "Bijlage 1", "Bijlage 2"] {
        assert!(t.contains(figuur), "notitie PDF lacks {figuur}:\n{t}");
    }
    assert!(paginas(&pdf) >= 4, "notitie, raadsvoorstel, raadsbesluit and annexes");
    afbeeldingen(&pdf, "lo-notitie");

    let pdf = naar_pdf(&r, dir.path());
    let t = tekst(&pdf);
    for figuur in ["€ 41.984.531", "€ 45.917.564", "Voortgang Aanvalsplan BUIG 2022-2023"] {
        assert!(t.contains(figuur), "raadsmededeling PDF lacks {figuur}:\n{t}");
    }
    afbeeldingen(&pdf, "lo-raadsmededeling");

    let pdf = naar_pdf(&m, dir.path());
    let t = tekst(&pdf);
    assert!(t.contains("K3 2026") && t.contains("per 1.000 inwoners"), "monitor PDF:\n{t}");
    afbeeldingen(&pdf, "lo-monitor");

    // The app's own --formaat pdf goes the same way.
    let p = dir.path().join("eigen.pdf");
    ok(&db, &["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "pdf", "-o", p.to_str().unwrap()]);
    assert!(std::fs::read(&p).unwrap().starts_with(b"%PDF"));
    assert!(tekst(&p).contains("€ 149.870"));
}

#[test]
fn without_libreoffice_a_pdf_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("demo.db").display());
    ok(&db, &["demo"]);
    let p = dir.path().join("n.pdf");
    // No PATH: soffice cannot be found, as on a machine without LibreOffice.
    let o = Command::new(env!("CARGO_BIN_EXE_buig"))
        .args(["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "pdf", "-o", p.to_str().unwrap()])
        .env("DATABASE_URL", &db)
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("PDF vraagt LibreOffice (soffice)") && e.contains("kies docx of html"), "{e}");
    assert!(!p.exists(), "no file is written");
}
