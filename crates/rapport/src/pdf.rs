// SPDX-License-Identifier: EUPL-1.2
//! PDF through LibreOffice, where it is installed: the DOCX is converted by
//! `soffice --headless --convert-to pdf` in a directory and profile of its
//! own (a shared profile blocks parallel conversions), with a time limit.
//! The app itself draws no PDF; without LibreOffice the caller is told so.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::RapportFout;

/// How long a conversion may take before it is stopped.
const TIJDSLIMIET: Duration = Duration::from_secs(120);

/// Is LibreOffice (`soffice`) on this machine? Asked once.
pub fn beschikbaar() -> bool {
    static B: OnceLock<bool> = OnceLock::new();
    *B.get_or_init(|| {
        Command::new("soffice").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    })
}

fn werkmap() -> PathBuf {
    let nu = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    std::env::temp_dir().join(format!("buig-pdf-{}-{nu}", std::process::id()))
}

/// The DOCX bytes as PDF bytes.
pub fn van_docx(docx: &[u8]) -> Result<Vec<u8>, RapportFout> {
    if !beschikbaar() {
        return Err(RapportFout::Pdf(
            "PDF vraagt LibreOffice (soffice) op deze machine; installeer het (apt-get install libreoffice-writer) of kies docx of html"
                .into(),
        ));
    }
    let map = werkmap();
    let fout = |e: std::io::Error| RapportFout::Pdf(format!("{}: {e}", map.display()));
    std::fs::create_dir_all(&map).map_err(fout)?;
    let uitkomst = (|| {
        let invoer = map.join("document.docx");
        std::fs::write(&invoer, docx).map_err(fout)?;
        let mut kind = Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}", map.join("profiel").display()))
            .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
            .arg(&map)
            .arg(&invoer)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(fout)?;
        let begin = Instant::now();
        loop {
            if kind.try_wait().map_err(fout)?.is_some() {
                break;
            }
            if begin.elapsed() > TIJDSLIMIET {
                let _ = kind.kill();
                let _ = kind.wait();
                return Err(RapportFout::Pdf(format!("LibreOffice was na {} s nog niet klaar en is gestopt", TIJDSLIMIET.as_secs())));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read(map.join("document.pdf")).map_err(|_| RapportFout::Pdf("LibreOffice maakte geen PDF van het document".into()))
    })();
    let _ = std::fs::remove_dir_all(&map);
    uitkomst
}
